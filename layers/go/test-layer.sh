#!/usr/bin/env bash
# usage: layers/go/test-layer.sh
#   Tests build-layer.sh entirely (Go needs no container): --help, --dry-run, and real builds of the two Go
#   samples, offline: the function package of samples/scripts/go (hello) and of go/cmd/worker, the layer form,
#   an arm64 cross-build; each zip's entries and modes, a static binary (no ELF interpreter), and the programs run
#   from the unzipped packages (hello as the exec: bridge runs it, the worker under the shims' fake bridge).
#   Needs go, zip, unzip, ruby (for the fake bridge). Writes to layers/go/target/test.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
REPO=$(cd "$HERE/../.." && pwd -P)
SAMPLES="$REPO/samples/scripts"
OUT="$HERE/target/test"
failures=0

ok() { echo "ok   $1"; }
fail() { echo "FAIL $1"; failures=$((failures + 1)); }
expect() { if [[ "$3" == *"$2"* ]]; then ok "$1"; else fail "$1: no \"$2\" in: $3"; fi; }
expect_equal() { if [[ "$3" == "$2" ]]; then ok "$1"; else fail "$1: expected \"$2\", got: $3"; fi; }

rm -rf "$OUT"
expect "--help" "Go needs no interpreter layer" "$("$HERE/build-layer.sh" --help)"
plan=$("$HERE/build-layer.sh" --dry-run --out "$OUT" "$SAMPLES/go")
expect "--dry-run: static build" "CGO_ENABLED=0 GOOS=linux GOARCH=" "$plan"
expect "--dry-run: the name go build gives it" "$OUT/hello-" "$plan"
[[ ! -e "$OUT" ]] && ok "--dry-run changes nothing" || fail "--dry-run created $OUT"
status=0; msg=$("$HERE/build-layer.sh" --arch sparc "$SAMPLES/go" 2>&1) || status=$?
expect "--arch sparc is refused (status $status)" "--arch must be x86_64 or arm64" "$msg"

host_arch=$(uname -m)
"$HERE/build-layer.sh" --offline --out "$OUT" --arch "$host_arch" "$SAMPLES/go" >/dev/null
"$HERE/build-layer.sh" --offline --out "$OUT" --arch "$host_arch" "$SAMPLES/go/cmd/worker" >/dev/null
"$HERE/build-layer.sh" --offline --out "$OUT" --arch "$host_arch" --layer "$SAMPLES/go/cmd/worker" >/dev/null
"$HERE/build-layer.sh" --offline --out "$OUT" --arch arm64 "$SAMPLES/go/cmd/worker" >/dev/null
[[ $host_arch == aarch64 ]] && host_arch=arm64

expect_equal "hello zip: one executable at the root" "-rwxr-xr-x hello" \
  "$(unzip -Z "$OUT/hello-$host_arch.zip" | awk '/^-/ { print $1, $NF }')"
expect_equal "worker layer zip: bin/worker" "-rwxr-xr-x bin/worker" \
  "$(unzip -Z "$OUT/worker-layer-$host_arch.zip" | awk '/^-/ { print $1, $NF }')"

for pkg in hello worker; do
  mkdir -p "$OUT/unzipped/$pkg"
  unzip -q "$OUT/$pkg-$host_arch.zip" -d "$OUT/unzipped/$pkg"
  if command -v readelf >/dev/null 2>&1; then
    readelf -l "$OUT/unzipped/$pkg/$pkg" | grep -q INTERP && fail "$pkg is static" || ok "$pkg is static (no ELF interpreter)"
  fi
done
expect_equal "exec:./hello {event} from the package" "Hello from Go!
3" "$(cd "$OUT/unzipped/hello" && ./hello "$(cat "$SAMPLES/events/hello.json")")"
expect "worker:./worker from the package, under the fake bridge" 'RESULT {"result":3}' \
  "$(cd "$OUT/unzipped/worker" && ruby "$REPO/bridge/process/shims/test/fake_bridge.rb" \
    --event "$(cat "$SAMPLES/events/hello.json")" -- ./worker 2>&1)"
mkdir -p "$OUT/unzipped/arm64"
unzip -q "$OUT/worker-arm64.zip" -d "$OUT/unzipped/arm64"
expect "arm64 cross-build" "GOARCH=arm64" "$(go version -m "$OUT/unzipped/arm64/worker")"
if command -v readelf >/dev/null 2>&1; then
  expect "arm64 ELF" "AArch64" "$(readelf -h "$OUT/unzipped/arm64/worker")"
fi

if [[ $failures -ne 0 ]]; then
  echo "layers/go/test-layer.sh: $failures FAILED"
  exit 1
fi
echo "layers/go/test-layer.sh: all passed"
