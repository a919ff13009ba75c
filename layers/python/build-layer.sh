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

# Debian 12's Python 3.11 for --from-debs: the interpreter, the core of the standard library (json, socket, re,
# ...: what the shim needs), and the rest of it (ssl, sqlite3, ...). Pinned: the same versions on every build.
PYTHON_DEBS="python3.11-minimal=3.11.2-6+deb12u8 libpython3.11-minimal=3.11.2-6+deb12u8 libpython3.11-stdlib=3.11.2-6+deb12u8"

al=2023
python_version=
arch=$(uname -m)
out="$HERE/target"
prefix=
mode=docker
dry_run=no
packages=
debs=$PYTHON_DEBS

usage() { sed -n '2,18s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; }
die() { echo "layers/python/build-layer.sh: $1" >&2; exit "${2:-1}"; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --al) al=${2:?--al needs 2 or 2023}; shift 2 ;;
    --python) python_version=${2:?--python needs a version, e.g. 3.11}; shift 2 ;;
    --arch) arch=${2:?--arch needs x86_64 or arm64}; shift 2 ;;
    --out) out=${2:?--out needs a directory}; shift 2 ;;
    --prefix) prefix=${2:?--prefix needs a directory}; shift 2 ;;
    --packages) packages=${2:?--packages needs a list}; shift 2 ;;
    --debs) debs=${2:?--debs needs a list}; mode=debs; shift 2 ;;
    --dry-run) dry_run=yes; shift ;;
    --from-debs) mode=debs; shift ;;
    --in-container) mode=container; shift ;; # internal: the part that runs inside the container
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" 2 ;;
  esac
done
case "$al" in 2) python_version=${python_version:-3.7} ;; 2023) python_version=${python_version:-3.11} ;;
  *) die "--al must be 2 or 2023, got $al" 2 ;; esac
# copy_libs, zip_layout, glibc_needed, lambda_arch, container_command, require_docker, hand_over_out
. "$REPO/layers/lib/layout.sh"
lambda_arch "$arch"
[[ "$python_version" =~ ^3\.[0-9]+$ ]] || die "--python must look like 3.11, got $python_version" 2
case "$out" in /*) ;; *) out="$PWD/$out" ;; esac

# The packages of each Amazon Linux. AL2023 names them by version (python3.11, python3.11-libs: the standard
# library and libpython), except its system Python 3.9 (python3, python3-libs). AL2's own python3 is 3.7 (yum);
# 3.8 is the amazon-linux-extras topic python3.8 (python38, python38-libs). binutils: objdump for glibc_needed.
install_commands() {
  local v=$python_version wanted
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

# make_layout LAYER PREFIX BINARY STDLIB STDLIB_REL VERSION ORIGIN: lays out the interpreter BINARY (python3.X)
# and its standard library STDLIB in LAYER, the library at lib/python/STDLIB_REL (where the interpreter looks
# for it from its own location), with the wrapper's paths baked for PREFIX. ORIGIN says where it came from.
make_layout() {
  local layer=$1 pfx=$2 binary=$3 stdlib=$4 stdlib_rel=$5 version=$6 origin=$7
  local minor glibc
  minor=$(basename "$binary")
  rm -rf "$layer"
  mkdir -p "$layer/bin" "$layer/lib/python/bin" "$layer/lib/python/$(dirname "$stdlib_rel")" "$layer/lambda-bridge/shims"
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
  cp -R "$REPO/bridge/process/shims/python" "$layer/lambda-bridge/shims/python"
  cp "$REPO/bridge/process/shims/README.md" "$layer/lambda-bridge/shims/README.md"
  find "$layer/lambda-bridge" -name __pycache__ -prune -exec rm -rf {} +
  glibc=$(glibc_needed "$layer/lib/python/bin/$minor" $(find "$layer/lib" -name '*.so*' -type f))
  echo "layout: Python $version ($origin) -> $layer for $pfx; needs glibc ${glibc:-?} (provided.al2023 has 2.34, provided.al2 2.26)"
}

# The check both builds run on the interpreter they lay out: what the shim and common handlers import.
IMPORT_CHECK='import json, socket, ssl, sqlite3, decimal, zlib'

from_debs() {
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

case "$mode" in
  container)
    # Inside amazonlinux:$al, as root; the repository is at /src (read-only), the output directory at /out.
    # The layout goes to the container's own /opt, where it runs as on Lambda: checked there before zipping.
    grep -qs "Amazon Linux" /etc/system-release \
      || die "--in-container runs only inside the amazonlinux container (it replaces /opt)"
    eval "$(install_commands)"
    python=$(command -v "python$python_version") || die "no python$python_version after installing the packages"
    "$python" -c "$IMPORT_CHECK" || die "the installed python$python_version cannot import what the shim needs ($IMPORT_CHECK)"
    # The interpreter's own answer: its version, prefix and the directory of its standard library (os.py).
    { read -r version; read -r py_prefix; read -r stdlib; } < <("$python" -c \
      'import sys, os; print(sys.version.split()[0]); print(sys.prefix); print(os.path.dirname(os.__file__))')
    [[ "$stdlib" == "$py_prefix"/* ]] || die "the standard library $stdlib is not under the prefix $py_prefix"
    make_layout /opt /opt "$(readlink -f "$python")" "$stdlib" "${stdlib#"$py_prefix"/}" "$version" \
      "Amazon Linux $al's packages"
    [[ "$(env -i /opt/bin/python3 -c "$IMPORT_CHECK; import sys, lambda_bridge; print(sys.prefix)")" == /opt/lib/python ]] \
      || die "the layout in /opt does not run on its own (sys.prefix must be /opt/lib/python)"
    zip_layout /opt "/out/python-$version-al$al-$arch.zip"
    hand_over_out
    exit 0
    ;;
  debs)
    from_debs
    exit 0
    ;;
esac

image="amazonlinux:$al"
container_command python "$al" "$platform" "$out" --al "$al" --python "$python_version" --arch "$arch"
[[ -n "$packages" ]] && docker_cmd+=(--packages "$packages")
if [[ $dry_run == yes ]]; then
  cat <<EOF
plan: Python $python_version layer for Amazon Linux $al ($arch)
  1. container: ${docker_cmd[*]}
  2. in it:     $(install_commands)
                python$python_version -c '$IMPORT_CHECK'
  3. layout:    /opt/bin/python3 (sh wrapper: PYTHONPATH += the shim, LD_LIBRARY_PATH), /opt/lib/python/bin/python$python_version,
                /opt/lib/python/lib64/python$python_version (the standard library with lib-dynload, from the interpreter's os.py),
                /opt/lib/*.so* (ldd, without glibc: libpython, libssl, ...),
                /opt/lambda-bridge/shims/python (from bridge/process/shims/python)
  4. zip:       $out/python-$python_version.x-al$al-$arch.zip
EOF
  exit 0
fi

require_docker Python "$image" --from-debs
mkdir -p "$out"
echo "layers/python/build-layer.sh: ${docker_cmd[*]}"
"${docker_cmd[@]}"
