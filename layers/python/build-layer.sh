#!/usr/bin/env bash
# usage: layers/python/build-layer.sh [--al 2|2023] [--python 3.11] [--arch x86_64|arm64] [--out DIR] [--dry-run]
#        layers/python/build-layer.sh --from-debs [--prefix DIR] [--out DIR] [--debs "PKG=VERSION..."] [--dry-run]
#   Builds a Lambda layer with a Python interpreter for provided.al2 / provided.al2023 (unzipped at /opt):
#   bin/python3 (a small sh wrapper), lib/python/bin/python3.X (the interpreter), lib/python/LIB/python3.X (its
#   standard library with lib-dynload, at the path the interpreter looks for beside itself: LIB is lib64 on
#   Amazon Linux, lib on Debian), lib/*.so* (the shared libraries it needs beyond glibc), and the worker shim
#   under lambda-bridge/shims/python. Output: OUT/python-VERSION-alAL-ARCH.zip (OUT defaults to
#   layers/python/target). Python defaults: 3.11 on AL2023, 3.7 on AL2. The interpreter comes from Amazon
#   Linux's packages, installed in an amazonlinux:AL container: this needs a working Docker engine; without one
#   the script says so and stops (exit 3).
#   --dry-run     print the plan (container, packages, layout, zip) and change nothing
#   --from-debs   lay out Debian 12's Python from pinned .deb packages instead (apt-get download, dpkg-deb -x; no
#                 root, no Docker), with its paths baked for --prefix (default /opt), to OUT/python-VERSION-debian-
#                 ARCH.zip: a local smoke test of the layout, not a layer for provided.al2023 (Debian 12's
#                 binaries need glibc 2.36); --debs "..." the packages instead of the pinned ones
#   --packages "P..."  the Amazon Linux packages to install instead of the defaults (see layers/python/README.md)
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
REPO=$(cd "$HERE/../.." && pwd -P)
# copy_libs, zip_layout, glibc_needed, copy_shim; recipe_main and the container and --dry-run steps
. "$REPO/layers/lib/layout.sh"
. "$REPO/layers/lib/recipe.sh"
RECIPE=python RECIPE_LABEL=Python RECIPE_LOCAL=--from-debs RECIPE_VERSION='^3\.[0-9]+$'

# Debian 12's Python 3.11 for --from-debs: the interpreter, the core of the standard library (json, socket, re,
# ...: what the shim needs), and the rest of it (ssl, sqlite3, ...). Pinned: the same versions on every build.
PYTHON_DEBS="python3.11-minimal=3.11.2-6+deb12u8 libpython3.11-minimal=3.11.2-6+deb12u8 libpython3.11-stdlib=3.11.2-6+deb12u8"

debs=$PYTHON_DEBS

default_version() { if [[ $1 == 2 ]]; then echo 3.7; else echo 3.11; fi; }

# --debs "PKG=VERSION...": the packages of --from-debs
recipe_option() {
  [[ $1 == --debs ]] || return 1
  debs=${2:?--debs needs a list}; mode=local; recipe_shift=2
}

# The packages of each Amazon Linux. AL2023 names them by version (python3.11, python3.11-libs: the standard
# library and libpython), except its system Python 3.9 (python3, python3-libs). AL2's own python3 is 3.7 (yum);
# 3.8 is the amazon-linux-extras topic python3.8 (python38, python38-libs). binutils: objdump for glibc_needed.
install_commands() {
  local v=$version wanted
  if [[ $al == 2023 ]]; then
    if [[ $v == 3.9 ]]; then wanted="python3 python3-libs"; else wanted="python$v python$v-libs"; fi
    echo "dnf install -y --setopt=install_weak_deps=False ${packages:-$wanted} zip findutils binutils"
  elif [[ $v == 3.7 ]]; then
    echo "yum install -y ${packages:-python3 python3-libs} zip findutils binutils"
  else
    echo "amazon-linux-extras enable python$v && yum clean metadata &&" \
      "yum install -y ${packages:-python${v/./} python${v/./}-libs} zip findutils binutils"
  fi
}

