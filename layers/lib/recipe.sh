# shellcheck shell=bash
# What the interpreter recipes that install from Amazon Linux's packages share (layers/php, layers/ruby,
# layers/python): their options, the amazonlinux container that installs the interpreter, the --dry-run plan,
# the stop without Docker and, for PHP and Ruby, --from-host (the host's own interpreter laid out: a local smoke
# test). A recipe's build-layer.sh sets HERE and REPO, sources layout.sh and this file, then sets
#   RECIPE          php, ruby, python: its directory layers/RECIPE, its version option --RECIPE, its zip's name
#   RECIPE_LABEL    the interpreter's name in messages (PHP, Ruby, Python)
#   RECIPE_LOCAL    its local smoke-test option (--from-host, or --from-debs with its own local_layout)
#   RECIPE_VERSION  the pattern a version must match, e.g. '^[0-9]+\.[0-9]+$'
#   RECIPE_DEBIAN   for --from-host: the Debian package of the host's interpreter (php-cli)
# defines
#   default_version AL        the interpreter's version for Amazon Linux AL (2 or 2023)
#   install_commands          the commands that install it in the container (from al, version and packages)
#   layout_plan               the layout step of the plan, a line per part
#   check_installed           in the container: stops when the installed interpreter cannot run what the shim needs
#   make_layout LAYER PREFIX  lays out the interpreter on PATH in LAYER with its paths for PREFIX; sets
#                             LAYOUT_VERSION (or in_container and local_layout of its own instead)
# and optionally recipe_option ARG... (an option of its own: sets recipe_shift to the number of arguments it
# took; returns 1 for an unknown one) and check_plan (more lines for the plan's step 2); then calls
# recipe_main "$@". The recipe's settings are globals: al, version, arch, platform, out, prefix, packages,
# dry_run, mode (docker, container or local).

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; }
die() { echo "layers/$RECIPE/build-layer.sh: $1" >&2; exit "${2:-1}"; }
zip_name() { echo "$RECIPE-$1-al$al-$arch.zip"; }
check_plan() { :; }

recipe_main() {
  al=2023 version="" arch=$(uname -m) out="$HERE/target" prefix="" packages="" dry_run=no mode=docker
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --al) al=${2:?--al needs 2 or 2023}; shift 2 ;;
      "--$RECIPE") version=${2:?--$RECIPE needs a version}; shift 2 ;;
      --arch) arch=${2:?--arch needs x86_64 or arm64}; shift 2 ;;
      --out) out=${2:?--out needs a directory}; shift 2 ;;
      --prefix) prefix=${2:?--prefix needs a directory}; shift 2 ;;
      --packages) packages=${2:?--packages needs a list}; shift 2 ;;
      --dry-run) dry_run=yes; shift ;;
      "$RECIPE_LOCAL") mode=local; shift ;;
      --in-container) mode=container; shift ;; # internal: the part that runs inside the container
      -h|--help) usage; exit 0 ;;
      *)
        recipe_shift=0
        if declare -F recipe_option >/dev/null && recipe_option "$@"; then shift "$recipe_shift"; else
          usage >&2; die "unknown argument: $1" 2
        fi ;;
    esac
  done
  case "$al" in 2|2023) ;; *) die "--al must be 2 or 2023, got $al" 2 ;; esac
  version=${version:-$(default_version "$al")}
  lambda_arch "$arch"
  [[ "$version" =~ $RECIPE_VERSION ]] || die "--$RECIPE must look like $(default_version 2023), got $version" 2
  case "$out" in /*) ;; *) out="$PWD/$out" ;; esac
  case "$mode" in
    container) in_container ;;
    local) local_layout ;;
    docker) in_docker ;;
  esac
}

# lambda_arch ARCH: sets arch (x86_64 or arm64) and platform (Docker's linux/amd64 or linux/arm64) from ARCH.
lambda_arch() {
  case "$1" in
    x86_64|amd64) arch=x86_64; platform=linux/amd64 ;;
    arm64|aarch64) arch=arm64; platform=linux/arm64 ;;
    *) die "--arch must be x86_64 or arm64, got $1" 2 ;;
  esac
}

# in_docker: runs this recipe's --in-container in amazonlinux:AL, with the repository at /src (read-only) and
# OUT at /out; or prints the plan (--dry-run); or stops with exit 3, saying why, when no Docker engine works.
in_docker() {
  local image="amazonlinux:$al" docker_cmd
  docker_cmd=(docker run --rm --platform "$platform" -v "$REPO:/src:ro" -v "$out:/out"
    -e "HOST_UID=$(id -u)" -e "HOST_GID=$(id -g)" "$image"
    bash "/src/layers/$RECIPE/build-layer.sh" --in-container --al "$al" "--$RECIPE" "$version" --arch "$arch")
  if [[ -n "$packages" ]]; then docker_cmd+=(--packages "$packages"); fi
  if [[ $dry_run == yes ]]; then
    echo "plan: $RECIPE_LABEL $version layer for Amazon Linux $al ($arch)"
    echo "  1. container: ${docker_cmd[*]}"
    echo "  2. in it:     $(install_commands)"
    check_plan | sed 's/^/                /'
    layout_plan | sed '1s/^/  3. layout:    /; 2,$s/^/                /'
    echo "  4. zip:       $out/$(zip_name "$version.x")"
    return 0
  fi
  local why="this recipe installs $RECIPE_LABEL from Amazon Linux's packages in an $image container,
so it needs a machine with a working Docker engine. Use --dry-run to see the plan, $RECIPE_LOCAL for a local smoke test."
  command -v docker >/dev/null 2>&1 || die "no docker command: $why" 3
  local docker_error
  docker_error=$(docker info 2>&1 >/dev/null) || die "no working Docker engine (docker info: $(echo "$docker_error" | tail -1)): $why" 3
  mkdir -p "$out"
  echo "layers/$RECIPE/build-layer.sh: ${docker_cmd[*]}"
  "${docker_cmd[@]}"
}

# in_container: inside amazonlinux:AL, as root (the repository at /src, read-only; the output directory at /out):
# installs the interpreter, checks it, lays it out for /opt and zips it into /out, which goes back to the user
# who started the build.
in_container() {
  eval "$(install_commands)"
  command -v "$RECIPE" >/dev/null || die "no $RECIPE after installing the packages"
  check_installed
  make_layout /tmp/layer /opt
  zip_layout /tmp/layer "/out/$(zip_name "$LAYOUT_VERSION")"
  hand_over_out
}

# hand_over_out: inside the container, gives /out back to the user who started the build.
hand_over_out() {
  if [[ -n "${HOST_UID:-}" ]]; then chown -R "$HOST_UID:${HOST_GID:-$HOST_UID}" /out; fi
}

# local_layout: --from-host: the host's own interpreter laid out in OUT/host-layer with its paths for --prefix
# (default: where it is, so that it runs there), zipped to OUT/RECIPE-host.zip.
local_layout() {
  command -v "$RECIPE" >/dev/null || die "--from-host: no $RECIPE on PATH (Debian: apt-get install $RECIPE_DEBIAN)"
  command -v zip >/dev/null || die "--from-host: no zip on PATH (Debian: apt-get install zip)"
  local layer="$out/host-layer"
  prefix=${prefix:-$layer}
  if [[ $dry_run == yes ]]; then
    echo "plan: lay out the host's $(command -v "$RECIPE") in $layer for prefix $prefix, zip it to $out/$RECIPE-host.zip"
    return 0
  fi
  mkdir -p "$out"
  make_layout "$layer" "$prefix"
  zip_layout "$layer" "$out/$RECIPE-host.zip"
}
