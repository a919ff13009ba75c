#!/bin/sh
# usage: samples/scripts/build.sh
#   Builds the two Go samples without network: go/hello (from go/hello.go) and go/worker (from go/cmd/worker,
#   with the worker shim of bridge/process/shims/go through a replace directive), both in samples/scripts/go/, the
#   code directory of their functions in functions.json. Static binaries (CGO_ENABLED=0), as on Lambda.
#   GOFLAGS=-mod=mod and GOPROXY=off: the samples need no module from outside the repository.
set -eu

case "${1:-}" in
  -h|--help) sed -n '2,6s/^# \{0,1\}//p' "$0"; exit 0 ;;
esac

if ! command -v go >/dev/null 2>&1; then
  echo "samples/scripts/build.sh: no go on PATH (Debian: apt-get install golang-go)" >&2
  exit 2
fi
GO_DIR=$(cd "$(dirname "$0")/go" && pwd -P)
export GOFLAGS=-mod=mod GOPROXY=off GOSUMDB=off CGO_ENABLED=0
# go needs a build cache and a module path: under $HOME by default, so give it some when HOME is unset
if [ -z "${HOME:-}" ]; then
  export GOCACHE="${GOCACHE:-${TMPDIR:-/tmp}/lambda-bridge-go/cache}" GOPATH="${GOPATH:-${TMPDIR:-/tmp}/lambda-bridge-go/path}"
fi

cd "$GO_DIR"
go build -trimpath -o hello .
cd cmd/worker
go build -trimpath -o "$GO_DIR/worker" .
echo "samples/scripts/build.sh: built $GO_DIR/hello and $GO_DIR/worker ($(go version | cut -d' ' -f3))"
