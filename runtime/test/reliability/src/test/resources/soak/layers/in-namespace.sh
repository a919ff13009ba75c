#!/bin/sh
# usage: unshare --mount sh in-namespace.sh OPT CODE
#   Runs a function's runtime as Lambda lays the function out, in the mount namespace unshare made: OPT (its layers,
#   unzipped) on /opt and CODE on /var/task, both read-only, the root file system read-only, a fresh tmpfs on /tmp;
#   then starts /opt/bootstrap in /var/task, with no JAVA_HOME (the java-runtime layers' own jre serves). The
#   mounts are those of layers/test-layers.sh.
set -eu
opt=$1 code=$2
mount --make-rprivate /
mount --bind "$opt" /opt
mount -o remount,bind,ro /opt
mount -t tmpfs tmpfs /var
mkdir /var/task
mount --bind "$code" /var/task
mount -o remount,bind,ro /var/task
mount -o remount,ro /var
mount -o remount,bind,ro /
mount -t tmpfs tmpfs /tmp
cd /var/task
unset JAVA_HOME
export LAMBDA_TASK_ROOT=/var/task
exec /opt/bootstrap
