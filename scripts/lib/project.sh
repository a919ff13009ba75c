# shellcheck shell=sh
# usage: . scripts/lib/project.sh   (sourced after setting LB_ROOT to the repository root)
#
# Where the build puts things, whether they are older than their sources, and how to start the emulator.

# the runtime with every bridge, laid out as the layers unpack into /opt (layers/dist)
LB_BOOTSTRAP="$LB_ROOT/layers/dist/target/dist/bootstrap"
LB_EMULATOR_TARGET="$LB_ROOT/runtime/emulator/target"
LB_SAMPLE_FUNCTION="$LB_ROOT/samples/java-hello/target/function"
LB_EMULATOR_MAIN=dev.lambdabridge.emulator.cli.EmulatorCli
# touched by scripts/build after each successful build (target/ is ignored by git)
LB_BUILD_STAMP="$LB_ROOT/target/lambda-bridge-build.stamp"

# lb_emulator_jar: prints the emulator's jar, or nothing when it is not built.
lb_emulator_jar() {
  for lb_jar in "$LB_EMULATOR_TARGET"/runtime-emulator-*.jar; do
    case $lb_jar in *-sources.jar|*-tests.jar|*-javadoc.jar) continue ;; esac
    [ -f "$lb_jar" ] && { echo "$lb_jar"; return 0; }
  done
}

# lb_stale OUTPUT SOURCE...: true (0) when OUTPUT is missing, or when a file under a SOURCE is newer than OUTPUT
# and newer than the last successful scripts/build (Maven leaves some outputs untouched when only a pom.xml
# changed; the stamp keeps that from asking for a build on every run). Sets lb_why.
lb_stale() {
  lb_out=$1; shift
  if [ ! -e "$lb_out" ]; then
    lb_why="$lb_out is missing"
    return 0
  fi
  for lb_src in "$@"; do
    [ -e "$lb_src" ] || continue
    if [ -e "$LB_BUILD_STAMP" ]; then
      lb_newer=$(find "$lb_src" -type f -newer "$lb_out" -newer "$LB_BUILD_STAMP" 2>/dev/null | head -n 1)
    else
      lb_newer=$(find "$lb_src" -type f -newer "$lb_out" 2>/dev/null | head -n 1)
    fi
    if [ -n "$lb_newer" ]; then
      lb_why="$lb_newer changed after $lb_out was built"
      return 0
    fi
  done
  return 1
}

