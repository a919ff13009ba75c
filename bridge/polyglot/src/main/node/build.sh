#!/bin/sh
# Builds the npm part of the js: bridge's Node.js built-ins: npm ci of package-lock.json in WORK_DIR (skipped when
# WORK_DIR already holds that lock's install), then build.mjs bundles the packages into OUT_DIR.
# usage: build.sh WORK_DIR OUT_DIR      (Maven runs it in generate-resources, see bridge/polyglot/pom.xml)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$1
out=$2
command -v npm >/dev/null 2>&1 || { echo "build.sh: npm (Node.js 18 or newer) is needed to build the Node.js built-ins" >&2; exit 1; }
mkdir -p "$work" "$out"
cp "$here/package.json" "$here/package-lock.json" "$here/build.mjs" "$work/"
if ! cmp -s "$work/package-lock.json" "$work/installed.lock" || [ ! -d "$work/node_modules" ]; then
  (cd "$work" && npm ci --no-fund --no-audit --loglevel=error >&2)
  cp "$work/package-lock.json" "$work/installed.lock"
fi
cd "$work" && node build.mjs "$out"
