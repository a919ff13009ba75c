#!/usr/bin/env bash
# usage: layers/python/build-layer.sh [--prefix DIR] [--out DIR] [--debs "PKG=VERSION..."] [--dry-run]
#   Builds a Lambda layer with Debian's Python (unzipped at /opt) for lambda-bridge's exec:python3 and
#   worker:python3 handlers: bin/python3 (a small sh wrapper), lib/python/bin/python3.11 (the interpreter),
#   lib/python/lib/python3.11 (its standard library, found by the interpreter next to itself), lib/*.so* (the
#   shared libraries it and its extension modules need beyond glibc), and the worker shim under
#   lambda-bridge/shims/python. The interpreter and its library come from pinned Debian packages (.deb), fetched
#   with apt-get download and unpacked with dpkg-deb: no root, no Docker. Output: OUT/python-VERSION-debian-ARCH.zip
#   (OUT defaults to layers/python/target); the .debs are kept in OUT/debs.
#   --prefix DIR  where the layer will be unpacked (default /opt); another prefix lays it out to run in place
#   --debs "..."  the packages instead of the pinned ones (see layers/python/README.md)
#   --dry-run     print the plan and change nothing
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
REPO=$(cd "$HERE/../.." && pwd -P)
# copy_libs, zip_layout, glibc_needed
. "$REPO/layers/lib/layout.sh"

# Debian 12's Python 3.11: the interpreter, the core of the standard library (json, socket, re, ...: what the
# shim needs), and the rest of it (ssl, sqlite3, ...). Pinned: the same versions on every build.
PYTHON_DEBS="python3.11-minimal=3.11.2-6+deb12u8 libpython3.11-minimal=3.11.2-6+deb12u8 libpython3.11-stdlib=3.11.2-6+deb12u8"

out="$HERE/target"
prefix=/opt
debs=$PYTHON_DEBS
dry_run=no

usage() { sed -n '2,13s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; }
die() { echo "layers/python/build-layer.sh: $1" >&2; exit "${2:-1}"; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --out) out=${2:?--out needs a directory}; shift 2 ;;
    --prefix) prefix=${2:?--prefix needs a directory}; shift 2 ;;
    --debs) debs=${2:?--debs needs a list}; shift 2 ;;
    --dry-run) dry_run=yes; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" 2 ;;
  esac
done
case "$out" in /*) ;; *) out="$PWD/$out" ;; esac
for deb in $debs; do
  [[ "$deb" == *=* ]] || die "--debs: \"$deb\" is not PACKAGE=VERSION (the versions are pinned)" 2
done
arch=$(dpkg --print-architecture 2>/dev/null || echo amd64)
layer="$out/layer"

if [[ $dry_run == yes ]]; then
  cat <<EOF
plan: Debian's Python layer for $prefix ($arch)
  1. download: (cd $out/debs && apt-get download $debs)
  2. unpack:   dpkg-deb -x each into $out/root
  3. layout:   $layer: bin/python3 (sh wrapper: PYTHONPATH += the shim, exec), lib/python/bin/python3.X,
               lib/python/lib/python3.X (the standard library), lib/*.so* (ldd, without glibc),
               lambda-bridge/shims/python (from bridge/process/shims/python)
  4. zip:      $out/python-VERSION-debian-$arch.zip
EOF
  exit 0
fi

command -v apt-get >/dev/null || die "no apt-get: the interpreter comes from Debian's packages"
command -v dpkg-deb >/dev/null || die "no dpkg-deb (Debian: dpkg)"
command -v zip >/dev/null || die "no zip on PATH (Debian: apt-get install zip)"

mkdir -p "$out/debs"
missing=
for deb in $debs; do
  compgen -G "$out/debs/${deb%%=*}_${deb#*=}_*.deb" >/dev/null || missing+=" $deb"
done
if [[ -n "$missing" ]]; then
  # shellcheck disable=SC2086 # one argument per package
  (cd "$out/debs" && apt-get -q download $missing) >&2 \
    || die "apt-get download$missing failed: the pinned versions must be in the machine's apt lists (apt-get update)"
fi

rm -rf "$out/root" "$layer"
mkdir -p "$out/root"
for deb in $debs; do
  dpkg-deb -x "$(compgen -G "$out/debs/${deb%%=*}_${deb#*=}_*.deb" | head -1)" "$out/root"
done
binary=$(compgen -G "$out/root/usr/bin/python3.[0-9]*" | grep -E '/python3\.[0-9]+$' | head -1) \
  || die "no usr/bin/python3.X in the packages $debs"
minor=$(basename "$binary")
[[ -d "$out/root/usr/lib/$minor" ]] || die "no usr/lib/$minor (the standard library) in the packages $debs"
version=$(sed -n 's/^Version: //p' <(dpkg-deb -f "$(compgen -G "$out/debs/${minor}-minimal_*.deb" | head -1)") | cut -d- -f1)

mkdir -p "$layer/bin" "$layer/lib/python/bin" "$layer/lib/python/lib" "$layer/lambda-bridge/shims"
cp "$binary" "$layer/lib/python/bin/$minor"
cp -R "$out/root/usr/lib/$minor" "$layer/lib/python/lib/$minor"
find "$layer/lib/python/lib" -name __pycache__ -prune -exec rm -rf {} +
copy_libs "$layer/lib" "$layer/lib/python/bin/$minor" $(find "$layer/lib/python/lib" -name '*.so')
cat >"$layer/bin/python3" <<EOF
#!/bin/sh
# Python $version (Debian's $minor) for Lambda, laid out by lambda-bridge's layers/python/build-layer.sh for
# $prefix: the interpreter is $prefix/lib/python/bin/$minor and finds its standard library beside it,
# $prefix/lib/python/lib/$minor; the worker shim's directory goes after any inherited PYTHONPATH.
PYTHONPATH="\${PYTHONPATH:+\$PYTHONPATH:}$prefix/lambda-bridge/shims/python"
LD_LIBRARY_PATH="$prefix/lib\${LD_LIBRARY_PATH:+:\$LD_LIBRARY_PATH}"
export PYTHONPATH LD_LIBRARY_PATH
exec "$prefix/lib/python/bin/$minor" "\$@"
EOF
cp "$layer/bin/python3" "$layer/bin/$minor"
chmod 755 "$layer/bin/python3" "$layer/bin/$minor" "$layer/lib/python/bin/$minor"
cp -R "$REPO/bridge/process/shims/python" "$layer/lambda-bridge/shims/python"
cp "$REPO/bridge/process/shims/README.md" "$layer/lambda-bridge/shims/README.md"
find "$layer/lambda-bridge" -name __pycache__ -prune -exec rm -rf {} +

glibc=$(glibc_needed "$layer/lib/python/bin/$minor" "$layer"/lib/*.so* $(find "$layer/lib/python/lib" -name '*.so'))
echo "layout: Python $version from $debs -> $layer for $prefix; needs glibc ${glibc:-?} (provided.al2023 has 2.34)"
zip_layout "$layer" "$out/python-$version-debian-$arch.zip"
