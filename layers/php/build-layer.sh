#!/usr/bin/env bash
# usage: layers/php/build-layer.sh [--al 2|2023] [--php 8.2] [--arch x86_64|arm64] [--out DIR] [--dry-run]
#        layers/php/build-layer.sh --from-host [--prefix DIR] [--out DIR]
#   Builds a Lambda layer with a PHP interpreter for provided.al2 / provided.al2023 (unzipped at /opt):
#   bin/php (a small sh wrapper), lib/php/bin/php (the interpreter, its php.ini next to it), lib/php/conf.d and
#   lib/php/modules (its extensions), lib/*.so* (the shared libraries it needs beyond glibc), and the worker shim
#   under lambda-bridge/shims/php. Output: OUT/php-PHP-alAL-ARCH.zip (OUT defaults to layers/php/target).
#   The interpreter comes from Amazon Linux's packages, installed in an amazonlinux:AL container: this needs a
#   working Docker engine; without one the script says so and stops (exit 3).
#   --dry-run     print the plan (container, packages, layout, zip) and change nothing
#   --from-host   lay out the host's own `php` instead (no Docker), with its paths baked for --prefix (default:
#                 OUT/host-layer, so that the layout runs where it is): a local smoke test of the layout, not a
#                 layer for Lambda (Debian's PHP needs Debian's glibc)
#   --packages "P..."  the packages to install instead of the defaults (see layers/php/README.md)
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
REPO=$(cd "$HERE/../.." && pwd -P)
# copy_libs, zip_layout, copy_shim; recipe_main and the container, --dry-run and --from-host steps
. "$REPO/layers/lib/layout.sh"
. "$REPO/layers/lib/recipe.sh"
RECIPE=php RECIPE_LABEL=PHP RECIPE_LOCAL=--from-host RECIPE_VERSION='^[0-9]+\.[0-9]+$' RECIPE_DEBIAN=php-cli

default_version() { echo 8.2; }

# The packages of each Amazon Linux: AL2023 names them by version (php8.2-cli), AL2 takes PHP from an
# amazon-linux-extras topic. Both fall back to the unversioned names when the versioned ones are missing.
install_commands() {
  local v=$version
  if [[ $al == 2023 ]]; then
    local wanted=${packages:-"php$v-cli php$v-mbstring php$v-process php$v-xml"}
    echo "dnf install -y --setopt=install_weak_deps=False $wanted zip findutils"
  else
    local wanted=${packages:-"php-cli php-mbstring php-process php-xml"}
    echo "amazon-linux-extras enable php$v && yum clean metadata && yum install -y $wanted zip findutils"
  fi
}

check_installed() { php -r 'json_encode([1]); exit(0);' || die "the installed php cannot run"; }

layout_plan() {
  cat <<EOF
/opt/bin/php (sh wrapper), /opt/lib/php/bin/php + php.ini (extension_dir, include_path relocated),
/opt/lib/php/conf.d/*.ini, /opt/lib/php/modules/*.so, /opt/lib/*.so* (ldd, without glibc),
/opt/lambda-bridge/shims/php (from bridge/process/shims/php)
EOF
}

# make_layout LAYER PREFIX: lays out the `php` on PATH in LAYER, with its paths baked for PREFIX.
make_layout() {
  local layer=$1 pfx=$2
  local info binary version ext_dir ini scan_dir
  info=$(php -r 'echo PHP_BINARY, "\n", PHP_VERSION, "\n", ini_get("extension_dir"), "\n", PHP_CONFIG_FILE_SCAN_DIR, "\n";')
  { read -r binary; read -r version; read -r ext_dir; read -r scan_dir; } <<<"$info"
  ini=$(php -r 'echo (string) php_ini_loaded_file();')
  echo "layout: PHP $version from $binary (php.ini: ${ini:-none}, extensions: $ext_dir, scan dir: ${scan_dir:-none}) -> $layer for $pfx"

  rm -rf "$layer"
  mkdir -p "$layer/bin" "$layer/lib/php/bin" "$layer/lib/php/conf.d" "$layer/lib/php/modules"
  cp -L "$binary" "$layer/lib/php/bin/php"
  if [[ -d "$ext_dir" ]]; then
    find "$ext_dir" -maxdepth 1 -name '*.so' -exec cp -L {} "$layer/lib/php/modules/" \;
  fi
  if [[ -n "$scan_dir" && -d "$scan_dir" ]]; then
    find "$scan_dir" -maxdepth 1 -name '*.ini' -exec cp -L {} "$layer/lib/php/conf.d/" \;
  fi
  # php.ini next to the binary: PHP looks there first (after PHPRC); the distribution's settings, then ours.
  { if [[ -n "$ini" ]]; then cat "$ini"; fi
    cat <<EOF

[PHP]
; lambda-bridge layer (layers/php/build-layer.sh): paths relocated to $pfx
extension_dir = "$pfx/lib/php/modules"
include_path = ".:$pfx/lambda-bridge/shims/php"
EOF
  } >"$layer/lib/php/bin/php.ini"
  copy_libs "$layer/lib" "$layer/lib/php/bin/php" "$layer"/lib/php/modules/*.so
  cat >"$layer/bin/php" <<EOF
#!/bin/sh
# PHP $version for Lambda, laid out by lambda-bridge's layers/php/build-layer.sh for $pfx: the interpreter is
# $pfx/lib/php/bin/php (php.ini beside it); its extensions' ini files are in $pfx/lib/php/conf.d, before any
# directory of an inherited PHP_INI_SCAN_DIR (a leading empty entry, PHP's compiled-in directory, is dropped).
scan=\${PHP_INI_SCAN_DIR#:}
PHP_INI_SCAN_DIR="$pfx/lib/php/conf.d\${scan:+:\$scan}"
LD_LIBRARY_PATH="$pfx/lib\${LD_LIBRARY_PATH:+:\$LD_LIBRARY_PATH}"
export PHP_INI_SCAN_DIR LD_LIBRARY_PATH
exec "$pfx/lib/php/bin/php" "\$@"
EOF
  chmod 755 "$layer/bin/php" "$layer/lib/php/bin/php"
  copy_shim "$layer" php
  LAYOUT_VERSION=$version
}

recipe_main "$@"
