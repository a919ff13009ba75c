# shellcheck shell=sh
# usage: . scripts/lib/project.sh   (sourced after setting LB_ROOT to the repository root)
#
# Where the build puts things, whether they are older than their sources, and how to start the emulator.

# the runtime with every bridge, laid out as the layers unpack into /opt (layers/dist)
LB_BOOTSTRAP="$LB_ROOT/layers/dist/target/dist/bootstrap"
LB_EMULATOR_TARGET="$LB_ROOT/runtime/local/emulator/target"
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

# lb_changed_since_build: prints the first source file changed since the last successful scripts/build: any file
# of the tree but build output (target/), git's files, node_modules, the docs (*.md, docs/), results, the scripts
# and CI (scripts/, .ci/) and the test-only parts (src/test, runtime/test). No list of modules or of what depends on what: whatever changed, Maven's
# incremental build decides what it touches.
lb_changed_since_build() {
  find "$LB_ROOT" \( -name target -o -name .git -o -name node_modules -o -name results -o -path '*/src/test' \
      -o -path "$LB_ROOT/runtime/test" -o -path "$LB_ROOT/scripts" -o -path "$LB_ROOT/docs" -o -path "$LB_ROOT/.ci" \) \
      -prune -o -type f ! -name '*.md' -newer "$LB_BUILD_STAMP" -print 2>/dev/null |
    head -n 1
}

# lb_needs_build: true when what scripts/build makes is missing (the dists, the emulator, the local API Gateway,
# the samples the scripts run), or when a source changed since the last successful scripts/build; sets lb_why.
lb_needs_build() {
  for lb_out in "$LB_BOOTSTRAP" "$(lb_first "$LB_ROOT/layers/dist/target/dist/lib/bridge-process-*.jar")" \
      "$LB_ROOT/runtime/core/target/dist/lib/runtime-core.jar" "$(lb_emulator_jar)" "$LB_EMULATOR_TARGET/lib" \
      "$LB_ROOT/runtime/local/api-gateway/target/lib" "$LB_SAMPLE_FUNCTION/example/hello/HelloHandler.class" \
      "$LB_ROOT/samples/streaming/target/function" "$LB_ROOT/samples/ops/local-run/target/lib" \
      "$LB_ROOT/samples/scripts/go/hello" "$LB_ROOT/samples/scripts/go/worker"; do
    if [ -z "$lb_out" ] || [ ! -e "$lb_out" ]; then
      lb_why="${lb_out:-a jar of the dist or the emulator} is missing"
      return 0
    fi
  done
  if [ ! -e "$LB_BUILD_STAMP" ]; then
    lb_why="no successful scripts/build yet ($LB_BUILD_STAMP)"
    return 0
  fi
  lb_newer=$(lb_changed_since_build)
  if [ -n "$lb_newer" ]; then
    lb_why="$lb_newer changed after the last scripts/build"
    return 0
  fi
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
