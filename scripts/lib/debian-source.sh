# shellcheck shell=sh
# usage: . scripts/lib/debian-source.sh; lb_debian_source PACKAGE VERSION SUITE DEST_DIR
#
# Downloads one Debian source package (its .dsc, orig tarball and Debian diff) into DEST_DIR with apt-get's own
# client, from deb.debian.org, through a private sources list and package lists under DEST_DIR: the machine's
# apt configuration is neither read nor changed, and no root is needed. Used by scripts/build-layers for the
# source of the openssl extension (Ruby 3.3's ext/openssl, the openssl gem 3.2.0 TruffleRuby 25 ships), which it
# rebuilds against OpenSSL 3. Nothing is downloaded when DEST_DIR already holds that version.
lb_debian_source() {
  ds_pkg=$1 ds_version=$2 ds_suite=$3 ds_dest=$4
  ds_upstream=${ds_version#*:}
  ds_upstream=${ds_upstream%-*}
  if [ -f "$ds_dest/${ds_pkg}_${ds_upstream}.orig.tar.xz" ] || [ -f "$ds_dest/${ds_pkg}_${ds_upstream}.orig.tar.gz" ]; then
    return 0
  fi
  mkdir -p "$ds_dest/apt/lists/partial"
  echo "deb-src http://deb.debian.org/debian $ds_suite main" >"$ds_dest/apt/sources.list"
  set -- -o "Dir::Etc::SourceList=$ds_dest/apt/sources.list" -o Dir::Etc::SourceParts=/dev/null \
    -o "Dir::State::Lists=$ds_dest/apt/lists" -o "Dir::Cache=$ds_dest/apt/cache" -o Debug::NoLocking=1
  apt-get "$@" -qq update >&2 || return 1
  (cd "$ds_dest" && apt-get "$@" -qq source --download-only "$ds_pkg=$ds_version") >&2
}
