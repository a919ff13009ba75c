#!/usr/bin/env bash
# usage: layers/php/test-layer.sh
#   Tests what build-layer.sh does without Docker: --help, --dry-run for Amazon Linux 2 and 2023, the clear stop
#   when no Docker engine works, and --from-host: a layer laid out from the host's php, whose bin/php must run
#   the samples (HelloLambda.php as the exec: bridge runs it, worker.php under the shims' fake bridge with the
#   environment the Java bridge sets). When `unshare -m` works (root), the layout runs again with the host's PHP
#   directories and binary hidden, which shows that it depends on nothing outside the layer but glibc.
#   Needs php, ruby (for the fake bridge), zip. Writes to layers/php/target/test.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
REPO=$(cd "$HERE/../.." && pwd -P)
SHIMS="$REPO/bridge/process/shims"
SAMPLES="$REPO/samples/scripts"
OUT="$HERE/target/test"
failures=0

ok() { echo "ok   $1"; }
fail() { echo "FAIL $1"; failures=$((failures + 1)); }
# expect NAME PATTERN TEXT: TEXT contains PATTERN (a fixed string)
expect() { if [[ "$3" == *"$2"* ]]; then ok "$1"; else fail "$1: no \"$2\" in: $3"; fi; }
# expect_equal NAME EXPECTED ACTUAL
expect_equal() { if [[ "$3" == "$2" ]]; then ok "$1"; else fail "$1: expected \"$2\", got: $3"; fi; }

rm -rf "$OUT"
expect "--help" "usage: layers/php/build-layer.sh" "$("$HERE/build-layer.sh" --help)"
for al in 2 2023; do
  plan=$("$HERE/build-layer.sh" --dry-run --al "$al" --out "$OUT")
  expect "--dry-run --al $al: the container" "docker run --rm --platform linux/" "$plan"
  expect "--dry-run --al $al: the image" " amazonlinux:$al bash /src/layers/php/build-layer.sh --in-container --al $al" "$plan"
  [[ $al == 2 ]] && expect "--dry-run --al 2: extras" "amazon-linux-extras enable php8.2" "$plan"
  [[ $al == 2023 ]] && expect "--dry-run --al 2023: dnf" "dnf install -y --setopt=install_weak_deps=False php8.2-cli" "$plan"
  expect "--dry-run --al $al: the zip" "$OUT/php-8.2.x-al$al-" "$plan"
done
[[ ! -e "$OUT" ]] && ok "--dry-run changes nothing" || fail "--dry-run created $OUT"
expect "--arch arm64" "--platform linux/arm64" "$("$HERE/build-layer.sh" --dry-run --arch arm64)"
status=0; msg=$("$HERE/build-layer.sh" --al 9 2>&1) || status=$?
expect "--al 9 is refused (status $status)" "--al must be 2 or 2023" "$msg"

if docker info >/dev/null 2>&1; then
  echo "skip the no-engine check: a Docker engine works here (build-layer.sh without --dry-run would build)"
else
  status=0; msg=$("$HERE/build-layer.sh" --out "$OUT" 2>&1) || status=$?
  [[ $status == 3 ]] && ok "without a Docker engine: exit 3" || fail "without a Docker engine: exit $status"
  expect "without a Docker engine: says why" "needs a machine with a working Docker engine" "$msg"
fi

"$HERE/build-layer.sh" --from-host --out "$OUT" >/dev/null
layer="$OUT/host-layer"
listing=$(unzip -Z1 "$OUT/php-host.zip")
for entry in bin/php lib/php/bin/php lib/php/bin/php.ini lambda-bridge/shims/php/lambda_bridge.php \
             lambda-bridge/shims/php/conf.d/lambda-bridge.ini; do
  expect "the zip has $entry" "$entry" "$listing"
done
[[ -z "$(unzip -Z "$OUT/php-host.zip" | grep '^l')" ]] && ok "the zip has no symbolic links" || fail "symlinks in the zip"

# run_checks LABEL [unshare|plain]: the layout's php runs the samples.
run_checks() {
  local label=$1 php="$layer/bin/php"
  local env=(env -i PATH="$layer/bin:/usr/bin:/bin" LAMBDA_BRIDGE_SHIMS="$layer/lambda-bridge/shims"
    PHP_INI_SCAN_DIR=":$layer/lambda-bridge/shims/php/conf.d")
  expect "$label: php.ini beside the binary" "Loaded Configuration File:         $layer/lib/php/bin/php.ini" \
    "$(wrap "${env[@]}" "$php" --ini)"
  expect "$label: exec HelloLambda.php" '{"result":3}' \
    "$(wrap "${env[@]}" sh -c "cd '$SAMPLES/php' && '$php' HelloLambda.php < '$SAMPLES/events/hello.json'")"
  expect "$label: worker.php under the fake bridge" 'RESULT {"result":3}' \
    "$(cd "$SAMPLES/php" && wrap "${env[@]}" ruby "$SHIMS/test/fake_bridge.rb" \
      --event "$(cat "$SAMPLES/events/hello.json")" -- "$php" worker.php 2>&1)"
  expect_equal "$label: the host's $host_extensions extensions load, without warnings" "$host_extensions" \
    "$(wrap "${env[@]}" "$php" -d display_startup_errors=1 -r 'echo count(get_loaded_extensions());' 2>&1)"
}

host_extensions=$(php -r 'echo count(get_loaded_extensions());')
wrap() { "$@"; }
run_checks "from-host layout"

host_php=$(readlink -f "$(command -v php)")
hidden=$(php -r 'echo ini_get("extension_dir"), " ", dirname((string) php_ini_loaded_file()), " ", PHP_CONFIG_FILE_SCAN_DIR;')
if unshare -m true 2>/dev/null; then
  mkdir -p "$OUT/empty"
  # wrap: run in a mount namespace where the host's PHP (binary, extensions, ini files) is hidden
  wrap() {
    local mounts="" d
    # inner directories first: hiding a parent hides them as mount points too
    for d in $(printf '%s\n' $hidden /usr/share/php | awk '{ print length($0), $0 }' | sort -rn | cut -d' ' -f2-); do
      [[ -d "$d" ]] && mounts+="mount --bind '$OUT/empty' '$d' && "
    done
    mounts+="mount --bind /dev/null '$host_php' && "
    unshare -m sh -c "$mounts"'exec "$@"' sh "$@"
  }
  expect "the host's php is hidden" "Permission denied" "$(wrap php -v 2>&1 || true)"
  run_checks "host PHP hidden"
else
  echo "skip the relocation check: unshare -m does not work here (needs root)"
fi

if [[ $failures -ne 0 ]]; then
  echo "layers/php/test-layer.sh: $failures FAILED"
  exit 1
fi
echo "layers/php/test-layer.sh: all passed"
