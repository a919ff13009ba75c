# shellcheck shell=sh
# usage: . scripts/lib/layer-jars.sh   (after setting LB_ROOT and defining die)
#
# Which jars go in a layer, as Maven resolves them: each module of layers/jars depends on what a layer is made of
# and lists the jars Maven resolves for it in its target/layer-dependencies.txt (dependency:list, at every build).

# layer_jars MODULE: "groupId:artifactId FILE" for each jar Maven resolves for layers/jars/MODULE, FILE as
# copy-dependencies names it in a dist's lib/ (artifactId-version[-classifier].jar). Call it as an assignment
# (jars=$(layer_jars MODULE)), so that a missing list stops the build.
layer_jars() {
  lj_list="$LB_ROOT/layers/jars/$1/target/layer-dependencies.txt"
  [ -f "$lj_list" ] || die "no $lj_list (the jars Maven resolves for layers/jars/$1): run scripts/build"
  # each line: groupId:artifactId:type[:classifier]:version:scope:FILE, then the jar's module name
  awk 'NF && $1 ~ /:/ {
      n = split($1, part, ":")
      print part[1] ":" part[2], part[2] "-" part[n - 2] (n == 7 ? "-" part[4] : "") "." part[3]
    }' "$lj_list"
}

# layer_jar MODULE GROUP:ARTIFACT: the file name of that artifact among MODULE's jars
layer_jar() {
  lj_jars=$(layer_jars "$1")
  lj_file=$(echo "$lj_jars" | awk -v want="$2" '$1 == want { print $2 }')
  [ -n "$lj_file" ] || die "Maven resolves no $2 for layers/jars/$1 (its packaging changed?)"
  echo "$lj_file"
}
