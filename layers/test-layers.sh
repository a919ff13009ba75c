#!/usr/bin/env bash
# usage: layers/test-layers.sh
#   Builds the layer zips (scripts/build-layers) and runs the samples from them as Lambda lays a function out:
#   the layers unzipped into /opt, the function's code in /var/task, the emulator as the Runtime API, and
#   /opt/bootstrap started with the Lambda environment and no JAVA_HOME, so the java-runtime layers' own jre/
#   must be used. As root with `unshare --mount` (CI, this machine): each function in its own mount namespace
#   where /opt and /var/task are bind mounts of the unzipped layers and the code, read-only, the root file
#   system is read-only too and /tmp is a fresh tmpfs ("mount" mode). Without that: the same layout under
#   layers/target/test with its own paths ("path-prefix" mode, weaker: nothing is read-only; also used when the
#   repository or the JDK is under /tmp or /var, which mount mode covers with tmpfs). Checks that the
#   JVM maps the layer's AOT cache and validates it against the layer's jre (-Xlog:aot, -Xlog:class+path).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
REPO=$(cd "$HERE/.." && pwd -P)
OUT="$HERE/target/test"
JDK=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}

# inside: the part that runs in the mount namespace: lays out /opt and /var/task, then invokes
if [[ "${1:-}" == --inside ]]; then
  opt=$2 code=$3; shift 3
  mount --make-rprivate /
  mount --bind "$opt" /opt && mount -o remount,bind,ro /opt
  mount -t tmpfs tmpfs /var && mkdir /var/task && mount --bind "$code" /var/task && mount -o remount,bind,ro /var/task
  mount -o remount,ro /var
  mount -o remount,bind,ro /
  mount -t tmpfs tmpfs /tmp
  exec "$@"
fi

failures=0
ok() { echo "ok   $1"; }
fail() { echo "FAIL $1"; failures=$((failures + 1)); }
expect() { if [[ "$3" == *"$2"* ]]; then ok "$1"; else fail "$1: no \"$2\" in: ${3:0:3000}"; fi; }

echo "layers/test-layers.sh: scripts/build-layers"
mkdir -p "$HERE/target"   # a clean clone has no layers/target yet
"$REPO/scripts/build-layers" >"$HERE/target/build-layers.log" 2>&1 || { cat "$HERE/target/build-layers.log"; exit 1; }
sed -n '/^layer /,/^$/p' "$HERE/target/build-layers.log"

