#!/usr/bin/env bash
# Local runtime at scale (results in docs/benchmarks.md): netflixoss at --scale 100, 1000 and
# 10000 with the default traffic, then a rate sweep at --scale 1000 to find where the machine
# saturates.
# Prints a markdown table per part (also written to OUT/results.md).
#
# Needs: a JDK >= 21 (found by bin/jdk.sh), GNU time (Debian package `time`) and jq.
# Usage: bench/local-scale.sh [-d SECONDS] [-w SECONDS] [-o OUT] [-r "RATE ..."] [-s "SCALE ..."]
#                             [-t SAMPLE_RATE]
# -w is a warm-up before each measured run (run --warmup): traffic whose figures are left out,
# so the JIT has compiled the hot paths (60 s by default: C2 keeps a core busy for ~50 s of a
# run at scale 1000; 0 measures from a cold start). Ends with bench/hop-floor.sh, the peers (nginx in
# C, and VertxHopFloor: the nanoservice's wire format in Vert.x without the simulation), and a last
# table with each rate's CPU per hop as a multiple of each peer's, measured in this same run: the
# figure the budget is written in (docs/benchmarks.md), as absolute figures drift with the machine.
# Traces are sampled at 1% by default (-t 1 records every hop as a span, as a plain run does).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
duration=20
out=${TMPDIR:-/tmp}/simianviz-bench-local
rates="1000 2000 3000 3500 4000"
scales="100 1000 10000"
sample=0.01
warmup=60
while getopts "d:w:o:r:s:t:" opt; do
  case $opt in
    d) duration=$OPTARG ;;
    w) warmup=$OPTARG ;;
    o) out=$OPTARG ;;
    r) rates=$OPTARG ;;
    s) scales=$OPTARG ;;
    t) sample=$OPTARG ;;
    *) echo "usage: $0 [-d SECONDS] [-o OUT] [-r \"RATE ...\"] [-s \"SCALE ...\"]" >&2; exit 2 ;;
  esac
done
for tool in /usr/bin/time jq; do
  command -v "$tool" >/dev/null || { echo "$0: needs $tool (apt-get install -y time jq)" >&2; exit 2; }
done
# Every instance holds a listening socket; use the whole hard limit of open files.
ulimit -n "$(ulimit -Hn)"
mkdir -p "$out"
results="$out/results.md"
cd "$root"
./simianviz validate examples/netflixoss.yaml >/dev/null # builds the CLI once, outside the timings

# run NAME ARGS...: one local run under GNU time; leaves OUT/NAME/{summary.json,time.txt}
run() {
  local name=$1
  shift
  rm -rf "${out:?}/$name"
  /usr/bin/time -v -o "$out/$name.time" ./simianviz run examples/netflixoss.yaml \
    --duration "${duration}s" --warmup "${warmup}s" --sample-rate "$sample" --out "$out/$name" "$@" >"$out/$name.log" 2>&1
  cp "$out/$name.time" "$out/$name/time.txt"
}
peak_mb() { awk -F': ' '/Maximum resident/ {printf "%.0f", $2 / 1024}' "$out/$1/time.txt"; }

{
  echo "Machine: $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)," \
    "$(free -g | awk '/Mem:/ {print $2}') GiB;" \
    "$(. "$root/bin/jdk.sh" >/dev/null 2>&1 && "$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
  echo "Date: $(date -u +%Y-%m-%d); load before: $(cut -d' ' -f1-3 /proc/loadavg); warm-up ${warmup} s, then ${duration} s measured per run; --sample-rate $sample"
  echo
  echo "| scale | instances | all up (s) | requests | success | p99 (ms) | hops/s | peak RSS (MB) | RSS per instance (KB) |"
  echo "|---|---|---|---|---|---|---|---|---|"
} | tee "$results"
for scale in $scales; do
  run "scale-$scale" --scale "$scale"
  s="$out/scale-$scale/summary.json"
  rss=$(peak_mb "scale-$scale")
  jq -r --arg scale "$scale" --arg rss "$rss" \
    '"| \($scale) | \(.instances) | \(.startupS) | \(.requests) | \(.successRate * 1000 | round / 1000)% | \(.p99Ms) | \(.hopsPerSecond | round) | \($rss) | \(($rss | tonumber) * 1024 / .instances | round) |"' \
    "$s" | tee -a "$results"
done
{
  echo
  echo "Rate sweep, scale 1000 (rate = requests/s per traffic source):"
  echo
  echo "| rate | instances | requests | success | p50 (ms) | p99 (ms) | hops/s | CPU µs per hop | peak RSS (MB) |"
  echo "|---|---|---|---|---|---|---|---|---|"
} | tee -a "$results"
for rate in $rates; do
  run "rate-$rate" --scale 1000 --rate "$rate"
  s="$out/rate-$rate/summary.json"
  jq -r --arg rate "$rate" --arg rss "$(peak_mb "rate-$rate")" \
    '"| \($rate) | \(.instances) | \(.requests) | \(.successRate * 1000 | round / 1000)% | \(.p50Ms) | \(.p99Ms) | \(.hopsPerSecond | round) | \(.cpuMicrosPerHop * 10 | round / 10) | \($rss) |"' \
    "$s" | tee -a "$results"
done
echo | tee -a "$results"
"$root/bench/hop-floor.sh" "$out/floor" | tee "$out/floor.txt" | tee -a "$results"

# The rate sweep against the peers of this run: CPU per hop over the peer's CPU per hop.
peer_us() { sed -n "s/^hop floor ($1.*, \([0-9.]*\) us of CPU per hop.*/\1/p" "$out/floor.txt" | head -1; }
vertx_us=$(peer_us Vert.x)
nginx_us=$(peer_us C)
if [ -n "$rates" ] && [ -n "$vertx_us" ]; then
  {
    echo
    echo "CPU per hop against the peers measured above (Vert.x $vertx_us µs, nginx ${nginx_us:-?} µs per hop):"
    echo
    echo "| rate | success | hops/s | CPU µs per hop | × Vert.x peer | × nginx |"
    echo "|---|---|---|---|---|---|"
  } | tee -a "$results"
  for rate in $rates; do
    jq -r --arg rate "$rate" --argjson vertx "$vertx_us" --arg nginx "${nginx_us:-}" \
      '"| \($rate) | \(.successRate * 1000 | round / 1000)% | \(.hopsPerSecond | round) | \(.cpuMicrosPerHop * 10 | round / 10) | **\(.cpuMicrosPerHop / $vertx * 100 | round / 100)** | \(if $nginx == "" then "" else (.cpuMicrosPerHop / ($nginx | tonumber) * 100 | round / 100 | tostring) end) |"' \
      "$out/rate-$rate/summary.json" | tee -a "$results"
  done
  echo "(budget: at most 2.0 × the Vert.x peer at the highest rate with 100% success)" | tee -a "$results"
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg); outputs in $out" | tee -a "$results"