# lb_needs_build: true when the runtime's dist, the emulator or the sample functions must be (re)built; sets lb_why.
lb_needs_build() {
  lb_poms="$LB_ROOT/pom.xml $LB_ROOT/runtime/pom.xml $LB_ROOT/samples/pom.xml"
  # shellcheck disable=SC2086
  lb_stale "$LB_BOOTSTRAP" "$LB_ROOT/runtime/core/src/main/dist" && return 0
  # shellcheck disable=SC2086
  lb_dist_jar=$(lb_first "$LB_ROOT/layers/dist/target/dist/lib/bridge-process-*.jar")
  lb_stale "${lb_dist_jar:-$LB_ROOT/layers/dist/target/dist/lib/bridge-process.jar}" $lb_poms "$LB_ROOT/layers/dist/pom.xml" \
    "$LB_ROOT/bridge/process/pom.xml" "$LB_ROOT/bridge/process/src/main" "$LB_ROOT/bridge/process/shims" \
    "$LB_ROOT/runtime/process-tree/pom.xml" "$LB_ROOT/runtime/process-tree/src/main" && return 0
  lb_stale "$LB_ROOT/samples/scripts/go/hello" "$LB_ROOT/samples/scripts/go/hello.go" && return 0
  lb_stale "$LB_ROOT/samples/scripts/go/worker" "$LB_ROOT/samples/scripts/go/cmd" && return 0
  # shellcheck disable=SC2086
  lb_stale "$LB_ROOT/runtime/core/target/dist/lib/runtime-core.jar" $lb_poms \
    "$LB_ROOT/runtime/core/pom.xml" "$LB_ROOT/runtime/core/src/main" \
    "$LB_ROOT/runtime/serialization/pom.xml" "$LB_ROOT/runtime/serialization/src/main" && return 0
  lb_jar=$(lb_emulator_jar)
  # shellcheck disable=SC2086
  lb_stale "${lb_jar:-$LB_EMULATOR_TARGET/runtime-emulator.jar}" $lb_poms \
    "$LB_ROOT/runtime/emulator/pom.xml" "$LB_ROOT/runtime/emulator/src/main" && return 0
  lb_stale "$LB_EMULATOR_TARGET/lib" && return 0
  # shellcheck disable=SC2086
  lb_stale "$LB_SAMPLE_FUNCTION/example/hello/HelloHandler.class" $lb_poms \
    "$LB_ROOT/samples/java-hello/pom.xml" "$LB_ROOT/samples/java-hello/src/main" && return 0
  # the streaming samples, and the operations samples with their local runner (scripts/run's defaults)
  lb_stale "$LB_ROOT/samples/streaming/target/function" "$LB_ROOT/samples/streaming/pom.xml" \
    "$LB_ROOT/samples/streaming/src/main" && return 0
  # shellcheck disable=SC2086
  lb_stale "$LB_ROOT/samples/ops/local-run/target/lib" "$LB_ROOT/samples/ops/pom.xml" \
    $(for lb_m in "$LB_ROOT"/samples/ops/*/; do printf '%s ' "${lb_m}pom.xml" "${lb_m}src/main"; done) && return 0
  return 1
}

# lb_first GLOB: prints the first file the glob names, or nothing.
lb_first() {
  for lb_f in $1; do
    [ -e "$lb_f" ] && { echo "$lb_f"; return 0; }
  done
}

# lb_build_if_needed: runs scripts/build when lb_needs_build says so (not from inside scripts/build itself).
lb_build_if_needed() {
  [ -n "${LB_BUILDING:-}" ] && return 0
  if lb_needs_build; then
    echo "lambda-bridge: building first ($lb_why)" >&2
    "$LB_ROOT/scripts/build" || exit 1
    if lb_needs_build; then
      echo "lambda-bridge: the build finished but its output is still not there: $lb_why" >&2
      exit 1
    fi
  fi
}

# lb_emulator_check: sets lb_jar and checks that the emulator and the bootstrap are built.
lb_emulator_check() {
  lb_jar=$(lb_emulator_jar)
  if [ -z "$lb_jar" ] || [ ! -d "$LB_EMULATOR_TARGET/lib" ]; then
    echo "lambda-bridge: the emulator is not built (no $LB_EMULATOR_TARGET/runtime-emulator-*.jar and lib/); run scripts/build" >&2
    exit 1
  fi
  if [ ! -x "$LB_BOOTSTRAP" ]; then
    echo "lambda-bridge: the runtime is not built (no executable $LB_BOOTSTRAP); run scripts/build" >&2
    exit 1
  fi
}

# lb_emulator ARG...: runs the emulator's command line with the runtime's bootstrap; returns its exit status.
lb_emulator() {
  lb_emulator_check
  "$JAVA_HOME/bin/java" -Dlambdabridge.bootstrap="$LB_BOOTSTRAP" \
    -cp "$lb_jar:$LB_EMULATOR_TARGET/lib/*" "$LB_EMULATOR_MAIN" "$@"
}

# lb_emulator_exec ARG...: the same, replacing the shell (for serve, so that Ctrl-C and kill reach the JVM).
lb_emulator_exec() {
  lb_emulator_check
  exec "$JAVA_HOME/bin/java" -Dlambdabridge.bootstrap="$LB_BOOTSTRAP" \
    -cp "$lb_jar:$LB_EMULATOR_TARGET/lib/*" "$LB_EMULATOR_MAIN" "$@"
}
