# shellcheck shell=sh
# usage: . scripts/lib/ruby-cext-layer.sh   (by scripts/build-layers, after scripts/lib/polyglot-layers.sh)
#
# The polyglot-ruby-cext layer: what TruffleRuby needs to load the standard library's C extensions.

# build_ruby_cext DIR: the polyglot-ruby-cext layer (layers/README.md, "polyglot-ruby-cext"):
# - polyglot/lib: Sulong's jars (polyglot_split). Its native-resources jar carries Sulong's bitcode runtime for
#   five platforms (54 MB); only linux/amd64's C runtime is kept (libsulong, libgraalvm-llvm, libunwind: 0.6 MB). The C++ runtime
#   (libc++, libc++abi, libsulong++: 14 MB) is left out: the standard library's extensions are C; a gem's C++
#   extension fails to load.
# - polyglot/resources/llvm: Sulong's native helper (libsulong-native), unpacked as polyglot-base's are.
# - polyglot/resources/ruby/ruby-home/lib/mri/openssl.so: the one in TruffleRuby's home was built against
#   OpenSSL 1.0.2 (it needs libssl.so.10 and libcrypto.so.10, which Amazon Linux 2 has and Amazon Linux 2023 and
#   Debian 12 do not: they have OpenSSL 3, libssl.so.3). Rebuilt here from the same source, Ruby 3.3's
#   ext/openssl (the openssl gem 3.2.0 that TruffleRuby 25 ships; Debian's ruby3.3 source package), with
#   TruffleRuby's own mkmf (extconf.rb run by layers/tools/TruffleRubyScript.java) and gcc, against OpenSSL 3.
#   It needs GLIBC 2.14 at most (Amazon Linux 2023 has 2.34). Lambda unpacks this layer after polyglot-ruby, so
#   this openssl.so replaces the home's.
# - lib/: libyaml-0.so.2 (psych.so needs it), libssl.so.3 and libcrypto.so.3 (the rebuilt openssl.so), from
#   this machine's Debian packages. On Lambda /opt/lib is on LD_LIBRARY_PATH after /lib64 and /usr/lib64, so the
#   system's libraries are used when it has them and these otherwise.
RUBY_OPENSSL_SOURCE="ruby3.3 3.3.8-2 trixie"
build_ruby_cext() {
  rc_dir=$1
  rc_home="$STAGE/polyglot-ruby/polyglot/resources/ruby/ruby-home"
  [ -d "$rc_home/lib/cext" ] ||
    die "polyglot-ruby-cext: openssl.so is built with polyglot-ruby's home, which is not built: scripts/build-layers polyglot-ruby polyglot-ruby-cext"
  copy_polyglot_jars "$rc_dir/polyglot/lib" polyglot-ruby-cext
  rc_jar=$(layer_jar ruby-cext org.graalvm.llvm:llvm-language-native-resources)
  rc_jar="$rc_dir/polyglot/lib/$rc_jar"
  zip -q -d "$rc_jar" 'META-INF/resources/llvm/native/linux/aarch64/*' 'META-INF/resources/llvm/native/darwin/*' \
    'META-INF/resources/llvm/native/windows/*' 'META-INF/resources/llvm/native-lib/*' \
    'META-INF/resources/llvm/native/linux/amd64/lib/libc++.so.1' \
    'META-INF/resources/llvm/native/linux/amd64/lib/libc++abi.so.1' \
    'META-INF/resources/llvm/native/linux/amd64/lib/libsulong++.so' >/dev/null ||
    die "polyglot-ruby-cext: could not strip $rc_jar (Sulong's layout changed?)"
  polyglot_resources "$rc_dir/polyglot/resources" llvm llvm
  mkdir -p "$rc_dir/polyglot/resources/ruby/ruby-home/lib/mri"
  build_ruby_openssl "$rc_home" "$rc_dir/polyglot/resources/ruby/ruby-home/lib/mri/openssl.so"
  mkdir -p "$rc_dir/lib"
  for rc_lib in libyaml-0.so.2 libssl.so.3 libcrypto.so.3; do
    rc_path=/usr/lib/x86_64-linux-gnu/$rc_lib
    [ -f "$rc_path" ] || die "polyglot-ruby-cext: no $rc_path (apt-get install libyaml-0-2 libssl3)"
    cp -L "$rc_path" "$rc_dir/lib/$rc_lib"
  done
}

# build_ruby_openssl HOME OUT: openssl.so for TruffleRuby (HOME) against OpenSSL 3, into OUT (see build_ruby_cext);
# kept in layers/target/ruby-openssl and rebuilt only when the source version changes.
build_ruby_openssl() {
  ro_home=$1 ro_out=$2
  set -- $RUBY_OPENSSL_SOURCE
  ro_src="$OUT/ruby-openssl/src"
  ro_built="$OUT/ruby-openssl/openssl-$2.so"
  if [ ! -f "$ro_built" ]; then
    for ro_tool in gcc make; do
      command -v $ro_tool >/dev/null 2>&1 || die "polyglot-ruby-cext: $ro_tool is needed (scripts/lib/packages.sh installs it)"
    done
    [ -f /usr/include/openssl/ssl.h ] || die "polyglot-ruby-cext: OpenSSL's headers are needed (apt-get install libssl-dev)"
    . "$LB_ROOT/scripts/lib/debian-source.sh"
    say "polyglot-ruby-cext: Debian's source package $1 $2 ($3), for ext/openssl"
    lb_debian_source "$1" "$2" "$3" "$ro_src" || die "polyglot-ruby-cext: could not download the source package $1=$2"
    ro_build="$OUT/ruby-openssl/build"
    rm -rf "$ro_build"
    mkdir -p "$ro_build"
    tar -xf "$ro_src"/"$1"_*.orig.tar.* -C "$ro_build" --strip-components=1 --wildcards '*/ext/openssl' ||
      die "polyglot-ruby-cext: no ext/openssl in $ro_src"
    say "polyglot-ruby-cext: openssl.so: extconf.rb (TruffleRuby's mkmf), make"
    # from the extension's directory: TruffleRuby writes files (Makefile) relative to the process's directory
    if ! (cd "$ro_build/ext/openssl" && "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
        -Dpolyglot.engine.WarnInterpreterOnly=false -Dorg.graalvm.language.ruby.home="$ro_home" \
        -Dpolyglot.engine.userResourceCache="$OUT/ruby-openssl/resource-cache" -cp "$POLYGLOT_DIST/lib/*" \
        "$LB_ROOT/layers/tools/TruffleRubyScript.java" . extconf.rb) >"$OUT/ruby-openssl/extconf.log" 2>&1 ||
        ! make -C "$ro_build/ext/openssl" -j2 >"$OUT/ruby-openssl/make.log" 2>&1; then
      tail -n 30 "$OUT/ruby-openssl/extconf.log" "$OUT/ruby-openssl/make.log" >&2 2>/dev/null
      die "polyglot-ruby-cext: building openssl.so failed (logs in $OUT/ruby-openssl)"
    fi
    readelf -d "$ro_build/ext/openssl/openssl.so" | grep -q 'libssl.so.3' ||
      die "polyglot-ruby-cext: the openssl.so built does not link libssl.so.3"
    cp "$ro_build/ext/openssl/openssl.so" "$ro_built"
  fi
  cp "$ro_built" "$ro_out"
}

