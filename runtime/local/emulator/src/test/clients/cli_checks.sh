#!/bin/sh
# Calls the emulator's Lambda API with the AWS CLI v2 (Debian's awscli) and prints, for each call, a line
# "NAME exit=CODE" followed by what the CLI printed (stdout, then stderr): AwsClientsTest asserts on it.
# Usage: cli_checks.sh ENDPOINT FUNCTION WORKDIR
set -u
endpoint=$1 function=$2 work=$3
export AWS_ACCESS_KEY_ID=key AWS_SECRET_ACCESS_KEY=secret AWS_DEFAULT_REGION=us-east-1 AWS_PAGER="" \
  AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null HOME=$work
cd "$work" || exit 2
printf '"%s"' "$(head -c 6291456 /dev/zero | tr '\0' a)" > big.json

call() {
  name=$1; shift
  /usr/bin/aws --endpoint-url "$endpoint" --output json lambda "$@" > "$name.out" 2> "$name.err"
  echo "$name exit=$?"
  cat "$name.out" "$name.err"
}

call sync invoke --function-name "$function" --cli-binary-format raw-in-base64-out --payload '{"cli":true}' sync.json
echo "payload $(cat sync.json)"
call event invoke --function-name "$function" --invocation-type Event --cli-binary-format raw-in-base64-out \
  --payload '{}' event.json
call tooLarge invoke --function-name "$function" --payload fileb://big.json big-out.json
call qualifier invoke --function-name "$function" --qualifier nosuchalias --cli-binary-format raw-in-base64-out \
  --payload '{}' q.json
call list list-functions --page-size 1 --query 'Functions[].FunctionName'
call get get-function-configuration --function-name "$function" --query '[FunctionName,Runtime,Version,State]'
