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
# copy_libs, zip_layout, copy_shim; recipe_main and the container, --dry-run and --from-host steps
. "$REPO/layers/lib/layout.sh"
. "$REPO/layers/lib/recipe.sh"
RECIPE=ruby RECIPE_LABEL=Ruby RECIPE_LOCAL=--from-host RECIPE_VERSION='^[0-9]+\.[0-9]+$' RECIPE_DEBIAN=ruby

default_version() { if [[ $1 == 2 ]]; then echo 3.0; else echo 3.2; fi; }

# The packages of each Amazon Linux: AL2023 names them by version (ruby3.2), with the unversioned names as the
# fallback; AL2 takes Ruby from an amazon-linux-extras topic. json is a gem of its own there: installed too.
install_commands() {
  local v=$version
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

check_installed() {
  ruby -e 'require "json"; require "socket"' || die "the installed ruby cannot load json and socket"
}

layout_plan() {
  cat <<EOF
/opt/bin/ruby (sh wrapper: RUBYLIB, GEM_PATH, LD_LIBRARY_PATH), /opt/lib/ruby/bin/ruby,
/opt/lib/ruby/root/<each directory of \$LOAD_PATH and of the bundled gems>,
/opt/lib/*.so* (ldd, without glibc), /opt/lambda-bridge/shims/ruby (from bridge/process/shims/ruby)
EOF
}

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
  mkdir -p "$layer/bin" "$layer/lib/ruby/bin" "$layer/lib/ruby/root"
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
  copy_shim "$layer" ruby
  LAYOUT_VERSION=$version
}

recipe_main "$@"
