#!/usr/bin/env bash
# usage: layers/go/build-layer.sh [--arch x86_64|arm64] [--name NAME] [--out DIR] [--layer] [--offline]
#                                 [--dry-run] [PACKAGE_DIR]
#   Go needs no interpreter layer: a Go program built statically (CGO_ENABLED=0) runs on provided.al2 and
#   provided.al2023 alike, with nothing from the image but the kernel. This recipe builds the main package in
#   PACKAGE_DIR (default: the current directory) that way, for Linux and --arch (default: this machine's), with
#   the host's go (no Docker), checks that the binary is static, and zips it:
#   - by default a function package, OUT/NAME-ARCH.zip, the binary at its root: _HANDLER=worker:./NAME (a
#     program on the worker shim) or exec:./NAME {event} (a classic program);
#   - with --layer, a layer, OUT/NAME-layer-ARCH.zip, the binary at bin/NAME (on Lambda's PATH, /opt/bin):
#     _HANDLER=worker:NAME.
#   NAME defaults to what go build names it (the last element of the package's import path); OUT to
#   layers/go/target.
#   --offline     GOFLAGS=-mod=mod GOPROXY=off: modules only from the module cache, vendor/ or replace directives
#   --dry-run     print the plan and change nothing
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)

arch=$(uname -m)
out="$HERE/target"
name=
layer=no
offline=no
dry_run=no
package_dir=.

usage() { sed -n '2,18s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; }
die() { echo "layers/go/build-layer.sh: $1" >&2; exit "${2:-1}"; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --arch) arch=${2:?--arch needs x86_64 or arm64}; shift 2 ;;
    --name) name=${2:?--name needs a name}; shift 2 ;;
    --out) out=${2:?--out needs a directory}; shift 2 ;;
    --layer) layer=yes; shift ;;
    --offline) offline=yes; shift ;;
    --dry-run) dry_run=yes; shift ;;
    -h|--help) usage; exit 0 ;;
    -*) usage >&2; die "unknown option: $1" 2 ;;
    *) package_dir=$1; shift ;;
  esac
done
case "$arch" in x86_64|amd64) arch=x86_64; goarch=amd64 ;; arm64|aarch64) arch=arm64; goarch=arm64 ;;
  *) die "--arch must be x86_64 or arm64, got $arch" 2 ;; esac
# go needs a build cache and a module path: under $HOME by default, so give it some when HOME is unset
if [ -z "${HOME:-}" ]; then
  export GOCACHE="${GOCACHE:-${TMPDIR:-/tmp}/lambda-bridge-go/cache}" GOPATH="${GOPATH:-${TMPDIR:-/tmp}/lambda-bridge-go/path}"
fi
[[ -d "$package_dir" ]] || die "no such directory: $package_dir" 2
package_dir=$(cd "$package_dir" && pwd -P)
if [[ -z "$name" ]]; then # the name go build gives the binary: the last element of the package's import path
  name=$(cd "$package_dir" && GOFLAGS=-mod=mod GOPROXY=off go list -f '{{.ImportPath}}' . 2>/dev/null || true)
  name=$(basename "${name:-$package_dir}")
fi
[[ "$name" =~ ^[A-Za-z0-9._-]+$ ]] || die "--name must be a file name (letters, digits, . _ -), got $name" 2
case "$out" in /*) ;; *) out="$PWD/$out" ;; esac

if [[ $layer == yes ]]; then
  zip_path="$out/$name-layer-$arch.zip"; entry="bin/$name"; handler="worker:$name"
else
  zip_path="$out/$name-$arch.zip"; entry="$name"; handler="worker:./$name (or exec:./$name {event})"
fi
env_vars=(CGO_ENABLED=0 GOOS=linux "GOARCH=$goarch")
[[ $offline == yes ]] && env_vars+=(GOFLAGS=-mod=mod GOPROXY=off GOSUMDB=off)
build_cmd=(go build -trimpath "'-ldflags=-s -w'" -o "\$staging/$entry" .)

if [[ $dry_run == yes ]]; then
  cat <<EOF
plan: $name for Lambda (linux/$goarch, static: no interpreter layer, no Docker)
  1. build:  cd $package_dir && ${env_vars[*]} ${build_cmd[*]}
  2. check:  go version -m says CGO_ENABLED=0 and GOARCH=$goarch; no ELF interpreter (readelf -l, when installed)
  3. zip:    $zip_path with $entry (mode 755); handler $handler
EOF
  exit 0
fi

command -v go >/dev/null 2>&1 || die "no go on PATH (Debian: apt-get install golang-go)"
command -v zip >/dev/null 2>&1 || die "no zip on PATH (Debian: apt-get install zip)"
staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
mkdir -p "$staging/$(dirname "$entry")" "$out"
(cd "$package_dir" && env "${env_vars[@]}" go build -trimpath -ldflags='-s -w' -o "$staging/$entry" .) ||
  die "go build failed in $package_dir"

info=$(go version -m "$staging/$entry")
[[ "$info" == *"CGO_ENABLED=0"* ]] || die "the binary was not built with CGO_ENABLED=0: $info"
[[ "$info" == *"GOARCH=$goarch"* ]] || die "the binary is not for GOARCH=$goarch: $info"
if command -v readelf >/dev/null 2>&1 && readelf -l "$staging/$entry" | grep -q 'INTERP'; then
  die "the binary is dynamically linked (it has an ELF interpreter): $(readelf -l "$staging/$entry" | grep -A1 INTERP)"
fi
chmod 755 "$staging/$entry"
rm -f "$zip_path"
(cd "$staging" && zip -qrX "$zip_path" .)
echo "layers/go/build-layer.sh: $zip_path ($entry, linux/$goarch, static, $(du -k "$zip_path" | cut -f1) KiB); handler $handler"
