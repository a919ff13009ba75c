#!/usr/bin/env bash
# usage: layers/python/test-layer.sh
#   Tests what build-layer.sh does without Docker: --help, --dry-run for Amazon Linux 2 and 2023 (the container,
#   the packages, the layout, the zip), the clear stop (exit 3) when no Docker engine works, then --from-debs:
#   --dry-run, a bad --debs refused, and a layer built from the pinned Debian packages (apt-get download: needs
#   Debian's package mirror) and laid out to run where it lies: its bin/python3
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

rm -rf "$OUT/layer" "$OUT/root" "$OUT/dry" "$OUT"/*.zip
expect "--help" "usage: layers/python/build-layer.sh" "$("$HERE/build-layer.sh" --help)"
declare -A minor=([2]=3.7 [2023]=3.11)
declare -A install=([2]="yum install -y python3 python3-libs zip"
  [2023]="dnf install -y --setopt=install_weak_deps=False python3.11 python3.11-libs zip")
for al in 2 2023; do
  plan=$("$HERE/build-layer.sh" --dry-run --al "$al" --out "$OUT/dry")
  expect "--dry-run --al $al: the container" "docker run --rm --platform linux/" "$plan"
  expect "--dry-run --al $al: the image" " amazonlinux:$al bash /src/layers/python/build-layer.sh --in-container --al $al --python ${minor[$al]}" "$plan"
  expect "--dry-run --al $al: the packages" "${install[$al]}" "$plan"
  expect "--dry-run --al $al: the import check" "python${minor[$al]} -c 'import json, socket, ssl, sqlite3, decimal, zlib'" "$plan"
  expect "--dry-run --al $al: the interpreter" "/opt/lib/python/bin/python${minor[$al]}" "$plan"
  expect "--dry-run --al $al: the standard library" "/opt/lib/python/lib64/python${minor[$al]} " "$plan"
  expect "--dry-run --al $al: the shim" "/opt/lambda-bridge/shims/python" "$plan"
  expect "--dry-run --al $al: the zip" "$OUT/dry/python-${minor[$al]}.x-al$al-" "$plan"
done
expect "--dry-run --al 2 --python 3.8: extras" "amazon-linux-extras enable python3.8 && yum clean metadata && yum install -y python38 python38-libs" \
  "$("$HERE/build-layer.sh" --dry-run --al 2 --python 3.8)"
expect "--arch arm64" "--platform linux/arm64" "$("$HERE/build-layer.sh" --dry-run --arch arm64)"
status=0; msg=$("$HERE/build-layer.sh" --al 9 2>&1) || status=$?
expect "--al 9 is refused (status $status)" "--al must be 2 or 2023, got 9" "$msg"
status=0; msg=$("$HERE/build-layer.sh" --python 3 --dry-run 2>&1) || status=$?
expect "--python 3 is refused (status $status)" "--python must look like 3.11, got 3" "$msg"
if docker info >/dev/null 2>&1; then
  echo "skip the no-engine check: a Docker engine works here (build-layer.sh without --dry-run would build)"
else
  status=0; msg=$("$HERE/build-layer.sh" --out "$OUT/dry" 2>&1) || status=$?
  [[ $status == 3 ]] && ok "without a Docker engine: exit 3" || fail "without a Docker engine: exit $status"
  expect "without a Docker engine: says why" "needs a machine with a working Docker engine. Use --dry-run to see the plan, --from-debs for a local smoke test." "$msg"
fi
[[ ! -e "$OUT/dry" ]] && ok "--dry-run and the stop without Docker change nothing" || fail "$OUT/dry was created"

plan=$("$HERE/build-layer.sh" --from-debs --dry-run --out "$OUT/dry")
expect "--from-debs --dry-run: the pinned packages" "apt-get download python3.11-minimal=3.11.2-6+deb12u8 " "$plan"
expect "--from-debs --dry-run: the zip" "$OUT/dry/python-VERSION-debian-" "$plan"
[[ ! -e "$OUT/dry" ]] && ok "--from-debs --dry-run changes nothing" || fail "--dry-run created $OUT/dry"
status=0; msg=$("$HERE/build-layer.sh" --from-debs --debs python3.11-minimal --out "$OUT/dry" 2>&1) || status=$?
expect "an unpinned --debs is refused (status $status)" "is not PACKAGE=VERSION" "$msg"

layer="$OUT/layer"
built=$("$HERE/build-layer.sh" --from-debs --prefix "$layer" --out "$OUT" 2>/dev/null)
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
