#!/usr/bin/env bash
# usage: layers/ruby/build-layer.sh [--al 2|2023] [--ruby 3.2] [--arch x86_64|arm64] [--out DIR] [--dry-run]
#        layers/ruby/build-layer.sh --from-host [--prefix DIR] [--out DIR]
#   Builds a Lambda layer with a Ruby interpreter for provided.al2 / provided.al2023 (unzipped at /opt):
#   bin/ruby (a small sh wrapper that sets RUBYLIB and GEM_PATH), lib/ruby/bin/ruby (the interpreter),
#   lib/ruby/root/... (its standard library and gems, at their original paths under that root), lib/*.so* (the
#   shared libraries it needs beyond glibc), and the worker shim under lambda-bridge/shims/ruby.
#   Output: OUT/ruby-RUBY-alAL-ARCH.zip (OUT defaults to layers/ruby/target). Ruby defaults: 3.2 on AL2023,
#   3.0 on AL2. The interpreter comes from Amazon Linux's packages, installed in an amazonlinux:AL container:
#   this needs a working Docker engine; without one the script says so and stops (exit 3).
#   --dry-run     print the plan (container, packages, layout, zip) and change nothing
#   --from-host   lay out the host's own `ruby` instead (no Docker), with its paths baked for --prefix (default:
#                 OUT/host-layer, so that the layout runs where it is): a local smoke test of the layout, not a
#                 layer for Lambda (Debian's Ruby needs Debian's glibc)
#   --packages "P..."  the packages to install instead of the defaults (see layers/ruby/README.md)
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
REPO=$(cd "$HERE/../.." && pwd -P)

al=2023
ruby_version=
arch=$(uname -m)
out="$HERE/target"
prefix=
mode=docker
dry_run=no
packages=

usage() { sed -n '2,18s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; }
die() { echo "layers/ruby/build-layer.sh: $1" >&2; exit "${2:-1}"; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --al) al=${2:?--al needs 2 or 2023}; shift 2 ;;
    --ruby) ruby_version=${2:?--ruby needs a version, e.g. 3.2}; shift 2 ;;
    --arch) arch=${2:?--arch needs x86_64 or arm64}; shift 2 ;;
    --out) out=${2:?--out needs a directory}; shift 2 ;;
    --prefix) prefix=${2:?--prefix needs a directory}; shift 2 ;;
    --packages) packages=${2:?--packages needs a list}; shift 2 ;;
    --dry-run) dry_run=yes; shift ;;
    --from-host) mode=host; shift ;;
    --in-container) mode=container; shift ;; # internal: the part that runs inside the container
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" 2 ;;
  esac
done
case "$al" in 2) ruby_version=${ruby_version:-3.0} ;; 2023) ruby_version=${ruby_version:-3.2} ;;
  *) die "--al must be 2 or 2023, got $al" 2 ;; esac
