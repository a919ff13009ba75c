#!/bin/sh
# usage: samples/scripts/test.sh
#   Builds the Go samples (build.sh) and checks the ten programs' contracts without the Java runtime:
#   the five classic programs run as the exec: bridge runs them (stdin / first argument, no shell), the five
#   workers run under the shims' fake bridge (bridge/process/shims/test/fake_bridge.rb) with the environment
#   the Java bridge gives workers. Needs php, ruby, go, python3, node (the first on PATH); no network.
set -eu

case "${1:-}" in
  -h|--help) sed -n '2,6s/^# \{0,1\}//p' "$0"; exit 0 ;;
esac

HERE=$(cd "$(dirname "$0")" && pwd -P)
ROOT=$(cd "$HERE/../.." && pwd -P)
SHIMS="$ROOT/bridge/process/shims"
failures=0

# check NAME EXPECTED ACTUAL
check() {
  if [ "$2" = "$3" ]; then
    echo "ok   $1"
  else
    echo "FAIL $1: expected $(printf '%s' "$2" | od -c | head -3), got $(printf '%s' "$3" | od -c | head -3)"
    failures=$((failures + 1))
  fi
}

"$HERE/build.sh"
nl='
'
for event in hello:3 order:4 shell-metacharacters:8 unicode:3 empty:0; do
  name=${event%%:*}
  n=${event#*:}
  json=$(cat "$HERE/events/$name.json")
  check "php HelloLambda.php < events/$name.json" "{\"result\":$n}" \
    "$(cd "$HERE/php" && php HelloLambda.php < "$HERE/events/$name.json")"
  check "./hello \"\$(cat events/$name.json)\"" "Hello from Go!$nl$n" "$(cd "$HERE/go" && ./hello "$json")"
  check "ruby hello.rb \"\$(cat events/$name.json)\"" "$n" "$(cd "$HERE/ruby" && ruby hello.rb "$json")"
  check "python3 hello.py < events/$name.json" "{\"result\":$n}" \
    "$(cd "$HERE/python" && python3 hello.py < "$HERE/events/$name.json")"
  check "node hello.js \"\$(cat events/$name.json)\"" "{\"result\":$n}" "$(cd "$HERE/node" && node hello.js "$json")"
done
# status DIR COMMAND...: the exit status of COMMAND run in DIR, stdin from /dev/null unless redirected
status() {
  (cd "$HERE/$1" && shift && "$@") >/dev/null 2>&1 && echo 0 || echo $?
}
check "ruby hello.rb (no argument)" "0" "$(cd "$HERE/ruby" && ruby hello.rb)"
check "php HelloLambda.php < a JSON list: exit 1" "1" "$(echo '[1,2]' | status php php HelloLambda.php)"
check "./hello (no argument): exit 2" "2" "$(status go ./hello)"
check "./hello '[1]': exit 1" "1" "$(status go ./hello '[1]')"
check "ruby hello.rb '[1]': exit 1" "1" "$(status ruby ruby hello.rb '[1]')"
check "python3 hello.py < a JSON list: exit 1" "1" "$(echo '[1,2]' | status python python3 hello.py)"
check "node hello.js (no argument): exit 2" "2" "$(status node node hello.js)"
check "node hello.js '[1]': exit 1" "1" "$(status node node hello.js '[1]')"

export LAMBDA_BRIDGE_SHIMS="$SHIMS"
export PHP_INI_SCAN_DIR="${PHP_INI_SCAN_DIR:-}:$SHIMS/php/conf.d"
export RUBYLIB="$SHIMS/ruby${RUBYLIB:+:$RUBYLIB}"
export PYTHONPATH="$SHIMS/python${PYTHONPATH:+:$PYTHONPATH}"
for worker in "php:php worker.php" "ruby:ruby worker.rb" "go:./worker" "python:python3 worker.py" "node:node index.js"; do
  dir=${worker%%:*}
  cmd=${worker#*:}
  # the bridge preloads the Node.js shim for a node program
  node_options=
  [ "$dir" = node ] && node_options="--require \"$SHIMS/node/lambda_bridge.js\""
  for event in hello:3 shell-metacharacters:8 unicode:3 empty:0; do
    name=${event%%:*}
    n=${event#*:}
    # shellcheck disable=SC2086 # cmd is split on spaces, as the bridge splits a handler string
    out=$(cd "$HERE/$dir" && NODE_OPTIONS="$node_options" ruby "$SHIMS/test/fake_bridge.rb" \
      --event "$(cat "$HERE/events/$name.json")" --count 2 -- $cmd 2>/dev/null || true)
    check "worker:$cmd with events/$name.json" \
      "READY {\"protocol\":1,\"shim\":\"$dir\"}${nl}RESULT {\"result\":$n}${nl}RESULT {\"result\":$n}${nl}exit 0" "$out"
  done
  out=$(cd "$HERE/$dir" && NODE_OPTIONS="$node_options" ruby "$SHIMS/test/fake_bridge.rb" --event '"not an object"' \
    -- $cmd 2>/dev/null || true)
  case "$out" in
    *"ERROR {"*) echo "ok   worker:$cmd with an event that is not an object: ERROR" ;;
    *) echo "FAIL worker:$cmd with an event that is not an object: $out"; failures=$((failures + 1)) ;;
  esac
done

if [ "$failures" -ne 0 ]; then
  echo "samples/scripts/test.sh: $failures FAILED"
  exit 1
fi
echo "samples/scripts/test.sh: all passed"