# The check both builds run on the interpreter they lay out: what the shim and common handlers import.
IMPORT_CHECK='import json, socket, ssl, sqlite3, decimal, zlib'

check_plan() { echo "python$version -c '$IMPORT_CHECK'"; }

layout_plan() {
  cat <<EOF
/opt/bin/python3 (sh wrapper: PYTHONPATH += the shim, LD_LIBRARY_PATH), /opt/lib/python/bin/python$version,
/opt/lib/python/lib64/python$version (the standard library with lib-dynload, from the interpreter's os.py),
/opt/lib/*.so* (ldd, without glibc: libpython, libssl, ...),
/opt/lambda-bridge/shims/python (from bridge/process/shims/python)
EOF
}

# make_layout LAYER PREFIX BINARY STDLIB STDLIB_REL VERSION ORIGIN: lays out the interpreter BINARY (python3.X)
# and its standard library STDLIB in LAYER, the library at lib/python/STDLIB_REL (where the interpreter looks
# for it from its own location), with the wrapper's paths baked for PREFIX. ORIGIN says where it came from.
make_layout() {
  local layer=$1 pfx=$2 binary=$3 stdlib=$4 stdlib_rel=$5 version=$6 origin=$7
  local minor glibc
  minor=$(basename "$binary")
  rm -rf "$layer"
  mkdir -p "$layer/bin" "$layer/lib/python/bin" "$layer/lib/python/$(dirname "$stdlib_rel")"
  cp -L "$binary" "$layer/lib/python/bin/$minor"
  cp -RL "$stdlib" "$layer/lib/python/$stdlib_rel"
  find "$layer/lib/python" -name __pycache__ -prune -exec rm -rf {} +
  rm -rf "$layer/lib/python/$stdlib_rel/site-packages"/* # other packages' modules: not the interpreter's
  copy_libs "$layer/lib" "$layer/lib/python/bin/$minor" $(find "$layer/lib/python" -name '*.so')
  cat >"$layer/bin/python3" <<EOF
#!/bin/sh
# Python $version ($origin) for Lambda, laid out by lambda-bridge's layers/python/build-layer.sh for $pfx: the
# interpreter is $pfx/lib/python/bin/$minor and finds its standard library beside it,
# $pfx/lib/python/$stdlib_rel; the worker shim's directory goes after any inherited PYTHONPATH.
PYTHONPATH="\${PYTHONPATH:+\$PYTHONPATH:}$pfx/lambda-bridge/shims/python"
LD_LIBRARY_PATH="$pfx/lib\${LD_LIBRARY_PATH:+:\$LD_LIBRARY_PATH}"
export PYTHONPATH LD_LIBRARY_PATH
exec "$pfx/lib/python/bin/$minor" "\$@"
EOF
  cp "$layer/bin/python3" "$layer/bin/$minor"
  chmod 755 "$layer/bin/python3" "$layer/bin/$minor" "$layer/lib/python/bin/$minor"
  copy_shim "$layer" python
  find "$layer/lambda-bridge" -name __pycache__ -prune -exec rm -rf {} +
  glibc=$(glibc_needed "$layer/lib/python/bin/$minor" $(find "$layer/lib" -name '*.so*' -type f))
  echo "layout: Python $version ($origin) -> $layer for $pfx; needs glibc ${glibc:-?} (provided.al2023 has 2.34, provided.al2 2.26)"
}

# in_container: inside amazonlinux:AL, as root (the repository at /src, read-only; the output directory at /out);
# unlike PHP's and Ruby's, the layout goes to the container's own /opt, where it runs as on Lambda, and is checked
# there before zipping
in_container() {
  local python full_version py_prefix stdlib
  grep -qs "Amazon Linux" /etc/system-release \
    || die "--in-container runs only inside the amazonlinux container (it replaces /opt)"
  eval "$(install_commands)"
  python=$(command -v "python$version") || die "no python$version after installing the packages"
  "$python" -c "$IMPORT_CHECK" || die "the installed python$version cannot import what the shim needs ($IMPORT_CHECK)"
  # The interpreter's own answer: its version, prefix and the directory of its standard library (os.py).
  { read -r full_version; read -r py_prefix; read -r stdlib; } < <("$python" -c \
    'import sys, os; print(sys.version.split()[0]); print(sys.prefix); print(os.path.dirname(os.__file__))')
  [[ "$stdlib" == "$py_prefix"/* ]] || die "the standard library $stdlib is not under the prefix $py_prefix"
  make_layout /opt /opt "$(readlink -f "$python")" "$stdlib" "${stdlib#"$py_prefix"/}" "$full_version" \
    "Amazon Linux $al's packages"
  [[ "$(env -i /opt/bin/python3 -c "$IMPORT_CHECK; import sys, lambda_bridge; print(sys.prefix)")" == /opt/lib/python ]] \
    || die "the layout in /opt does not run on its own (sys.prefix must be /opt/lib/python)"
  zip_layout /opt "/out/$(zip_name "$full_version")"
  hand_over_out
}

# local_layout: --from-debs (see the usage)
local_layout() {
  prefix=${prefix:-/opt}
  local darch layer="$out/layer" deb missing="" binary minor version
  for deb in $debs; do
    [[ "$deb" == *=* ]] || die "--debs: \"$deb\" is not PACKAGE=VERSION (the versions are pinned)" 2
  done
  darch=$(dpkg --print-architecture 2>/dev/null || echo amd64)
  if [[ $dry_run == yes ]]; then
    cat <<EOF
plan: Debian's Python layer for $prefix ($darch), a local smoke test of the layout
  1. download: (cd $out/debs && apt-get download $debs)
  2. unpack:   dpkg-deb -x each into $out/root
  3. layout:   $layer: bin/python3 (sh wrapper: PYTHONPATH += the shim, exec), lib/python/bin/python3.X,
               lib/python/lib/python3.X (the standard library), lib/*.so* (ldd, without glibc),
               lambda-bridge/shims/python (from bridge/process/shims/python)
  4. zip:      $out/python-VERSION-debian-$darch.zip
EOF
    exit 0
  fi
  command -v apt-get >/dev/null || die "--from-debs: no apt-get: the interpreter comes from Debian's packages"
  command -v dpkg-deb >/dev/null || die "--from-debs: no dpkg-deb (Debian: dpkg)"
  command -v zip >/dev/null || die "--from-debs: no zip on PATH (Debian: apt-get install zip)"
  mkdir -p "$out/debs"
  for deb in $debs; do
    compgen -G "$out/debs/${deb%%=*}_${deb#*=}_*.deb" >/dev/null || missing+=" $deb"
  done
  if [[ -n "$missing" ]]; then
    # shellcheck disable=SC2086 # one argument per package
    (cd "$out/debs" && apt-get -q download $missing) >&2 \
      || die "apt-get download$missing failed: the pinned versions must be in the machine's apt lists (apt-get update)"
  fi
  rm -rf "$out/root"
  mkdir -p "$out/root"
  for deb in $debs; do
    dpkg-deb -x "$(compgen -G "$out/debs/${deb%%=*}_${deb#*=}_*.deb" | head -1)" "$out/root"
  done
  binary=$(compgen -G "$out/root/usr/bin/python3.[0-9]*" | grep -E '/python3\.[0-9]+$' | head -1) \
    || die "no usr/bin/python3.X in the packages $debs"
  minor=$(basename "$binary")
  [[ -d "$out/root/usr/lib/$minor" ]] || die "no usr/lib/$minor (the standard library) in the packages $debs"
  version=$(sed -n 's/^Version: //p' <(dpkg-deb -f "$(compgen -G "$out/debs/${minor}-minimal_*.deb" | head -1)") | cut -d- -f1)
  make_layout "$layer" "$prefix" "$binary" "$out/root/usr/lib/$minor" "lib/$minor" "$version" "Debian's $minor from $debs"
  zip_layout "$layer" "$out/python-$version-debian-$darch.zip"
}

recipe_main "$@"
