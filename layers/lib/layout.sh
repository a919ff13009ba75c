# shellcheck shell=bash
# The parts of a layer layout that the interpreter recipes share (layers/php, layers/ruby, layers/python,
# layers/node): sourced by their build-layer.sh, also inside the Amazon Linux container (the repository is at
# /src there).

# copy_libs DEST FILE...: the shared libraries FILEs need, except glibc's own (the Lambda base image has them),
# into DEST (following links, so that the zip holds plain files).
copy_libs() {
  local dest=$1; shift
  mkdir -p "$dest"
  local missing
  missing=$(ldd "$@" 2>/dev/null | awk '/=> not found/ { print $1 }' | sort -u | tr '\n' ' ')
  [[ -z "$missing" ]] || echo "warning: libraries not found by ldd (not in the layer): $missing" >&2
  ldd "$@" 2>/dev/null | awk '/=> \// { print $3 }' | sort -u | while read -r lib; do
    case "$(basename "$lib")" in
      ld-linux*|libc.so*|libm.so*|libpthread.so*|libdl.so*|librt.so*|libutil.so*|libresolv.so*|libanl.so*) ;;
      *) cp -L "$lib" "$dest/" ;;
    esac
  done
}

# zip_layout LAYER ZIP
zip_layout() {
  mkdir -p "$(dirname "$2")"
  rm -f "$2"
  (cd "$1" && zip -qrX "$2" .)
  echo "layer: $2 ($(du -k "$2" | cut -f1) KiB)"
}

# glibc_needed FILE...: the highest GLIBC_x.y symbol version the files need (objdump -T), e.g. 2.35; empty when
# objdump is missing. Lambda's provided.al2023 has glibc 2.34, provided.al2 2.26.
glibc_needed() {
  command -v objdump >/dev/null 2>&1 || return 0
  objdump -T "$@" 2>/dev/null | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1
}

# The Amazon Linux container that the php, ruby and python recipes install their interpreter in. These use the
# caller's die MESSAGE STATUS.

# lambda_arch ARCH: sets arch (x86_64 or arm64) and platform (Docker's linux/amd64 or linux/arm64) from ARCH.
lambda_arch() {
  case "$1" in
    x86_64|amd64) arch=x86_64; platform=linux/amd64 ;;
    arm64|aarch64) arch=arm64; platform=linux/arm64 ;;
    *) die "--arch must be x86_64 or arm64, got $1" 2 ;;
  esac
}

# container_command RECIPE AL PLATFORM OUT ARG...: sets docker_cmd to the docker run that runs
# layers/RECIPE/build-layer.sh --in-container ARG... in amazonlinux:AL, with the repository at /src (read-only)
# and OUT at /out.
container_command() {
  local recipe=$1 al=$2 platform=$3 out=$4; shift 4
  docker_cmd=(docker run --rm --platform "$platform" -v "$REPO:/src:ro" -v "$out:/out"
    -e "HOST_UID=$(id -u)" -e "HOST_GID=$(id -g)" "amazonlinux:$al"
    bash "/src/layers/$recipe/build-layer.sh" --in-container "$@")
}

# require_docker WHAT IMAGE LOCAL_FLAG: stops with exit 3 and says why when no Docker engine works (LOCAL_FLAG:
# the recipe's local smoke-test mode, e.g. --from-host).
require_docker() {
  local why="this recipe installs $1 from Amazon Linux's packages in an $2 container,
so it needs a machine with a working Docker engine. Use --dry-run to see the plan, $3 for a local smoke test."
  command -v docker >/dev/null 2>&1 || die "no docker command: $why" 3
  local docker_error
  docker_error=$(docker info 2>&1 >/dev/null) || die "no working Docker engine (docker info: $(echo "$docker_error" | tail -1)): $why" 3
}

# hand_over_out: inside the container, gives /out back to the user who started the build.
hand_over_out() {
  if [[ -n "${HOST_UID:-}" ]]; then chown -R "$HOST_UID:${HOST_GID:-$HOST_UID}" /out; fi
}
