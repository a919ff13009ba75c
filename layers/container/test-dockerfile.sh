#!/usr/bin/env bash
# usage: layers/container/test-dockerfile.sh
#   Checks layers/container/Dockerfile against the built java-runtime layer without a Docker engine: every
#   source its COPY lines name exists in the build context (the repository root, with the default build args),
#   the ENTRYPOINT is the layer's bootstrap (an executable file of the layer, since /opt is the layer), and the
#   default function directory holds the default handler's class; then runs that layout as the image would run
#   it on Lambda with SnapStart: the layer's bootstrap (with the layer's own JRE: no JAVA_HOME), the default
#   function and handler, under the emulator with --snap-start. Builds the layer first when it is missing
#   (scripts/build-layers java-runtime).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
REPO=$(cd "$HERE/../.." && pwd -P)
DOCKERFILE="$HERE/Dockerfile"
LAYER="$REPO/layers/target/layers/java-runtime"

failures=0
ok() { echo "ok   $1"; }
fail() { echo "FAIL $1"; failures=$((failures + 1)); }

if [[ ! -x "$LAYER/bootstrap" ]]; then
  echo "layers/container/test-dockerfile.sh: scripts/build-layers java-runtime"
  mkdir -p "$REPO/layers/target"
  "$REPO/scripts/build-layers" java-runtime >"$REPO/layers/target/container-build-layers.log" 2>&1 \
    || { cat "$REPO/layers/target/container-build-layers.log"; exit 1; }
fi

# the build args' defaults (ARG NAME=VALUE)
declare -A args=()
while read -r name value; do
  args[$name]=$value
done < <(sed -n 's/^ARG \([A-Z_]*\)=\(.*\)$/\1 \2/p' "$DOCKERFILE")
expand() {
  local text=$1 name
  for name in "${!args[@]}"; do
    text=${text//"\${$name}"/${args[$name]}}
  done
  echo "$text"
}

copies=0
while read -r source target; do
  copies=$((copies + 1))
  path="$REPO/$(expand "$source")"
  if [[ -e "$path" ]]; then ok "COPY $source: $path exists"; else fail "COPY $source: no $path"; fi
  [[ "$target" == /opt/ && "$(expand "$source")" == layers/target/layers/java-runtime/ ]] \
    && ok "the java-runtime layer goes to /opt" || true
done < <(sed -n 's/^COPY \([^ ]*\) \([^ ]*\)$/\1 \2/p' "$DOCKERFILE")
[[ $copies -ge 2 ]] || fail "expected COPY lines for the layer and the function, found $copies"

entrypoint=$(sed -n 's/^ENTRYPOINT \["\([^"]*\)"\]$/\1/p' "$DOCKERFILE")
case "$entrypoint" in
  /opt/*) if [[ -x "$LAYER/${entrypoint#/opt/}" && -f "$LAYER/${entrypoint#/opt/}" ]]; then
            ok "ENTRYPOINT $entrypoint is an executable file of the layer"
          else fail "ENTRYPOINT $entrypoint: no executable $LAYER/${entrypoint#/opt/}"; fi ;;
  *) fail "ENTRYPOINT '$entrypoint' is not in /opt (the layer)" ;;
esac
for part in jre/bin/java lib/runtime-core.jar; do
  if [[ -e "$LAYER/$part" ]]; then ok "the layer has $part"; else fail "the layer has no $part"; fi
done

handler=${args[HANDLER]:-}
class="$REPO/${args[FUNCTION_DIR]}/${handler//.//}.class"
if [[ -n "$handler" && -f "$class" ]]; then ok "the default handler $handler is in the function: $class"
else fail "the default handler '$handler' has no class $class"; fi
grep -q '^ENV _HANDLER=\${HANDLER}$' "$DOCKERFILE" && ok "the image sets _HANDLER" || fail "the image does not set _HANDLER"

# the image's layout, run as Lambda runs a SnapStart function (the emulator answers restore/next after init)
emulator_jar=$(ls "$REPO"/runtime/local/emulator/target/runtime-emulator-*.jar | grep -v -- '-sources\|-tests' | head -n 1)
JDK=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
out=$(cd "$REPO/${args[FUNCTION_DIR]}" && env -u JAVA_HOME "$JDK/bin/java" \
  -cp "$emulator_jar:$REPO/runtime/local/emulator/target/lib/*" dev.lambdabridge.emulator.cli.EmulatorCli invoke \
  --handler "$handler" --code "$REPO/${args[FUNCTION_DIR]}" --bootstrap "$LAYER/${entrypoint#/opt/}" \
  --event "$REPO/samples/java-hello/events/greeting.json" --memory 512 --timeout 20 --snap-start 2>&1) || true
for expected in RESTORE_START "RESTORE_REPORT Restore Duration: " "Bonjour, Grace"; do
  if [[ "$out" == *"$expected"* ]]; then ok "the layout runs with --snap-start: \"$expected\""
  else fail "the layout with --snap-start: no \"$expected\" in: ${out:0:3000}"; fi
done

if [[ $failures -gt 0 ]]; then echo "layers/container/test-dockerfile.sh: $failures failed"; exit 1; fi
echo "layers/container/test-dockerfile.sh: all passed"