# copy_libs, zip_layout, lambda_arch, container_command, require_docker, hand_over_out
. "$REPO/layers/lib/layout.sh"
lambda_arch "$arch"
[[ "$ruby_version" =~ ^[0-9]+\.[0-9]+$ ]] || die "--ruby must look like 3.2, got $ruby_version" 2
case "$out" in /*) ;; *) out="$PWD/$out" ;; esac

# The packages of each Amazon Linux: AL2023 names them by version (ruby3.2), with the unversioned names as the
# fallback; AL2 takes Ruby from an amazon-linux-extras topic. json is a gem of its own there: installed too.
install_commands() {
  local v=$ruby_version
  if [[ $al == 2023 ]]; then
    if [[ -n "$packages" ]]; then
      echo "dnf install -y --setopt=install_weak_deps=False $packages zip findutils"
    else
      echo "{ dnf install -y --setopt=install_weak_deps=False ruby$v ruby$v-rubygem-json zip findutils ||" \
        "dnf install -y --setopt=install_weak_deps=False ruby rubygem-json zip findutils; }"
    fi
  else
    echo "amazon-linux-extras enable ruby$v && yum clean metadata && yum install -y ${packages:-ruby rubygem-json} zip findutils"
  fi
}

zip_name() { echo "ruby-$1-al$al-$arch.zip"; }

# The interpreter's own directories, from the interpreter: its $LOAD_PATH, then the directories of the gems
# that came with it (default gems, and gems installed under its prefix, not the user's), then "GEM base" lines
# for GEM_PATH.
ruby_dirs() {
  ruby -e '
    prefix = RbConfig::CONFIG["prefix"]
    dirs = $LOAD_PATH.dup
    bases = []
    Gem::Specification.each do |s|
      next unless s.default_gem? || s.base_dir.start_with?(prefix + "/")
      dirs.concat(s.full_require_paths)
      dirs << s.extension_dir unless s.extensions.empty?
      bases << s.base_dir unless s.default_gem?
    end
    dirs.map { |d| File.expand_path(d) }.uniq.each { |d| puts d if File.directory?(d) }
    bases.uniq.each { |b| puts "GEM #{b}" if File.directory?(b) }'
}

# make_layout LAYER PREFIX: lays out the `ruby` on PATH in LAYER, with its paths baked for PREFIX.
# copy_followed SRC DEST: SRC's tree into DEST with symbolic links followed, leaving out dangling ones: links to
# files of a package Debian only recommends, such as rdoc's fonts (fonts-lato), which an install with
# --no-install-recommends does not bring (cp -RL fails on them).
copy_followed() {
  local src=$1 dest=$2 dangling
  dangling=$(mktemp)
  (cd "$src" && find . -xtype l) >"$dangling"
  tar -C "$src" -chf - --exclude-from="$dangling" . | tar -C "$dest" -xf -
  local status=$?
  rm -f "$dangling"
  return $status
}

make_layout() {
  local layer=$1 pfx=$2
  local info binary version rubylib="" gem_path="" d
  info=$(ruby -e 'puts RbConfig.ruby, RUBY_VERSION')
  { read -r binary; read -r version; } <<<"$info"
  binary=$(readlink -f "$binary")
  echo "layout: Ruby $version from $binary -> $layer for $pfx"

  rm -rf "$layer"
  mkdir -p "$layer/bin" "$layer/lib/ruby/bin" "$layer/lib/ruby/root" "$layer/lambda-bridge/shims"
  cp -L "$binary" "$layer/lib/ruby/bin/ruby"
  while read -r d; do
    case "$d" in
      "GEM "*)
        d=${d#GEM }
        mkdir -p "$layer/lib/ruby/root$d"
        [[ -d "$d/specifications" ]] && cp -RL "$d/specifications" "$layer/lib/ruby/root$d/"
        gem_path+="${gem_path:+:}$pfx/lib/ruby/root$d"
        ;;
      *)
        mkdir -p "$layer/lib/ruby/root$d"
        copy_followed "$d" "$layer/lib/ruby/root$d"
        rubylib+="${rubylib:+:}$pfx/lib/ruby/root$d"
        ;;
    esac
  done < <(ruby_dirs)
  rubylib+=":$pfx/lambda-bridge/shims/ruby"
  copy_libs "$layer/lib" "$layer/lib/ruby/bin/ruby" $(find "$layer/lib/ruby/root" -name '*.so')
  cat >"$layer/bin/ruby" <<EOF
#!/bin/sh
# Ruby $version for Lambda, laid out by lambda-bridge's layers/ruby/build-layer.sh for $pfx: the interpreter is
# $pfx/lib/ruby/bin/ruby; its standard library and gems are under $pfx/lib/ruby/root at their original paths,
# found through RUBYLIB (after any inherited entries, as -I would put them) and GEM_PATH, then the worker shim.
RUBYLIB="\${RUBYLIB:+\$RUBYLIB:}$rubylib"
GEM_PATH="\${GEM_PATH:+\$GEM_PATH:}$gem_path"
LD_LIBRARY_PATH="$pfx/lib\${LD_LIBRARY_PATH:+:\$LD_LIBRARY_PATH}"
export RUBYLIB GEM_PATH LD_LIBRARY_PATH
exec "$pfx/lib/ruby/bin/ruby" "\$@"
EOF
  chmod 755 "$layer/bin/ruby" "$layer/lib/ruby/bin/ruby"
  cp -R "$REPO/bridge/process/shims/ruby" "$layer/lambda-bridge/shims/ruby"
  cp "$REPO/bridge/process/shims/README.md" "$layer/lambda-bridge/shims/README.md"
  LAYOUT_VERSION=$version
}


case "$mode" in
  container)
    # Inside amazonlinux:$al, as root; the repository is at /src (read-only), the output directory at /out.
    eval "$(install_commands)"
    command -v ruby >/dev/null || die "no ruby after installing the packages"
    ruby -e 'require "json"; require "socket"' || die "the installed ruby cannot load json and socket"
    make_layout /tmp/layer /opt
    zip_layout /tmp/layer "/out/$(zip_name "$LAYOUT_VERSION")"
    hand_over_out
    exit 0
    ;;
  host)
    command -v ruby >/dev/null || die "--from-host: no ruby on PATH (Debian: apt-get install ruby)"
    command -v zip >/dev/null || die "--from-host: no zip on PATH (Debian: apt-get install zip)"
    layer="$out/host-layer"
    prefix=${prefix:-$layer}
    if [[ $dry_run == yes ]]; then
      echo "plan: lay out the host's $(command -v ruby) in $layer for prefix $prefix, zip it to $out/ruby-host.zip"
      exit 0
    fi
    mkdir -p "$out"
    make_layout "$layer" "$prefix"
    zip_layout "$layer" "$out/ruby-host.zip"
    exit 0
    ;;
esac

image="amazonlinux:$al"
container_command ruby "$al" "$platform" "$out" --al "$al" --ruby "$ruby_version" --arch "$arch"
[[ -n "$packages" ]] && docker_cmd+=(--packages "$packages")
if [[ $dry_run == yes ]]; then
  cat <<EOF
plan: Ruby $ruby_version layer for Amazon Linux $al ($arch)
  1. container: ${docker_cmd[*]}
  2. in it:     $(install_commands)
  3. layout:    /opt/bin/ruby (sh wrapper: RUBYLIB, GEM_PATH, LD_LIBRARY_PATH), /opt/lib/ruby/bin/ruby,
                /opt/lib/ruby/root/<each directory of \$LOAD_PATH and of the bundled gems>,
                /opt/lib/*.so* (ldd, without glibc), /opt/lambda-bridge/shims/ruby (from bridge/process/shims/ruby)
  4. zip:       $out/$(zip_name "$ruby_version.x")
EOF
  exit 0
fi

require_docker Ruby "$image" --from-host
mkdir -p "$out"
echo "layers/ruby/build-layer.sh: ${docker_cmd[*]}"
"${docker_cmd[@]}"
