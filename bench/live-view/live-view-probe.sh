#!/usr/bin/env bash
# Measures the live view in Debian's headless Chromium: runs an architecture with its view, opens
# the page after WAIT seconds, watches it for SECONDS and prints the updates handled, the time each
# took in the page (avg, max), what was drawn and the CPU the browser spent; saves a screenshot.
#
#   bench/live-view/live-view-probe.sh examples/netflixoss.yaml 30 20 docs/live-view-netflixoss.png
#   bench/live-view/live-view-probe.sh "examples/netflixoss.yaml --scale 1000" 60 20
#
# Needs chromium and chromium-driver (Debian) and a built CLI (./simianviz builds it).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=bin/jdk.sh
. "$root/bin/jdk.sh"
arch=$1
wait=${2:-30}
seconds=${3:-20}
shot=${4:-}
cd "$root"
# Selenium's jars: local-runtime's test class path (compiled, so the reactor's modules resolve).
cpfile=$(mktemp)
./mvnw -q -B test-compile dependency:build-classpath -pl local-runtime -am -DskipImage \
  -Dspotless.apply.skip -Dspotless.check.skip -Dmdep.includeScope=test -Dmdep.outputFile="$cpfile"
cp=$(cat "$cpfile")
rm -f "$cpfile"
log=$(mktemp)
# shellcheck disable=SC2086 # arch carries the run's options
./simianviz run $arch --duration $((wait + seconds + 120))s --out "$(mktemp -d)/out" >"$log" 2>&1 &
run=$!
trap 'kill $run 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 600); do
  url=$(sed -n 's/^view: //p' "$log" | head -1)
  [ -n "$url" ] && break
  sleep 0.5
done
echo "run: $arch, view at $url; page opened after ${wait}s" >&2
sleep "$wait"
"$JAVA_HOME/bin/java" -cp "$cp" "$root/bench/live-view/LiveViewProbe.java" "$url" "$seconds" $shot
kill "$run" 2>/dev/null || true # ends the run as Ctrl-C does
wait "$run" || true
grep -E "chaos monkey killed|replaced" "$log" | head -5 >&2 || true