mode=path-prefix
# mount mode puts fresh tmpfs over /tmp and /var: the repository and the JDK must not live under them (a clone in
# /tmp would vanish from the function's view); there, the path-prefix mode runs instead
if [[ $(id -u) == 0 ]] && unshare --mount true 2>/dev/null \
    && [[ $REPO != /tmp/* && $REPO != /var/* && $JDK != /tmp/* && $JDK != /var/* ]]; then
  mode=mount
fi
mode=${LB_LAYERS_TEST_MODE:-$mode}   # path-prefix to force the weaker mode
echo "layers/test-layers.sh: mode: $mode"

rm -rf "$OUT"
mkdir -p "$OUT"
# unpack COMBO: unzips the layers of COMBO (a+b+c), in that order, into OUT/COMBO/opt, as Lambda does
unpack() {
  local dir="$OUT/$1/opt"
  mkdir -p "$dir"
  for layer in ${1//+/ }; do
    TZ=UTC unzip -q -o "$REPO/layers/target/$layer.zip" -d "$dir"  # the zips hold UTC times (scripts/build-layers)
  done
  echo "$dir"
}

emulator_jar=$(ls "$REPO"/runtime/local/emulator/target/runtime-emulator-*.jar | grep -v -- '-sources\|-tests' | head -n 1)
# run COMBO CODE HANDLER EVENT MEMORY [JVM_OPTS]: invokes the function once; prints its log and result
run() {
  local combo=$1 code=$2 handler=$3 event=$4 memory=$5 jvm_opts=${6:-}
  local opt bootstrap task
  opt=$(unpack_once "$combo")
  local cmd=(env -u JAVA_HOME "$JDK/bin/java" -cp "$emulator_jar:$REPO/runtime/local/emulator/target/lib/*"
             dev.lambdabridge.emulator.cli.EmulatorCli invoke --handler "$handler" --event "$event"
             --memory "$memory" --timeout 20 --env "LAMBDA_BRIDGE_JVM_OPTS=$jvm_opts")
  local e
  for e in "${RUN_ENV[@]}"; do cmd+=(--env "$e"); done
  if [[ $mode == mount ]]; then
    unshare --mount "$0" --inside "$opt" "$code" "${cmd[@]}" --bootstrap /opt/bootstrap --code /var/task 2>&1 || true
  else
    (cd "$code" && "${cmd[@]}" --bootstrap "$opt/bootstrap" --code "$code" 2>&1) || true
  fi
}
RUN_ENV=()   # more --env NAME=VALUE for the functions run (set around a run, then emptied)
declare -A unpacked=()
unpack_once() {
  if [[ -z "${unpacked[$1]:-}" ]]; then unpacked[$1]=$(unpack "$1"); fi
  echo "${unpacked[$1]}"
}
# unpack in this shell (not in run's subshell), so that each combination is unzipped once
for combo in java-runtime java-runtime-compact java-runtime-compact+process-bridge java-runtime-compact+polyglot-base+polyglot-js \
             java-runtime-compact+polyglot-base+polyglot-js+polyglot-compiler \
             java-runtime-compact+polyglot-base+polyglot-ruby java-runtime-compact+polyglot-base+polyglot-ruby+polyglot-ruby-aot \
             java-runtime-compact+polyglot-base+polyglot-ruby+polyglot-ruby-cext; do
  unpacked[$combo]=$(unpack "$combo")
done

if [[ $mode == mount ]]; then where=/opt; else where=$OUT/java-runtime/opt; fi
if [[ $mode == mount ]]; then where_polyglot=/opt; else where_polyglot=$OUT/java-runtime-compact+polyglot-base+polyglot-js/opt; fi
if [[ $mode == mount ]]; then where_ruby_cext=/opt; else where_ruby_cext=$OUT/java-runtime-compact+polyglot-base+polyglot-ruby+polyglot-ruby-cext/opt; fi
S=$REPO/samples
JAVA_CODE=$S/java-hello/target/function
AOT_LOG="-Xlog:aot=info,class+path=info -Xlog:class+load=info"

out=$(run java-runtime "$JAVA_CODE" example.hello.GreetingPojoHandler::handleRequest "$S/java-hello/events/greeting.json" 512 "$AOT_LOG")
expect "java: POJO handler result" '"message":"Bonjour, Grace !"' "$out"
expect "java: the layer's jre (the cache validated against its modules image)" "Modules image $where/jre/lib/modules validation: passed" "$out"
# samples/java-hello carries aws-lambda-java-events: the layer's cache trained on AWS's event serializers too
expect "java: the layer's AOT cache for a function with aws-lambda-java-events is mapped" \
  "Opened AOT cache $where/lib/runtime-events.aot" "$out"
expect "java: AOT-linked classes in use" "Using AOT-linked classes: true" "$out"
from_cache=$(grep -c 'dev.lambdabridge.runtime.Bootstrap source: shared objects file' <<<"$out" || true)
[[ $from_cache == 1 ]] && ok "java: the runtime's classes come from the cache" || fail "java: Bootstrap not loaded from the cache"
jackson_jar=$(grep -c 'com.fasterxml.jackson.databind.ObjectMapper source: \(file\|jar\)' <<<"$out" || true)
[[ $jackson_jar == 0 ]] && ok "java: Jackson's classes come from the cache" || fail "java: ObjectMapper loaded from its jar"
# the training function's own classes are in the cache (the JVM takes a custom loader's class from it only when
# the class file's bytes are the same); any other handler's classes are loaded from the code, as without a cache
expect "java: the trained sample's handler class, same bytes, comes from the cache" \
  "example.hello.GreetingPojoHandler source: shared objects file" "$out"
out=$(run java-runtime "$JAVA_CODE" example.hello.HelloHandler::handleRequest "$S/java-hello/events/hello.json" 512 "-Xlog:class+load=info")
if [[ $mode == mount ]]; then task=/var/task/; else task=$JAVA_CODE/; fi
expect "java: a handler class not in the cache is loaded from the code" "example.hello.HelloHandler source: file:$task" "$out"
# a function without aws-lambda-java-events gets lib/runtime.aot, without the event serializers' classes
out=$(run java-runtime "$S/streaming/target/function" example.streaming.CsvReportHandler "$S/streaming/events/report.json" 512 "$AOT_LOG")
expect "java: a function without aws-lambda-java-events gets lib/runtime.aot" "Opened AOT cache $where/lib/runtime.aot" "$out"
out=$(run java-runtime-compact+process-bridge "$S/scripts/php" "exec:env" "$S/scripts/events/hello.json" 256)
expect "exec:env: the function's environment is Lambda's" "AWS_LAMBDA_FUNCTION_NAME=" "$out"
[[ "$out" != *JAVA_HOME=* ]] && ok "no JAVA_HOME in the function's environment" || fail "JAVA_HOME reached the function: ${out:0:2000}"
out=$(run java-runtime "$JAVA_CODE" example.hello.HelloHandler::handleRequest "$S/java-hello/events/hello.json" 512 "-XshowSettings:properties")
expect "java: java.home is the layer's jre" "java.home = $where/jre" "$out"
expect "java: HelloHandler result" '"greeting":"Hello, Ada!"' "$out"
for h in EchoStreamHandler:echo ApiGatewayHandler:api-gateway SqsBatchHandler:sqs; do
  out=$(run java-runtime "$JAVA_CODE" "example.hello.${h%%:*}::handleRequest" "$S/java-hello/events/${h#*:}.json" 512)
  expect "java: ${h%%:*} succeeds" "REPORT RequestId" "$out"
  [[ "$out" != *errorMessage* ]] && ok "java: ${h%%:*} no error" || fail "java: ${h%%:*}: ${out:0:2000}"
done
# the AWS samples that need no service (samples/apps), and a streamed response (samples/streaming: its
# StreamingHandler interface comes from the layer's lib/, as aws-lambda-java-core does)
A=$S/apps
out=$(run java-runtime "$A/time-service/target/function" example.apps.time.TimeHandler::handleRequest "$A/time-service/events/time-dublin.json" 512)
expect "java: time service, GET /time/Europe/Dublin" '\"timeZone\":\"Europe/Dublin\"' "$out"
out=$(run java-runtime "$A/time-service/target/function" example.apps.time.TimeHandler::handleRequest "$A/time-service/events/time-unknown-zone.json" 512)
expect "java: time service, an unknown zone is a 400" '"statusCode":400' "$out"
out=$(run java-runtime "$A/cognito-proxy/target/function" example.apps.cognito.CognitoProxyHandler::handleRequest "$A/cognito-proxy/events/cognito-post.json" 512)
expect "java: Cognito proxy greets the user from the claims" '"statusCode":200' "$out"
out=$(run java-runtime "$A/dynamodb-stream/target/function" example.apps.ddbstream.StreamProcessorHandler::handleRequest "$A/dynamodb-stream/events/orders-stream.json" 512)
[[ "$out" == *REPORT* && "$out" != *errorMessage* ]] && ok "java: DynamoDB stream processor" || fail "java: DynamoDB stream processor: ${out:0:2000}"
out=$(run java-runtime "$S/streaming/target/function" example.streaming.CsvReportHandler "$S/streaming/events/report.json" 512)
expect "java: a streamed CSV report (StreamingHandler from the layer)" "id,region,sku,quantity,amount_cents" "$out"

# Java frameworks on java-runtime (samples/frameworks, the cases of runtime/test/conformance's
# SpringCloudFunctionTest and WebFrameworksTest): each result on the layer's bootstrap and JRE must be the one the
# same bootstrap gives on the full JDK (runtime/core's dist, no jre/: the build's JDK), which the conformance suite
# checks against AWS's runtime client; an HTTP Date header (Micronaut's) is masked.
FRAMEWORKS=$S/frameworks
FIXTURES=${LB_AWS_EVENT_FIXTURES:-/work/shared/fixtures/aws-events}
unpacked[jdk]=$REPO/runtime/core/target/dist
printf '"spring on lambda"' >"$OUT/spring-string.json"
without_dates() { sed -E 's/[A-Z][a-z]{2}, [0-9]{1,2} [A-Z][a-z]{2} [0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} GMT/<date>/g'; }
# framework LABEL SAMPLE HANDLER EVENT PATTERN [NAME=VALUE...]: the sample's result on java-runtime (its last
# line of output) must match PATTERN (a glob) and equal the full JDK's
framework() {
  local label=$1 sample=$2 handler=$3 event=$4 expected=$5
  shift 5
  RUN_ENV=("$@")
  local on_layer on_jdk
  on_layer=$(run java-runtime "$FRAMEWORKS/$sample/target/function" "$handler" "$event" 512)
  on_jdk=$(run jdk "$FRAMEWORKS/$sample/target/function" "$handler" "$event" 512)
  RUN_ENV=()
  # shellcheck disable=SC2053
  [[ $(tail -n 1 <<<"$on_layer") == $expected ]] && ok "java-runtime: $label" ||
    fail "java-runtime: $label: no $expected in: $(tail -n 20 <<<"$on_layer")"
  if [[ $(tail -n 1 <<<"$on_layer" | without_dates) == "$(tail -n 1 <<<"$on_jdk" | without_dates)" ]]; then
    ok "java-runtime: $label: the full JDK's result"
  else
    fail "java-runtime: $label: on the layer: $(tail -n 20 <<<"$on_layer")
  on the full JDK: $(tail -n 1 <<<"$on_jdk")"
  fi
}
SCF=org.springframework.cloud.function.adapter.aws.FunctionInvoker::handleRequest
# Spring Cloud Function's adapter reads its event with aws-lambda-java-serialization's shaded Jackson: with the
# layer's cache for functions with aws-lambda-java-events, those classes come from the cache, not the 3.7 MB jar
RUN_ENV=(MAIN_CLASS=example.frameworks.scf.GreetingApplication SPRING_CLOUD_FUNCTION_DEFINITION=greet)
out=$(run java-runtime "$FRAMEWORKS/spring-cloud-function/target/function" "$SCF" "$FIXTURES/apigw_rest_event.json" 512 "-Xlog:class+load=info")
RUN_ENV=()
expect "java-runtime: Spring Cloud Function gets AWS's shaded Jackson from the layer's cache" \
  "com.amazonaws.lambda.thirdparty.com.fasterxml.jackson.databind.ObjectMapper source: shared objects file" "$out"
framework "Spring Cloud Function, an API Gateway event into APIGatewayProxyRequestEvent" spring-cloud-function "$SCF" \
  "$FIXTURES/apigw_rest_event.json" '{"statusCode":200,*"body":"Hello, world! You called GET /my/path"*' \
  MAIN_CLASS=example.frameworks.scf.GreetingApplication SPRING_CLOUD_FUNCTION_DEFINITION=greet
framework "Spring Cloud Function, a string function" spring-cloud-function "$SCF" "$OUT/spring-string.json" \
  '"SPRING ON LAMBDA"' MAIN_CLASS=example.frameworks.scf.GreetingApplication SPRING_CLOUD_FUNCTION_DEFINITION=uppercase
for fixture in apigw_rest_event apigw_http_event; do
  framework "serverless-java-container (Spring Boot 3), $fixture" serverless-java-container \
    com.amazonaws.serverless.proxy.spring.SpringDelegatingLambdaContainerHandler "$FIXTURES/$fixture.json" \
    '{"statusCode":200,*"X-Served-By":*"spring-mvc"*/my/path*' \
    MAIN_CLASS=example.frameworks.container.PathApplication
done
framework "Micronaut function-aws-api-proxy, REST (v1)" micronaut \
  io.micronaut.function.aws.proxy.payload1.ApiGatewayProxyRequestEventFunction "$FIXTURES/apigw_rest_event.json" \
  '{"statusCode":200,*"X-Served-By":*"micronaut"*/my/path*'
framework "Micronaut function-aws-api-proxy, HTTP API (v2)" micronaut \
  io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction "$FIXTURES/apigw_http_event.json" \
  '{"statusCode":200,*"X-Served-By":*"micronaut"*/my/path*'

# scripts/lambda-local train-function, the shell's half (scripts/lib/train-function.sh: a directory or a zip as
# --code, the java-runtime layer's bootstrap by default): the function's cache and key are written, the
# bootstrap on the layer uses them, and falls back when the key does not match (another JRE) or the cache is off
TRAIN=$OUT/train-function
rm -rf "$TRAIN" && mkdir -p "$TRAIN" && cp -R "$JAVA_CODE" "$TRAIN/dir"
(cd "$JAVA_CODE" && zip -q -r "$TRAIN/function.zip" .)
for code in "$TRAIN/dir" "$TRAIN/function.zip"; do
  "$REPO/scripts/lambda-local" train-function --code "$code" --handler example.hello.GreetingPojoHandler::handleRequest \
    --event "$S/java-hello/events/greeting.json" >"$TRAIN/$(basename "$code").log" 2>&1 ||
    fail "train-function --code $code: $(tail -n 20 "$TRAIN/$(basename "$code").log")"
done
expect "train-function: the java-runtime layer is the default runtime" \
  "runtime: $REPO/layers/target/layers/java-runtime/bootstrap" "$(cat "$TRAIN/dir.log")"
[[ -s $TRAIN/dir/lambda-bridge.aot && -s $TRAIN/dir/lambda-bridge.aot.key ]] &&
  ok "train-function (a directory): lambda-bridge.aot and .key written" || fail "train-function (a directory): no cache or key in $TRAIN/dir"
listing=$(unzip -Z1 "$TRAIN/function.zip")
grep -qx lambda-bridge.aot <<<"$listing" && grep -qx lambda-bridge.aot.key <<<"$listing" &&
  ok "train-function (a zip): lambda-bridge.aot and .key added at the zip's root" || fail "train-function (a zip): not in the zip: $listing"
mkdir -p "$TRAIN/unzipped" && unzip -q "$TRAIN/function.zip" -d "$TRAIN/unzipped"
for trained in dir unzipped; do
  out=$(run java-runtime "$TRAIN/$trained" example.hello.GreetingPojoHandler::handleRequest "$S/java-hello/events/greeting.json" 512)
  expect "train-function ($trained): the bootstrap on java-runtime uses the function's cache" "AOT cache: function (" "$out"
  expect "train-function ($trained): its result" '"message":"Bonjour, Grace !"' "$out"
done
out=$(run java-runtime-compact "$TRAIN/dir" example.hello.GreetingPojoHandler::handleRequest "$S/java-hello/events/greeting.json" 512)
expect "train-function: on another JRE (java-runtime-compact's) the key does not match: the layer's cache" \
  "AOT cache: layer ($( [[ $mode == mount ]] && echo /opt || echo "$OUT/java-runtime-compact/opt")/lib/runtime.aot); $( [[ $mode == mount ]] && echo /var/task || echo "$TRAIN/dir")/lambda-bridge.aot was made for another JRE or class path" "$out"
expect "train-function: on another JRE, still its result" '"message":"Bonjour, Grace !"' "$out"
RUN_ENV=(LAMBDA_BRIDGE_AOT=off)
out=$(run java-runtime "$TRAIN/dir" example.hello.GreetingPojoHandler::handleRequest "$S/java-hello/events/greeting.json" 512)
RUN_ENV=()
expect "train-function: LAMBDA_BRIDGE_AOT=off: no cache" "AOT cache: none; LAMBDA_BRIDGE_AOT=off" "$out"

out=$(run java-runtime-compact+process-bridge "$S/scripts/php" "exec:php HelloLambda.php" "$S/scripts/events/hello.json" 256 "-Xlog:aot=info")
expect "exec:php result" '{"result":3}' "$out"
expect "exec:php: the AOT cache is used with the process bridge's jars on the class path" "Using AOT-linked classes: true" "$out"
out=$(run java-runtime-compact+process-bridge "$S/scripts/php" "worker:php worker.php" "$S/scripts/events/hello.json" 256)
expect "worker:php (shims from /opt/lambda-bridge/shims) result" '{"result":3}' "$out"
out=$(run java-runtime-compact+process-bridge "$S/scripts/ruby" "worker:ruby worker.rb" "$S/scripts/events/hello.json" 256)
expect "worker:ruby result" '"result":' "$out"
out=$(run java-runtime-compact+process-bridge "$S/scripts/go" "exec:./hello {event}" "$S/scripts/events/order.json" 256)
expect "exec:./hello (Go) result" 'Hello from Go!' "$out"

# The polyglot layers ship GraalVM's resources unpacked (polyglot/resources, TruffleRuby's home among them): a
# resource cache that cannot be created (under /proc) proves that nothing is unpacked at a cold start
NO_CACHE="-Dpolyglot.engine.userResourceCache=/proc/lambda-bridge-no-resource-cache"
out=$(run java-runtime-compact+polyglot-base+polyglot-js "$S/polyglot/js" "js:index.handler" "$S/polyglot/events/keys.json" 1024 "$NO_CACHE -Xlog:aot=info")
expect "js:index.handler result (java-runtime-compact + polyglot-base + polyglot-js, nothing unpacked)" '{"result":3}' "$out"
expect "js: polyglot-js's own AOT cache is mapped" "Opened AOT cache $where_polyglot/polyglot/runtime.aot" "$out"
expect "js: its AOT-linked classes in use" "Using AOT-linked classes: true" "$out"
# with polyglot-compiler (Maven's org.graalvm.compiler:compiler and what it requires) on the upgrade module path,
# Truffle's optimizing runtime starts: the bridge logs a warning when it gets the interpreter-only fallback
out=$(run java-runtime-compact+polyglot-base+polyglot-js+polyglot-compiler "$S/polyglot/js" "js:index.handler" "$S/polyglot/events/keys.json" 1024)
expect "js: with polyglot-compiler, result" '{"result":3}' "$out"
[[ "$out" != *"optimizing Truffle runtime is not available"* ]] && ok "js: with polyglot-compiler, the optimizing runtime" \
  || fail "js: with polyglot-compiler, still the interpreter: ${out:0:3000}"
out=$(run java-runtime-compact+polyglot-base+polyglot-ruby "$S/polyglot/ruby" "ruby:key_count.handler" "$S/polyglot/events/keys.json" 1024 "$NO_CACHE")
expect "ruby:key_count.handler result (java-runtime-compact + polyglot-base + polyglot-ruby, its home read from /opt, nothing unpacked)" '{"result":3}' "$out"
# The standard library (layers/test-functions/ruby-stdlib/stdlib.rb: each library a function commonly uses, with
# fixed inputs): its report from TruffleRuby in the layers must be CRuby's (Debian's ruby) for the same file.
# LD_LIBRARY_PATH as Lambda sets it for every runtime (/opt/lib last), so that polyglot-ruby-cext's lib/ is found.
RUBY_STDLIB=$HERE/test-functions/ruby-stdlib
LAMBDA_LD_LIBRARY_PATH=/var/lang/lib:/lib64:/usr/lib64:/var/runtime:/var/runtime/lib:/var/task:/var/task/lib:/opt/lib
[[ $mode == mount ]] || LAMBDA_LD_LIBRARY_PATH=$LAMBDA_LD_LIBRARY_PATH:$OUT/java-runtime-compact+polyglot-base+polyglot-ruby+polyglot-ruby-cext/opt/lib
cruby_report=$(cd "$RUBY_STDLIB" && ruby stdlib.rb) || fail "ruby stdlib.rb (CRuby) failed"
RUN_ENV=("LD_LIBRARY_PATH=$LAMBDA_LD_LIBRARY_PATH")
out=$(run java-runtime-compact+polyglot-base+polyglot-ruby+polyglot-ruby-cext "$RUBY_STDLIB" "ruby:stdlib.handler" "$S/polyglot/events/keys.json" 1024 "$NO_CACHE")
RUN_ENV=()
report=$(grep -m1 '^{"json":' <<<"$out" || true)
cext_report=$report
compare_reports() {  # LABEL TRUFFLE_REPORT: one line per library, ok when TruffleRuby's value is CRuby's
  ruby -rjson -e '
    cruby, truffle = JSON.parse(ARGV[0]), (JSON.parse(ARGV[1]) rescue {})
    cruby.each { |lib, value| puts "#{truffle[lib] == value ? "same" : "DIFF"} #{lib}#{truffle[lib] == value ? "" : ": CRuby #{value.to_json[0, 300]}, TruffleRuby #{truffle.fetch(lib, "(no report)").to_json[0, 600]}"}" }
  ' "$cruby_report" "$2"
}
while read -r verdict lib rest; do
  [[ $verdict == same ]] && ok "ruby stdlib (+ polyglot-ruby-cext) $lib: as CRuby" || fail "ruby stdlib (+ polyglot-ruby-cext) $lib$rest"
done < <(compare_reports cext "$report")
[[ -n $report ]] || fail "ruby stdlib: no report in: ${out:0:3000}"
# without polyglot-ruby-cext: the libraries that are not C extensions still work; the C extensions say why not
out=$(run java-runtime-compact+polyglot-base+polyglot-ruby "$RUBY_STDLIB" "ruby:stdlib.handler" "$S/polyglot/events/keys.json" 1024)
report=$(grep -m1 '^{"json":' <<<"$out" || true)
plain=$(compare_reports plain "$report")
for lib in json securerandom digest base64 set uri logger erb net/http stringio thread; do
  grep -q "^same $lib\b" <<<"$plain" && ok "ruby stdlib (polyglot-ruby alone) $lib: as CRuby" || fail "ruby stdlib (polyglot-ruby alone) $lib: $(grep " $lib" <<<"$plain")"
done
expect "ruby stdlib (polyglot-ruby alone): date, a C extension, needs polyglot-ruby-cext" '"date":"ERROR LoadError: Sulong is required to support C extensions' "$report"

# psych's libyaml and openssl's libssl from polyglot-ruby-cext's lib/ (first on Lambda's LD_LIBRARY_PATH here:
# this machine has them in /usr/lib/x86_64-linux-gnu, which Lambda's path does not name)
expect "ruby stdlib (+ polyglot-ruby-cext): libyaml from the layer's lib/" "$where_ruby_cext/lib/libyaml-0.so.2" "$cext_report"
expect "ruby stdlib (+ polyglot-ruby-cext): libssl.so.3 from the layer's lib/" "$where_ruby_cext/lib/libssl.so.3" "$cext_report"
# A function with its gems in vendor/bundle (from Debian's ruby-aws-sdk-s3 and its dependencies, laid out by
# layers/tools/vendor-gems.rb as `bundle install --deployment` would), `require 'bundler/setup'`, and the
# aws-sdk-s3 gem against a local S3 emulator (s3rver, npm; scripts/lib/packages.sh installs it)
GEMS_FN=$OUT/ruby-gems
rm -rf "$GEMS_FN" && cp -R "$HERE/test-functions/ruby-gems" "$GEMS_FN"
ruby "$HERE/tools/vendor-gems.rb" "$GEMS_FN" 3.3.0 >"$OUT/vendor-gems.log" 2>&1 || fail "vendor-gems.rb: $(cat "$OUT/vendor-gems.log")"
s3rver_bin=$(npm prefix -g 2>/dev/null)/bin/s3rver
s3_port=$(ruby -rsocket -e 'print TCPServer.new("127.0.0.1", 0).addr[1]')
mkdir -p "$OUT/s3rver"
"$s3rver_bin" --directory "$OUT/s3rver" --address 127.0.0.1 --port "$s3_port" --silent >"$OUT/s3rver.log" 2>&1 &
s3_pid=$!
trap 'kill $s3_pid 2>/dev/null || true' EXIT
ruby -rsocket -e '50.times { begin; TCPSocket.new("127.0.0.1", ARGV[0].to_i).close; exit; rescue SystemCallError; sleep 0.2; end }; exit 1' "$s3_port" ||
  fail "s3rver did not listen on 127.0.0.1:$s3_port: $(cat "$OUT/s3rver.log")"
echo '{"bucket":"lambda-bridge-test","name":"Ada"}' >"$OUT/s3-event.json"
RUN_ENV=("LD_LIBRARY_PATH=$LAMBDA_LD_LIBRARY_PATH" "S3_ENDPOINT=http://127.0.0.1:$s3_port")
out=$(run java-runtime-compact+polyglot-base+polyglot-ruby+polyglot-ruby-cext "$GEMS_FN" "ruby:app.handler" "$OUT/s3-event.json" 1024)
RUN_ENV=()
expect "ruby gems: aws-sdk-s3 from vendor/bundle through bundler/setup, put and get against s3rver" '"read":{"hello":"Ada"},"keys":["greeting.json"],"sdk":"1.117.2"' "$out"
expect "ruby gems: the gem is the function's vendor/bundle/ruby/3.3.0 one" '"gem_dir":"$LAMBDA_TASK_ROOT/vendor/bundle/ruby/3.3.0/gems/aws-sdk-s3-1.117.2"' "$out"
# scripts/publish-layers against the same S3 emulator: a zip over 50 MB (java-runtime) goes through S3, the
# others as a direct upload (--upload-only: there is no Lambda API to publish to here; it prints the commands)
publish_env=(env AWS_ACCESS_KEY_ID=S3RVER AWS_SECRET_ACCESS_KEY=S3RVER AWS_REGION=us-east-1
             "AWS_ENDPOINT_URL_S3=http://127.0.0.1:$s3_port")
"${publish_env[@]}" aws --endpoint-url "http://127.0.0.1:$s3_port" s3 mb s3://lambda-bridge-layers >/dev/null 2>&1 ||
  fail "aws s3 mb s3://lambda-bridge-layers on s3rver"
out=$("${publish_env[@]}" LB_LAYER_BUCKET=lambda-bridge-layers "$REPO/scripts/publish-layers" --upload-only \
  java-runtime java-runtime-compact 2>&1) || fail "scripts/publish-layers --upload-only: $out"
revision=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)
key=lambda-bridge/java-runtime-$revision.zip
full_mb=$(awk -v b="$(wc -c <"$REPO/layers/target/java-runtime.zip")" 'BEGIN { printf "%.1f", b / 1048576 }')
expect "publish-layers: java-runtime is over 50 MB, through S3" "java-runtime: $full_mb MB zipped, over 50 MB: through S3" "$out"
expect "publish-layers: java-runtime is published from its S3 object" "--content S3Bucket=lambda-bridge-layers,S3Key=$key" "$out"
expect "publish-layers: java-runtime-compact, under 50 MB, is a direct upload" "--layer-name lambda-bridge-java-runtime-compact --description \"lambda-bridge java-runtime-compact ($revision)\" --zip-file fileb://$REPO/layers/target/java-runtime-compact.zip" "$out"
rm -f "$OUT/published.zip"
"${publish_env[@]}" aws --endpoint-url "http://127.0.0.1:$s3_port" s3 cp "s3://lambda-bridge-layers/$key" "$OUT/published.zip" >/dev/null 2>&1 || true
cmp -s "$OUT/published.zip" "$REPO/layers/target/java-runtime.zip" && ok "publish-layers: the S3 object is the zip" ||
  fail "publish-layers: s3://lambda-bridge-layers/$key is not layers/target/java-runtime.zip"
out=$("${publish_env[@]}" "$REPO/scripts/publish-layers" --upload-only java-runtime 2>&1) &&
  fail "publish-layers without LB_LAYER_BUCKET succeeded: $out" ||
  expect "publish-layers: a zip over 50 MB without LB_LAYER_BUCKET stops and says so" "over the 50 MB Lambda takes in a direct upload: it goes through S3. Set LB_LAYER_BUCKET" "$out"
kill $s3_pid 2>/dev/null || true

out=$(run java-runtime-compact+polyglot-base+polyglot-ruby+polyglot-ruby-aot "$S/polyglot/ruby" "ruby:key_count.handler" "$S/polyglot/events/keys.json" 1024 "$NO_CACHE -Xlog:aot=info")
expect "ruby: with polyglot-ruby-aot, a result" '{"result":3}' "$out"
expect "ruby: with polyglot-ruby-aot, its AOT cache is mapped and used" "Using AOT-linked classes: true" "$out"
expect "ruby: with polyglot-ruby-aot, the cache is polyglot/runtime.aot" "polyglot/runtime.aot" "$out"
out=$(run java-runtime-compact+polyglot-base+polyglot-js "$S/polyglot/ruby" "ruby:key_count.handler" "$S/polyglot/events/keys.json" 1024)
expect "ruby: without polyglot-ruby, init fails and says so" "errorMessage" "$out"

echo "layers/test-layers.sh ($mode mode): $failures failure(s)"
[[ $failures == 0 ]]
