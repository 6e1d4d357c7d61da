#!/usr/bin/env bash
# Builds the native exact kernel (axdse_kernels.c) into the simulator's classes, called by Maven (process-classes).
# Optional: without a C compiler, or on another platform than Linux x86-64, it prints why and the engine keeps its
# Java paths (same results, slower). Usage: build.sh JAVA_HOME OUTPUT_DIR
set -euo pipefail
java_home="$1"
out="$2"
src="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/axdse_kernels.c"
if [ "$(uname -s)" != Linux ] || [ "$(uname -m)" != x86_64 ]; then
  echo "native kernel: skipped (only built on Linux x86-64; the Java kernels are used)" >&2
  exit 0
fi
cc="${CC:-}"
if [ -z "$cc" ]; then
  for c in gcc cc clang; do
    if command -v "$c" >/dev/null 2>&1; then cc="$c"; break; fi
  done
fi
if [ -z "$cc" ]; then
  echo "native kernel: skipped (no C compiler; scripts/setup installs gcc; the Java kernels are used)" >&2
  exit 0
fi
if [ ! -f "$java_home/include/jni.h" ]; then
  echo "native kernel: skipped (no jni.h under $java_home/include; the Java kernels are used)" >&2
  exit 0
fi
mkdir -p "$out"
tmp="$out/.libaxdse_kernels.so.$$"
"$cc" -O3 -std=c11 -fPIC -shared -Wall -Wextra -Werror -fno-strict-aliasing \
  -I"$java_home/include" -I"$java_home/include/linux" -o "$tmp" "$src"
mv -f "$tmp" "$out/libaxdse_kernels.so"
