# shellcheck shell=sh
# usage: . scripts/lib/train-function.sh   (sourced by scripts/lambda-local after java.sh and project.sh)
#
# lb_train_function ARG...: scripts/lambda-local train-function. The emulator's train-function writes
# lambda-bridge.aot and lambda-bridge.aot.key into the function's code directory; this adds what the shell does
# better: a zip as --code (unpacked into a temporary directory, trained there, the two files added to the zip, at
# its root), and the default runtime, the java-runtime layer's bootstrap with its own JRE (the layer for Java
# functions; the cache only matches the JRE and the class path it was made with), built by scripts/build-layers
# java-runtime when it is missing.

LB_JAVA_RUNTIME_LAYER="$LB_ROOT/layers/target/layers/java-runtime"

lb_train_function() {
  tf_code=""
  tf_bootstrap=""
  tf_prev=""
  for tf_arg in "$@"; do
    case $tf_prev in
      --code) tf_code=$tf_arg ;;
      --bootstrap) tf_bootstrap=$tf_arg ;;
    esac
    tf_prev=$tf_arg
  done
  if [ -z "$tf_code" ]; then
    echo "scripts/lambda-local train-function: --code DIR|ZIP is required (the function's code, as Lambda unpacks it, or its zip)" >&2
    exit 2
  fi
  if [ ! -e "$tf_code" ]; then
    echo "scripts/lambda-local train-function: --code $tf_code does not exist" >&2
    exit 2
  fi
  tf_default_bootstrap=""
  if [ -z "$tf_bootstrap" ]; then
    tf_default_bootstrap="$LB_JAVA_RUNTIME_LAYER/bootstrap"
    if [ ! -x "$tf_default_bootstrap" ] || [ ! -x "$LB_JAVA_RUNTIME_LAYER/jre/bin/java" ]; then
      echo "scripts/lambda-local train-function: building the java-runtime layer first (its bootstrap and JRE are what the cache is made for): scripts/build-layers java-runtime" >&2
      "$LB_ROOT/scripts/build-layers" java-runtime >&2 || exit 1
    fi
    echo "scripts/lambda-local train-function: runtime: $tf_default_bootstrap (the java-runtime layer; --bootstrap PATH for another)" >&2
  fi

  case $tf_code in
    *.zip)
      [ -f "$tf_code" ] || { echo "scripts/lambda-local train-function: --code $tf_code is not a file" >&2; exit 2; }
      command -v unzip >/dev/null 2>&1 && command -v zip >/dev/null 2>&1 || {
        echo "scripts/lambda-local train-function: a zip as --code needs zip and unzip (apt-get install zip unzip)" >&2
        exit 1
      }
      tf_zip=$(cd "$(dirname "$tf_code")" && pwd -P)/$(basename "$tf_code")
      tf_dir=$(mktemp -d "${TMPDIR:-/tmp}/lambda-bridge-train.XXXXXX")
      # shellcheck disable=SC2064
      trap "rm -rf '$tf_dir'" EXIT INT TERM
      unzip -q "$tf_zip" -d "$tf_dir" || { echo "scripts/lambda-local train-function: cannot unzip $tf_zip" >&2; exit 1; }
      rm -f "$tf_dir/lambda-bridge.aot" "$tf_dir/lambda-bridge.aot.key"
      # the same arguments, with the unpacked directory as --code
      tf_n=$#
      tf_i=0
      tf_prev=""
      while [ "$tf_i" -lt "$tf_n" ]; do
        tf_arg=$1
        shift
        if [ "$tf_prev" = --code ]; then
          tf_arg=$tf_dir
        fi
        set -- "$@" "$tf_arg"
        tf_prev=$tf_arg
        tf_i=$((tf_i + 1))
      done
      if [ -n "$tf_default_bootstrap" ]; then
        set -- "$@" --bootstrap "$tf_default_bootstrap"
      fi
      lb_emulator train-function "$@" || exit $?
      # deflated, as zip does by default: a direct upload takes 50 MB zipped (the JVM maps the unpacked file)
      (cd "$tf_dir" && zip -q "$tf_zip" lambda-bridge.aot lambda-bridge.aot.key) || {
        echo "scripts/lambda-local train-function: cannot add lambda-bridge.aot to $tf_zip" >&2
        exit 1
      }
      echo "train-function: added lambda-bridge.aot and lambda-bridge.aot.key to $tf_zip (at its root)"
      ;;
    *)
      if [ -n "$tf_default_bootstrap" ]; then
        lb_emulator_exec train-function "$@" --bootstrap "$tf_default_bootstrap"
      fi
      lb_emulator_exec train-function "$@"
      ;;
  esac
}
