# shellcheck shell=sh
# usage: . scripts/lib/packages.sh; lb_install_packages
#
# The Debian packages the samples and tests need beyond the JDK and Maven, pinned: the interpreters and the Go
# toolchain of the process bridge (real php, ruby and go programs run through the bootstrap), zip/unzip for the
# layer recipes, python3 for the emulator's extension test (an external extension written in Python), curl for the
# serve-api tests (a real curl process as the HTTP client) and the emulator's RIE-style curl script, boto3 and the
# AWS CLI v2 as the emulator's AWS clients (runtime/local/emulator AwsClientsTest); gcc, make, OpenSSL's headers and
# libraries and libyaml for the polyglot-ruby-cext layer (scripts/build-layers builds its openssl.so and ships
# libssl, libcrypto and libyaml); binutils' objdump, with which the layer recipes measure the glibc a layer
# needs; cmake and g++ for AWS's Node.js runtime client (aws-lambda-ric), whose npm install compiles curl,
# aws-lambda-cpp and its addon (bridge/polyglot's tests run it beside the js: bridge); Debian's aws-sdk-s3 gem and
# its dependencies, which layers/test-layers.sh lays
# out in a Ruby function's vendor/bundle (rubygems.org is not reachable from the tests). Installed with apt-get
# when missing (root needed then); nothing is done when all are there.
# Then the npm packages of the local AWS service emulators the samples/ops tests start (lb_install_npm_packages).
LB_PACKAGES="php-cli=2:8.2+93 ruby=1:3.1 golang-go=2:1.19~1 zip=3.0-13 unzip=6.0-28 python3-minimal=3.11.2-1+b1 curl=7.88.1-10+deb12u15 python3-boto3=1.26.27+dfsg-1 awscli=2.9.19-1
gcc=4:12.2.0-3 g++=4:12.2.0-3 cmake=3.25.1-1 make=4.3-4.1 binutils=2.40-2 libssl-dev=3.0.22-1~deb12u2 libssl3=3.0.22-1~deb12u2 libyaml-0-2=0.2.5-1
ruby-aws-sdk-s3=1.117.2-1 ruby-aws-sdk-core=3.168.1-2 ruby-aws-sdk-kms=1.24.0-3 ruby-aws-sigv4=1.5.1-2
ruby-aws-partitions=1.653.0-3~deb12u1 ruby-jmespath=1.6.1-1 ruby-aws-eventstream=1.2.0-1"

lb_install_packages() {
  lb_missing=
  for lb_spec in $LB_PACKAGES; do
    lb_pkg=${lb_spec%%=*}
    lb_version=${lb_spec#*=}
    lb_have=$(dpkg-query -W -f='${Status} ${Version}' "$lb_pkg" 2>/dev/null || true)
    [ "$lb_have" = "install ok installed $lb_version" ] || lb_missing="$lb_missing $lb_spec"
  done
  [ -z "$lb_missing" ] && { lb_install_npm_packages; return; }
  if [ "$(id -u)" != 0 ]; then
    echo "lambda-bridge: these Debian packages are needed:$lb_missing (run as root, or: sudo apt-get install${lb_missing})" >&2
    return 1
  fi
  echo "lambda-bridge: apt-get install$lb_missing" >&2
  apt-get update -qq >&2 || return 1
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $lb_missing >&2 || return 1
  lb_install_npm_packages
}

# The local AWS service emulators (samples/ops/service-emulators starts them), pinned: DynamoDB, SES, SNS+SQS
# (fauxqs 1.9.2 runs on Node.js 20, which comes with the machine; fauxqs 2.x needs Node.js 22), Step Functions;
# S3 (s3rver, for layers/test-layers.sh's Ruby function with the aws-sdk-s3 gem).
LB_NPM_PACKAGES="dynalite@4.0.0 aws-ses-v2-local@2.10.2 fauxqs@1.9.2 stepfunctions-local@1.3.1 s3rver@3.7.1"

# lb_install_npm_packages: installs globally (npm install -g) each of LB_NPM_PACKAGES not installed at that version;
# nothing is done when all are there.
lb_install_npm_packages() {
  if ! command -v npm >/dev/null 2>&1; then
    echo "lambda-bridge: Node.js 20 and npm are needed for the service emulators ($LB_NPM_PACKAGES)" >&2
    return 1
  fi
  lb_root=$(npm root -g) || return 1
  lb_missing=
  for lb_spec in $LB_NPM_PACKAGES; do
    lb_name=${lb_spec%@*}
    lb_version=${lb_spec##*@}
    lb_have=$(node -p "try { require('$lb_root/$lb_name/package.json').version } catch (e) { '' }" 2>/dev/null)
    [ "$lb_have" = "$lb_version" ] || lb_missing="$lb_missing $lb_spec"
  done
  [ -z "$lb_missing" ] && return 0
  echo "lambda-bridge: npm install -g$lb_missing" >&2
  # shellcheck disable=SC2086
  npm install -g --no-fund --no-audit --loglevel=error $lb_missing >&2
}
