# shellcheck shell=sh
# usage: . scripts/lib/polyglot-layers.sh   (by scripts/build-layers, which sets LB_ROOT, OUT, STAGE and
#        POLYGLOT_DIST, defines say, die and copy_jars, and sources layer-jars.sh); build_polyglot LAYER then lays
#        out LAYER in STAGE/LAYER.
#
# The polyglot layers: bridge/polyglot/target/dist/polyglot (the bridge with GraalVM Polyglot, GraalJS and
# TruffleRuby, and the Graal compiler) split into what both languages need and what each needs alone.

# polyglot_split: sorts the jars of POLYGLOT_DIST/lib into the polyglot layers by what Maven resolves for each
# language (layer_jars): three modules of layers/jars depend on the languages as the bridge does:
#   js          org.graalvm.polyglot:js-community                     (J)
#   ruby        org.graalvm.polyglot:ruby, Sulong (org.graalvm.llvm) excluded   (R)
#   ruby-cext   org.graalvm.polyglot:ruby, Sulong included            (C)
# and each jar goes in one layer:
#   polyglot-js         J less C: what only JavaScript needs
#   polyglot-ruby       R less J: what only Ruby needs, C extensions aside
#   polyglot-ruby-cext  C less R and J: what only Sulong brings
#   polyglot-base       the rest: what both languages need (in J and in C), and the bridge with its own dependencies
# OUT/polyglot-jars/LAYER then holds the file names of LAYER's jars, one a line. Stops when Maven resolves a jar
# that the bridge's lib/ does not have (a stale build, or the bridge and layers/jars out of step).
polyglot_split() {
  ps_dir="$OUT/polyglot-jars"
  rm -rf "$ps_dir"
  mkdir -p "$ps_dir"
  for ps_set in js ruby ruby-cext; do
    ps_jars=$(layer_jars "$ps_set")
    echo "$ps_jars" | awk '{ print $2 }' | sort -u >"$ps_dir/$ps_set.set"
  done
  for ps_jar in "$POLYGLOT_DIST"/lib/*.jar; do basename "$ps_jar"; done | sort >"$ps_dir/lib"
  ps_missing=$(sort -u "$ps_dir"/*.set | comm -23 - "$ps_dir/lib" | tr '\n' ' ')
  [ -z "$ps_missing" ] || die "Maven resolves ${ps_missing}for layers/jars, which $POLYGLOT_DIST/lib lacks:" \
    "run scripts/build (if it persists, the bridge and layers/jars depend on different versions)"
  comm -23 "$ps_dir/js.set" "$ps_dir/ruby-cext.set" >"$ps_dir/polyglot-js"
  comm -23 "$ps_dir/ruby.set" "$ps_dir/js.set" >"$ps_dir/polyglot-ruby"
  comm -23 "$ps_dir/ruby-cext.set" "$ps_dir/ruby.set" | comm -23 - "$ps_dir/js.set" >"$ps_dir/polyglot-ruby-cext"
  sort "$ps_dir/polyglot-js" "$ps_dir/polyglot-ruby" "$ps_dir/polyglot-ruby-cext" | comm -23 "$ps_dir/lib" - \
    >"$ps_dir/polyglot-base"
  polyglot_split_done=yes
}

# copy_polyglot_jars DEST LAYER [FILE...]: copies LAYER's jars (polyglot_split) from POLYGLOT_DIST/lib into DEST,
# less the FILEs
copy_polyglot_jars() {
  cp_dest=$1 cp_layer=$2
  shift 2
  [ -n "${polyglot_split_done:-}" ] || polyglot_split
  [ -s "$OUT/polyglot-jars/$cp_layer" ] ||
    die "$cp_layer: no jar of $POLYGLOT_DIST/lib is for it (Maven's sets: $OUT/polyglot-jars)"
  mkdir -p "$cp_dest"
  while read -r cp_jar; do
    case " $* " in *" $cp_jar "*) continue ;; esac
    cp -pL "$POLYGLOT_DIST/lib/$cp_jar" "$cp_dest/"
  done <"$OUT/polyglot-jars/$cp_layer"
}

# polyglot_resources DIR COMPONENT KEEP...: GraalVM's internal resources of COMPONENT (Engine.copyResources, by
# layers/tools/PolyglotResources.java), unpacked into DIR, keeping only the KEEP subdirectories (each resource
# goes in exactly one layer). In Lambda they are read from /opt/polyglot/resources (the bootstrap sets
# polyglot.engine.resourcePath): nothing is unpacked into /tmp at a cold start.
polyglot_resources() {
  pr_dir=$1 pr_component=$2
  shift 2
  pr_tmp="$OUT/resources-$pr_component"
  rm -rf "$pr_tmp"
  "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
    -cp "$POLYGLOT_DIST/lib/*" "$LB_ROOT/layers/tools/PolyglotResources.java" "$pr_tmp" "$pr_component" ||
    die "polyglot resources of $pr_component: Engine.copyResources failed"
  mkdir -p "$pr_dir"
  for pr_keep in "$@"; do
    [ -d "$pr_tmp/$pr_keep" ] || die "polyglot resources of $pr_component: no $pr_keep in $pr_tmp"
    cp -R "$pr_tmp/$pr_keep" "$pr_dir/"
  done
  rm -rf "$pr_tmp"
}

# train_polyglot_cache OUT_LAYER LANGUAGE_LAYER HANDLER CODE: a language's AOT cache, OUT_LAYER's
# polyglot/runtime.aot, which the bootstrap prefers to lib/runtime.aot when it is there (and the compiler layer
# is not). Trained like the java-runtime layers' caches, on java-runtime-compact (the runtime of the bridges'
# stacks: the cache is tied to its JRE) + polyglot-base + LANGUAGE_LAYER laid out together as in /opt (hard
# links), with the language's key-count sample: it holds GraalVM's classes and the language's, loaded and linked
# (scripts/bench-polyglot: the first response of JS ~1.2 s -> ~0.45 s, Ruby ~2.1 s -> ~1.0 s).
train_polyglot_cache() {
  tc_layer=$1 tc_language=$2 tc_handler=$3 tc_code=$4
  for tc_part in java-runtime-compact polyglot-base "$tc_language"; do
    [ -d "$STAGE/$tc_part" ] ||
      die "$tc_layer: its AOT cache is trained with $tc_part, which is not built: scripts/build-layers java-runtime-compact polyglot-base $tc_language $tc_layer"
  done
  tc_opt="$OUT/aot-$tc_layer/opt"
  rm -rf "$OUT/aot-$tc_layer"
  mkdir -p "$tc_opt"
  for tc_part in java-runtime-compact polyglot-base "$tc_language"; do
    cp -Rl "$STAGE/$tc_part/." "$tc_opt/"
  done
  say "$tc_layer: training the AOT cache (200 invocations of $tc_handler on java-runtime-compact + polyglot-base + $tc_language)"
  if ! LB_BUILDING=1 "$LB_ROOT/scripts/lambda-local" train-aot --bootstrap "$tc_opt/bootstrap" \
      --handler "$tc_handler" --code "$tc_code" --event "$LB_ROOT/samples/polyglot/events/keys.json" \
      --memory 1024 --output "$STAGE/$tc_layer/polyglot/runtime.aot" --invocations 200 \
      >"$OUT/$tc_layer-train.log" 2>&1; then
    cat "$OUT/$tc_layer-train.log" >&2
    die "$tc_layer: the AOT training run failed (log above)"
  fi
  rm -rf "$OUT/aot-$tc_layer"
}

# prune_ruby_home HOME: leaves out of TruffleRuby's home what only developers' tools use, 10 MB of its 52 (the
# Ruby layers and a function share Lambda's 250 MB): the bundled gems rbs (type signatures), debug, rake,
# minitest, test-unit and power_assert, with their gemspecs and built extensions. `require 'rake'` and the like
# then fail with LoadError. (cext/include stays: TruffleRuby reads its ABI version header there at start.)
RUBY_HOME_PRUNED_GEMS="rbs debug rake minitest test-unit power_assert"
prune_ruby_home() {
  ph_home=$1
  [ -d "$ph_home/lib/gems/gems" ] || die "polyglot-ruby: no $ph_home/lib/gems/gems (TruffleRuby's layout changed?)"
  for ph_gem in $RUBY_HOME_PRUNED_GEMS; do
    rm -rf "$ph_home"/lib/gems/gems/"$ph_gem"-[0-9]* "$ph_home"/lib/gems/specifications/"$ph_gem"-[0-9]*.gemspec
    find "$ph_home/lib/gems/extensions" -maxdepth 2 -name "$ph_gem-[0-9]*" -exec rm -rf {} +
  done
}

build_polyglot() {
  d="$STAGE/$1"
  rm -rf "$d"
  case $1 in
    polyglot-base)
      copy_polyglot_jars "$d/polyglot/lib" polyglot-base
      # Truffle's native helpers (libtruffleattach, libnfi), unpacked: see polyglot_resources
      polyglot_resources "$d/polyglot/resources" nfi engine internal_nfi-native ;;
    polyglot-js)
      copy_polyglot_jars "$d/polyglot/lib" polyglot-js
      train_polyglot_cache polyglot-js polyglot-js js:index.handler "$LB_ROOT/samples/polyglot/js" ;;
    polyglot-ruby)
      # TruffleRuby's home unpacked in place of its resources jar (which only holds it, zipped, and its
      # locator): the bootstrap passes it as org.graalvm.language.ruby.home
      ruby_resources=$(layer_jar ruby org.graalvm.ruby:ruby-resources)
      copy_polyglot_jars "$d/polyglot/lib" polyglot-ruby "$ruby_resources"
      polyglot_resources "$d/polyglot/resources" ruby ruby
      prune_ruby_home "$d/polyglot/resources/ruby/ruby-home" ;;
    polyglot-ruby-aot)
      # its own layer: 50 MB unzipped would leave a Ruby function 8 MB of the 250 inside polyglot-ruby, and it
      # is dead weight beside polyglot-compiler (whose module options make the JVM refuse it)
      mkdir -p "$d/polyglot"
      train_polyglot_cache polyglot-ruby-aot polyglot-ruby ruby:key_count.handler "$LB_ROOT/samples/polyglot/ruby" ;;
    polyglot-ruby-cext) build_ruby_cext "$d" ;;
    polyglot-compiler)
      # what Maven resolves for org.graalvm.compiler:compiler (layers/jars/compiler), from the bridge's compiler/
      pc_jars=$(layer_jars compiler)
      # shellcheck disable=SC2046
      copy_jars "$d/polyglot/compiler" $(echo "$pc_jars" | awk -v dir="$POLYGLOT_DIST/compiler" '{ print dir "/" $2 }') ;;
  esac
}
