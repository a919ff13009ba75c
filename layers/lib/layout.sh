# shellcheck shell=bash
# The parts of a layer layout that the interpreter recipes share (layers/php, layers/ruby, layers/python,
# layers/node): sourced by their build-layer.sh, also inside the Amazon Linux container (the repository is at
# /src there), after setting REPO to the repository's root.

# copy_libs DEST FILE...: the shared libraries FILEs need, except glibc's own (the Lambda base image has them),
# into DEST (following links, so that the zip holds plain files).
copy_libs() {
  local dest=$1; shift
  mkdir -p "$dest"
  local missing
  missing=$(ldd "$@" 2>/dev/null | awk '/=> not found/ { print $1 }' | sort -u | tr '\n' ' ')
  [[ -z "$missing" ]] || echo "warning: libraries not found by ldd (not in the layer): $missing" >&2
  ldd "$@" 2>/dev/null | awk '/=> \// { print $3 }' | sort -u | while read -r lib; do
    case "$(basename "$lib")" in
      ld-linux*|libc.so*|libm.so*|libpthread.so*|libdl.so*|librt.so*|libutil.so*|libresolv.so*|libanl.so*) ;;
      *) cp -L "$lib" "$dest/" ;;
    esac
  done
}

# zip_layout LAYER ZIP
zip_layout() {
  mkdir -p "$(dirname "$2")"
  rm -f "$2"
  (cd "$1" && zip -qrX "$2" .)
  echo "layer: $2 ($(du -k "$2" | cut -f1) KiB)"
}

# glibc_needed FILE...: the highest GLIBC_x.y symbol version the files need (objdump -T), e.g. 2.35; empty when
# objdump is missing. Lambda's provided.al2023 has glibc 2.34, provided.al2 2.26.
glibc_needed() {
  command -v objdump >/dev/null 2>&1 || return 0
  objdump -T "$@" 2>/dev/null | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1
}

# copy_shim LAYER LANGUAGE: the worker shim of LANGUAGE (bridge/process/shims/LANGUAGE) and the shims' README
# into LAYER/lambda-bridge/shims, where the process bridge looks for them (/opt/lambda-bridge/shims on Lambda).
copy_shim() {
  mkdir -p "$1/lambda-bridge/shims"
  cp -R "$REPO/bridge/process/shims/$2" "$1/lambda-bridge/shims/$2"
  cp "$REPO/bridge/process/shims/README.md" "$1/lambda-bridge/shims/README.md"
}
