#!/usr/bin/env bash
# Start-up of the operator image's JVM with and without a class archive, to decide whether the
# image should carry one (docs/benchmarks.md, "Operator image"). Runs the image's own runtime and
# flags (operator/target/image-root) on operator/target/quarkus-app, on this machine, with no API
# server (KUBERNETES_MASTER points at a closed loopback port), and times JVM start to JOSDK's
# "Starting 'architecture' controller" line: all of Quarkus' start-up before the first API call.
#
# Variants: the image as built (no archive); the JDK's default CDS archive (jlink
# --generate-cds-archive); a JDK 25 AOT cache trained on this same start-up (the training run
# ends when Quarkus gives up on the API server, ~20 s). Prints each round and the medians.
#
# usage: bench/operator-start.sh [ROUNDS]   (default 9; after bin/build package -pl operator -am)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
rounds=${1:-9}
img="$root/operator/target/image-root"
app="$root/operator/target/quarkus-app"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ ! -x "$img/opt/java/bin/java" ] || [ ! -f "$app/quarkus-run.jar" ]; then
  echo "bench: no operator image root; run bin/build package -pl operator -am -DskipTests" >&2
  exit 1
fi
modules=$(sed -n 's/^MODULES=//p' "$img/opt/java/release" | tr ' ' ',' | tr -d '"')
run_env=(env -i KUBERNETES_MASTER=http://127.0.0.1:1 SIMIANVIZ_OPERATOR_LEADER_ELECTION=false
  QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=0)

# shellcheck source=bin/jdk.sh
. "$root/bin/jdk.sh" # the build's JDK, which the image's runtime was linked from
echo "bench: jlink from $JAVA_HOME with the default CDS archive ($modules)..." >&2
"$JAVA_HOME/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --generate-cds-archive --output "$work/cds" >/dev/null
echo "bench: training an AOT cache on start-up (about 20 s)..." >&2
(cd "$app" && "${run_env[@]}" "$img/opt/java/bin/java" "@$img/opt/simianviz/jvm.args" \
  -XX:AOTCacheOutput="$work/start.aot" -jar quarkus-run.jar >"$work/train.log" 2>&1) || true

declare -A command results
command[none]="$img/opt/java/bin/java @$img/opt/simianviz/jvm.args -jar quarkus-run.jar"
command[cds]="$work/cds/bin/java @$img/opt/simianviz/jvm.args -jar quarkus-run.jar"
command[aot]="$img/opt/java/bin/java @$img/opt/simianviz/jvm.args -XX:AOTCache=$work/start.aot -jar quarkus-run.jar"
cd "$app"
for i in $(seq "$rounds"); do
  for variant in none cds aot; do
    log="$work/$variant-$i.log"
    : >"$log"
    start=$(date +%s%N)
    # shellcheck disable=SC2086 # the command is words
    "${run_env[@]}" ${command[$variant]} >"$log" 2>&1 &
    pid=$!
    until grep -q "Starting 'architecture' controller" "$log"; do
      kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; exit 1; }
      sleep 0.02
    done
    results[$variant]+="$((($(date +%s%N) - start) / 1000000)) "
    kill "$pid"
    wait "$pid" 2>/dev/null || true
  done
done
echo "ms from JVM start to controller start, $rounds rounds ($(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)):"
for variant in none cds aot; do
  median=$(echo "${results[$variant]}" | tr ' ' '\n' | sed '/^$/d' | sort -n |
    awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}')
  echo "  $variant: ${results[$variant]}-> median $median"
done
echo "archive sizes: cds $(du -sh "$work/cds/lib/server/classes.jsa" | cut -f1)," \
  "aot $(du -sh "$work/start.aot" | cut -f1)"
