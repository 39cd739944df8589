#!/usr/bin/env bash
# Writes an image's JVM flags, ROOT/opt/simianviz/jvm.args (a java @argfile): the flags committed
# beside the image's application, then those that depend on the version of the runtime under
# ROOT/opt/java (made by runtime.sh). A class archive's flags are appended later by the image's
# training run, which uses this same file so it measures the image's JVM.
#
# usage: jvm-args.sh ROOT ARGS
#   ROOT  the image root runtime.sh filled
#   ARGS  the image's committed flags, one per line, # comments allowed
set -euo pipefail
usage="usage: jvm-args.sh ROOT ARGS"
root=${1:?$usage}
committed=${2:?$usage}
release="$root/opt/java/release"
if [ ! -f "$release" ]; then
  echo "jvm-args.sh: no runtime at $root/opt/java (run runtime.sh first)" >&2
  exit 1
fi
if [ ! -f "$committed" ]; then
  echo "jvm-args.sh: ARGS file $committed not found" >&2
  exit 1
fi
major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release")

args="$root/opt/simianviz/jvm.args"
mkdir -p "$(dirname "$args")"
cp "$committed" "$args"
if [ "$major" -ge 24 ]; then
  echo "# Netty reads memory through sun.misc.Unsafe; JDK 24+ warns unless this is allowed." >>"$args"
  echo "--sun-misc-unsafe-memory-access=allow" >>"$args"
fi
if [ "$major" -ge 22 ]; then
  echo "# Return memory freed by the JIT compilers to the system (glibc keeps it otherwise)." >>"$args"
  echo "-XX:TrimNativeHeapInterval=1000" >>"$args"
fi
echo "jvm-args.sh: $args from $committed for JDK $major"
