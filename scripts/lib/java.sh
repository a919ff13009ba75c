# shellcheck shell=sh
# usage: . scripts/lib/java.sh      (sourced by the scripts in scripts/, not run)
#
# Finds a JDK 25 or newer and exports JAVA_HOME (and puts its bin/ first on PATH); checks that mvn is there.
# Looks at $JAVA_HOME first, then /usr/lib/jvm/temurin-25-jdk-amd64, reading each one's `release` file.
# On failure it prints what it looked at and what is missing, and exits the script that sourced it.

LB_JAVA_MIN=25
LB_JAVA_DEFAULT=/usr/lib/jvm/temurin-25-jdk-amd64

# lb_java_version HOME: prints the feature version (25 of JAVA_VERSION="25.0.3") from HOME/release, or nothing.
lb_java_version() {
  [ -f "$1/release" ] || return 0
  sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$1/release"
}

lb_find_java() {
  lb_seen=""
  for lb_home in "${JAVA_HOME:-}" "$LB_JAVA_DEFAULT"; do
    if [ -z "$lb_home" ]; then
      lb_seen="$lb_seen
  - JAVA_HOME: not set"
      continue
    fi
    if [ ! -x "$lb_home/bin/java" ]; then
      lb_seen="$lb_seen
  - $lb_home: no bin/java there"
      continue
    fi
    lb_version=$(lb_java_version "$lb_home")
    if [ -z "$lb_version" ]; then
      lb_seen="$lb_seen
  - $lb_home: no JAVA_VERSION in $lb_home/release"
      continue
    fi
    if [ "$lb_version" -lt "$LB_JAVA_MIN" ]; then
      lb_seen="$lb_seen
  - $lb_home: Java $lb_version (too old)"
      continue
    fi
    if [ ! -x "$lb_home/bin/javac" ]; then
      lb_seen="$lb_seen
  - $lb_home: Java $lb_version, but a JRE (no bin/javac)"
      continue
    fi
    if [ -n "${JAVA_HOME:-}" ] && [ "$JAVA_HOME" != "$lb_home" ]; then
      echo "lambda-bridge: not using JAVA_HOME=$JAVA_HOME:${lb_seen#*:}; using $lb_home (Java $lb_version)" >&2
    fi
    JAVA_HOME=$lb_home
    export JAVA_HOME
    PATH="$JAVA_HOME/bin:$PATH"
    export PATH
    return 0
  done
  echo "lambda-bridge: no JDK $LB_JAVA_MIN or newer found. Looked at:$lb_seen" >&2
  echo "Missing: a JDK $LB_JAVA_MIN+ (Temurin 25 at $LB_JAVA_DEFAULT, or set JAVA_HOME to one)." >&2
  exit 1
}

lb_find_mvn() {
  if ! command -v mvn >/dev/null 2>&1; then
    echo "lambda-bridge: mvn (Apache Maven 3.8 or newer) is not on PATH ($PATH)." >&2
    echo "Missing: Maven; on Debian: apt-get install maven" >&2
    exit 1
  fi
}

lb_find_java
lb_find_mvn

# Maven 3.8's own libraries call sun.misc.Unsafe, which JDK 24+ warns about on every build: allow it quietly.
case " ${MAVEN_OPTS:-} " in
  *" --sun-misc-unsafe-memory-access="*) ;;
  *) MAVEN_OPTS="${MAVEN_OPTS:+$MAVEN_OPTS }--sun-misc-unsafe-memory-access=allow" ;;
esac
# Debian's Maven writes two ANSI reset codes at exit even in batch mode; jansi.noreset drops them.
case " $MAVEN_OPTS " in
  *" -Djansi.noreset="*) ;;
  *) MAVEN_OPTS="$MAVEN_OPTS -Djansi.noreset=true" ;;
esac
export MAVEN_OPTS
