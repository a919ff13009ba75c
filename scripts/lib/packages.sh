# shellcheck shell=sh
# usage: . scripts/lib/packages.sh; lb_install_packages
#
# The Debian packages the samples and tests need beyond the JDK and Maven, pinned: the interpreters and the Go
# toolchain of the process bridge (real php, ruby and go programs run through the bootstrap), zip/unzip for the
# layer recipes. Installed with apt-get when missing (root needed then); nothing is done when all are there.
LB_PACKAGES="php-cli=2:8.2+93 ruby=1:3.1 golang-go=2:1.19~1 zip=3.0-13 unzip=6.0-28"

lb_install_packages() {
  lb_missing=
  for lb_spec in $LB_PACKAGES; do
    lb_pkg=${lb_spec%%=*}
    lb_version=${lb_spec#*=}
    lb_have=$(dpkg-query -W -f='${Status} ${Version}' "$lb_pkg" 2>/dev/null || true)
    [ "$lb_have" = "install ok installed $lb_version" ] || lb_missing="$lb_missing $lb_spec"
  done
  [ -z "$lb_missing" ] && return 0
  if [ "$(id -u)" != 0 ]; then
    echo "lambda-bridge: these Debian packages are needed:$lb_missing (run as root, or: sudo apt-get install${lb_missing})" >&2
    return 1
  fi
  echo "lambda-bridge: apt-get install$lb_missing" >&2
  apt-get update -qq >&2 || return 1
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $lb_missing >&2
}
