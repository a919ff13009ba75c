#!/usr/bin/env bash
# usage: layers/python/test-layer.sh
#   Tests build-layer.sh: --help, --dry-run, a bad --debs refused, then a layer built from the pinned Debian
#   packages (apt-get download: needs Debian's package mirror) and laid out to run where it lies: its bin/python3
#   must report the packages' version, load what the shim needs, run samples/scripts/python/hello.py as the exec:
#   bridge runs it and worker.py under the shims' fake bridge (with the environment the Java bridge sets, and with
#   none: the layer finds its own shim). When `unshare -m` works (root), the same again with the host's Python
#   hidden, which shows that the layer depends on nothing outside itself but glibc. Needs ruby, zip, apt-get,
#   dpkg-deb. Writes to layers/python/target/test.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
REPO=$(cd "$HERE/../.." && pwd -P)
SHIMS="$REPO/bridge/process/shims"
SAMPLES="$REPO/samples/scripts"
OUT="$HERE/target/test"
failures=0

ok() { echo "ok   $1"; }
fail() { echo "FAIL $1"; failures=$((failures + 1)); }
expect() { if [[ "$3" == *"$2"* ]]; then ok "$1"; else fail "$1: no \"$2\" in: $3"; fi; }
expect_equal() { if [[ "$3" == "$2" ]]; then ok "$1"; else fail "$1: expected \"$2\", got: $3"; fi; }

rm -rf "$OUT/layer" "$OUT/root" "$OUT"/*.zip
expect "--help" "usage: layers/python/build-layer.sh" "$("$HERE/build-layer.sh" --help)"
plan=$("$HERE/build-layer.sh" --dry-run --out "$OUT/dry")
expect "--dry-run: the pinned packages" "apt-get download python3.11-minimal=3.11.2-6+deb12u8 " "$plan"
expect "--dry-run: the zip" "$OUT/dry/python-VERSION-debian-" "$plan"
[[ ! -e "$OUT/dry" ]] && ok "--dry-run changes nothing" || fail "--dry-run created $OUT/dry"
status=0; msg=$("$HERE/build-layer.sh" --debs python3.11-minimal --out "$OUT/dry" 2>&1) || status=$?
expect "an unpinned --debs is refused (status $status)" "is not PACKAGE=VERSION" "$msg"

layer="$OUT/layer"
built=$("$HERE/build-layer.sh" --prefix "$layer" --out "$OUT" 2>/dev/null)
expect "the build says which glibc the layer needs" "needs glibc 2." "$built"
zip=$(compgen -G "$OUT/python-3.11.2-debian-*.zip" | head -1 || true)
[[ -n "$zip" ]] && ok "the zip is there: $(basename "$zip")" || fail "no zip in $OUT"
listing=$(unzip -Z1 "$zip")
for entry in bin/python3 lib/python/bin/python3.11 lib/python/lib/python3.11/json/__init__.py \
             lib/python/lib/python3.11/lib-dynload/_json.cpython-311-x86_64-linux-gnu.so \
             lambda-bridge/shims/python/lambda_bridge.py; do
  expect "the zip has $entry" "$entry" "$listing"
done
[[ -z "$(unzip -Z "$zip" | grep '^l')" ]] && ok "the zip has no symbolic links" || fail "symlinks in the zip"

run_checks() {
  local label=$1 python="$layer/bin/python3"
  local bridge_env=(env -i PATH="$layer/bin:/usr/bin:/bin" LAMBDA_BRIDGE_SHIMS="$layer/lambda-bridge/shims"
    PYTHONPATH="$layer/lambda-bridge/shims/python")
  local no_env=(env -i PATH="$layer/bin:/usr/bin:/bin")
  expect_equal "$label: the version" "3.11.2 $layer/lib/python" \
    "$(wrap "${no_env[@]}" "$python" -c 'import sys; print(sys.version.split()[0], sys.prefix)')"
  expect_equal "$label: json, socket, ssl, sqlite3, decimal, zlib load" "ok" \
    "$(wrap "${no_env[@]}" "$python" -c 'import json, socket, ssl, sqlite3, decimal, zlib; print("ok")' 2>&1)"
  expect_equal "$label: exec hello.py < events/unicode.json" '{"result":3}' \
    "$(cd "$SAMPLES/python" && wrap "${no_env[@]}" "$python" hello.py < "$SAMPLES/events/unicode.json")"
  for env_name in bridge_env no_env; do
    local -n e=$env_name
    expect "$label: worker.py under the fake bridge ($env_name)" 'RESULT {"result":3}' \
      "$(cd "$SAMPLES/python" && wrap "${e[@]}" "$(command -v ruby)" "$SHIMS/test/fake_bridge.rb" \
        --event "$(cat "$SAMPLES/events/hello.json")" -- "$python" worker.py 2>&1)"
  done
}

wrap() { "$@"; }
run_checks "layer"
if unshare -m true 2>/dev/null; then
  mkdir -p "$OUT/empty"
  hidden=$(ls -d /usr/lib/python3.11 /usr/lib/python3 /usr/local/lib/python3.11 2>/dev/null || true)
  # wrap: run in a mount namespace where Debian's Python (binary and library) is hidden
  wrap() {
    local mounts="" d
    for d in $hidden; do mounts+="mount --bind '$OUT/empty' '$d' && "; done
    mounts+="mount --bind /dev/null /usr/bin/python3.11 && "
    unshare -m sh -c "$mounts"'exec "$@"' sh "$@"
  }
  expect "the host's python3.11 is hidden" "Permission denied" "$(wrap /usr/bin/python3.11 -V 2>&1 || true)"
  run_checks "host Python hidden"
else
  echo "skip the relocation check: unshare -m does not work here (needs root)"
fi

if [[ $failures -ne 0 ]]; then
  echo "layers/python/test-layer.sh: $failures FAILED"
  exit 1
fi
echo "layers/python/test-layer.sh: all passed"
