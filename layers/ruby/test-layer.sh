#!/usr/bin/env bash
# usage: layers/ruby/test-layer.sh
#   Tests what build-layer.sh does without Docker: --help, --dry-run for Amazon Linux 2 and 2023, the clear stop
#   when no Docker engine works, and --from-host: a layer laid out from the host's ruby, whose bin/ruby must run
#   the samples (hello.rb as the exec: bridge runs it, worker.rb under the shims' fake bridge, once with the
#   environment the Java bridge sets and once with none: the layer finds its own shim). When `unshare -m` works
#   (root), the layout runs again with the host's Ruby directories, binary and libruby hidden, which shows that
#   it depends on nothing outside the layer but glibc. Needs ruby, zip. Writes to layers/ruby/target/test.
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
expect "--help" "usage: layers/ruby/build-layer.sh" "$("$HERE/build-layer.sh" --help)"
for al in 2 2023; do
  plan=$("$HERE/build-layer.sh" --dry-run --al "$al" --out "$OUT")
  expect "--dry-run --al $al: the container" "docker run --rm --platform linux/" "$plan"
  expect "--dry-run --al $al: the image" " amazonlinux:$al bash /src/layers/ruby/build-layer.sh --in-container --al $al" "$plan"
  [[ $al == 2 ]] && expect "--dry-run --al 2: extras, Ruby 3.0" "amazon-linux-extras enable ruby3.0" "$plan"
  [[ $al == 2023 ]] && expect "--dry-run --al 2023: dnf, Ruby 3.2" "dnf install -y --setopt=install_weak_deps=False ruby3.2 " "$plan"
  expect "--dry-run --al $al: the zip" "$OUT/ruby-" "$plan"
done
[[ ! -e "$OUT" ]] && ok "--dry-run changes nothing" || fail "--dry-run created $OUT"
expect "--arch arm64" "--platform linux/arm64" "$("$HERE/build-layer.sh" --dry-run --arch arm64)"
expect "--ruby 3.3" "ruby3.3 ruby3.3-rubygem-json" "$("$HERE/build-layer.sh" --dry-run --ruby 3.3)"
status=0; msg=$("$HERE/build-layer.sh" --al 9 2>&1) || status=$?
expect "--al 9 is refused (status $status)" "--al must be 2 or 2023" "$msg"

if docker info >/dev/null 2>&1; then
  echo "skip the no-engine check: a Docker engine works here (build-layer.sh without --dry-run would build)"
else
  status=0; msg=$("$HERE/build-layer.sh" --out "$OUT" 2>&1) || status=$?
  [[ $status == 3 ]] && ok "without a Docker engine: exit 3" || fail "without a Docker engine: exit $status"
  expect "without a Docker engine: says why" "needs a machine with a" "$msg"
fi

"$HERE/build-layer.sh" --from-host --out "$OUT" >/dev/null
layer="$OUT/host-layer"
listing=$(unzip -Z1 "$OUT/ruby-host.zip")
for entry in bin/ruby lib/ruby/bin/ruby lambda-bridge/shims/ruby/lambda_bridge.rb; do
  expect "the zip has $entry" "$entry" "$listing"
done
expect "the zip has the standard library" "/json/ext/parser.so" "$listing"
[[ -z "$(unzip -Z "$OUT/ruby-host.zip" | grep '^l')" ]] && ok "the zip has no symbolic links" || fail "symlinks in the zip"

# run_checks LABEL: the layout's ruby runs the samples.
run_checks() {
  local label=$1 ruby="$layer/bin/ruby"
  local bridge_env=(env -i PATH="$layer/bin:/usr/bin:/bin" LAMBDA_BRIDGE_SHIMS="$layer/lambda-bridge/shims"
    RUBYLIB="$layer/lambda-bridge/shims/ruby")
  local no_env=(env -i PATH="$layer/bin:/usr/bin:/bin")
  expect_equal "$label: the version" "$host_version" "$(wrap "${no_env[@]}" "$ruby" -e 'print RUBY_VERSION')"
  expect_equal "$label: json, socket, openssl, date, set load" "ok" \
    "$(wrap "${no_env[@]}" "$ruby" -e 'require "json"; require "socket"; require "openssl"; require "date"; require "set"; print "ok"' 2>&1)"
  expect_equal "$label: exec hello.rb {event}" "3" \
    "$(cd "$SAMPLES/ruby" && wrap "${no_env[@]}" "$ruby" hello.rb "$(cat "$SAMPLES/events/hello.json")")"
  for env_name in bridge_env no_env; do
    local -n e=$env_name
    expect "$label: worker.rb under the fake bridge ($env_name)" 'RESULT {"result":3}' \
      "$(cd "$SAMPLES/ruby" && wrap "${e[@]}" "$ruby" "$SHIMS/test/fake_bridge.rb" \
        --event "$(cat "$SAMPLES/events/hello.json")" -- "$ruby" worker.rb 2>&1)"
  done
}

host_version=$(ruby -e 'print RUBY_VERSION')
wrap() { "$@"; }
run_checks "from-host layout"

host_ruby=$(readlink -f "$(ruby -e 'print RbConfig.ruby')")
host_libruby=$(ldd "$host_ruby" | awk '/libruby/ { print $3 }')
hidden=$(ruby -e 'c = RbConfig::CONFIG
  dirs = [c["rubylibprefix"], c["rubyarchprefix"], c["vendordir"], c["sitedir"], *Gem.path, *$LOAD_PATH]
  puts dirs.compact.map { |d| File.expand_path(d) }.uniq.select { |d| File.directory?(d) }.sort_by { |d| -d.size }')
if unshare -m true 2>/dev/null; then
  mkdir -p "$OUT/empty"
  # wrap: run in a mount namespace where the host's Ruby (binary, libruby, library directories, gems) is hidden
  wrap() {
    local mounts="" d
    for d in $hidden; do mounts+="mount --bind '$OUT/empty' '$d' && "; done
    for d in $host_ruby $host_libruby; do mounts+="mount --bind /dev/null '$d' && "; done
    unshare -m sh -c "$mounts"'exec "$@"' sh "$@"
  }
  expect "the host's ruby is hidden" "Permission denied" "$(wrap ruby -v 2>&1 || true)"
  run_checks "host Ruby hidden"
else
  echo "skip the relocation check: unshare -m does not work here (needs root)"
fi

if [[ $failures -ne 0 ]]; then
  echo "layers/ruby/test-layer.sh: $failures FAILED"
  exit 1
fi
echo "layers/ruby/test-layer.sh: all passed"
