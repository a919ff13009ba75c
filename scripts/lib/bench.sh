# Sourced by the scripts/bench* wrappers (after java.sh): builds the benchmark harness and runs one suite of it.
# The harness is one program, dev.lambdabridge.benchmark.Bench SUITE [OPTION...] (runtime/test/benchmark); each
# wrapper builds what its suite measures, then calls lb_bench_build and lb_bench_run.

LB_BENCH_MODULE="$LB_ROOT/runtime/test/benchmark"

# lb_bench_build NAME MODULES: mvn package of MODULES (comma-separated, the harness among them), offline first.
lb_bench_build() {
  build="mvn -B -q package -DskipTests -pl $2"
  echo "$1: $build -o (JAVA_HOME=$JAVA_HOME)" >&2
  if ! $build -o >&2; then
    echo "$1: the offline build failed; trying again online" >&2
    if ! $build >&2; then
      echo "$1: the build failed (see Maven's messages above)" >&2
      exit 1
    fi
  fi
}

# lb_bench_run NAME SUITE [OPTION...]: runs the suite; the report shows NAME and the options as the command.
# The emulator runs each exited runtime's exit callbacks (up to 400 ms of waiting each) on the common ForkJoinPool,
# which has one worker on 2 cores; the cold starts kill dozens of runtimes. More workers keep those waits from
# queueing up (they would delay the harness's own process exits and the emulator's close).
lb_bench_run() {
  name=$1
  suite=$2
  shift 2
  "$JAVA_HOME/bin/java" -Djava.util.concurrent.ForkJoinPool.common.parallelism=8 \
    -cp "$LB_BENCH_MODULE/target/classes:$LB_BENCH_MODULE/target/lib/*" dev.lambdabridge.benchmark.Bench "$suite" \
    --module "$LB_BENCH_MODULE" --command "$name${*:+ $*}" "$@"
}
