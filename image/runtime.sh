#!/usr/bin/env bash
# Builds the base of a Simianviz image (the nanoservice's and the operator's) in a directory,
# without any registry or container engine: a jlink runtime of the build JDK with only the modules
# the image's application needs under /opt/java, the host's glibc files that runtime links against
# (found with ldd, so the image's glibc is the one any build-time training run used), and the few
# /etc files a JVM reads.
#
# usage: runtime.sh JDK ROOT MODULES
#   JDK      the JDK to jlink from (the build's, >= 21)
#   ROOT     the image root to fill; its opt/java is kept when JDK, MODULES and this script are
#            unchanged
#   MODULES  the modules to link, comma-separated (each module's pom says why each is there)
set -euo pipefail
usage="usage: runtime.sh JDK ROOT MODULES"
jdk=${1:?$usage}
root=${2:?$usage}
modules=${3:?$usage}
if [[ ! "$modules" =~ ^[a-z][a-z0-9.]*(,[a-z][a-z0-9.]*)*$ ]]; then
  echo "runtime.sh: MODULES must be module names separated by commas, got \"$modules\"" >&2
  exit 2
fi

stamp="$jdk $(sed -n 's/^JAVA_VERSION=//p' "$jdk/release") $modules $(sha256sum "$0" | cut -c1-16)"
if [ -f "$root/opt/java/.simianviz-stamp" ] && [ "$(cat "$root/opt/java/.simianviz-stamp")" = "$stamp" ]; then
  echo "runtime.sh: $root/opt/java is up to date ($stamp)"
  exit 0
fi

rm -rf "$root"
mkdir -p "$root/opt" "$root/etc" "$root/tmp"
# JDK < 25 gets the default class archive, the base of a dynamic AppCDS archive; from 25 on the
# AOT cache each image trains at build time (its archive.sh) holds the JDK's classes too.
cds=()
if [ "$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$jdk/release")" -lt 25 ]; then
  cds=(--generate-cds-archive)
fi
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  "${cds[@]}" --output "$root/opt/java"
# Only used when the heap is larger than 32 GiB (no compressed oops); never in a small pod.
rm -f "$root/opt/java/lib/server/classes_nocoops.jsa"

# Every shared library the runtime's ELF files need from the host, at the path the dynamic linker
# looks for it (the interpreter /lib64/ld-linux-*.so.2 included), copied as real files.
libs=$(find "$root/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) -exec ldd {} \; 2>/dev/null |
  awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\// {print $1}' | grep -v "^$root/" | sort -u)
for lib in $libs; do
  mkdir -p "$root$(dirname "$lib")"
  cp -L "$lib" "$root$lib"
done
# glibc loads libgcc_s at run time to unwind threads that are cancelled or exit early.
# awk reads to the end: exiting at the first match would kill ldconfig with SIGPIPE (status 141
# under pipefail).
gcc_s=$(ldconfig -p | awk '/libgcc_s.so.1 .*x86-64|libgcc_s.so.1 .*AArch64/ && !f {f = $NF} END {print f}')
if [ -n "$gcc_s" ]; then
  mkdir -p "$root$(dirname "$gcc_s")"
  cp -L "$gcc_s" "$root$gcc_s"
fi

# The images run as 10001 (the user of the operator's pod and of the pods it creates); home is /tmp, the only writable
# place. glibc resolves names from /etc/hosts, then DNS (cluster or podman network DNS).
printf 'root:x:0:0:root:/root:/sbin/nologin\nsimianviz:x:10001:10001:simianviz:/tmp:/sbin/nologin\n' \
  >"$root/etc/passwd"
printf 'root:x:0:\nsimianviz:x:10001:\n' >"$root/etc/group"
printf 'hosts: files dns\n' >"$root/etc/nsswitch.conf"

echo "$stamp" >"$root/opt/java/.simianviz-stamp"
echo "runtime.sh: built $root from $jdk ($(du -sh "$root" | cut -f1)): modules $modules;" \
  "host libraries: $(echo "$libs" $gcc_s | tr '\n' ' ')"
