#!/usr/bin/env bash
# Cold starts beside another CPU-bound process (issue #15's budget: a cold default run answers
# >= 99.9%). Each round starts two copies of the same cold run at once, so that each is the other's
# CPU-bound process: `./simianviz run examples/netflixoss.yaml --scale SCALE --duration D`, as a
# user types it (the JVM class cache and the automatic warm-up), and, alternating with it, the same
# without both (SIMIANVIZ_JVM_CACHE=off, --warmup 10s: how runs started before them).
# Prints a markdown table (also written to OUT/results.md) and how many runs reached 99.9%.
#
# Needs: a JDK >= 21 (found by bin/jdk.sh) and jq.
# Usage: bench/cold-start.sh [-n ROUNDS] [-s SCALE] [-d SECONDS] [-o OUT] [-a]
# -a runs only the default variant (no comparison).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
rounds=3
scale=10000
duration=15
out=${TMPDIR:-/tmp}/simianviz-bench-cold
variants="default bare"
while getopts "n:s:d:o:a" opt; do
  case $opt in
    n) rounds=$OPTARG ;;
    s) scale=$OPTARG ;;
    d) duration=$OPTARG ;;
    o) out=$OPTARG ;;
    a) variants=default ;;
    *) echo "usage: $0 [-n ROUNDS] [-s SCALE] [-d SECONDS] [-o OUT] [-a]" >&2; exit 2 ;;
  esac
done
command -v jq >/dev/null || { echo "$0: needs jq (apt-get install -y jq)" >&2; exit 2; }
# Every instance holds a listening socket and its callers' connections; two runs share the limit.
ulimit -n "$(ulimit -Hn)"
mkdir -p "$out"
results="$out/results.md"
cd "$root"
# Builds the CLI and trains its JVM cache once, outside the measured runs.
./simianviz validate examples/netflixoss.yaml >/dev/null

# pair VARIANT ROUND: two cold runs at once; leaves OUT/VARIANT-ROUND-{1,2}/summary.json
pair() {
  local variant=$1 round=$2 i
  local -a env=() flags=()
  if [ "$variant" = bare ]; then
    env=(SIMIANVIZ_JVM_CACHE=off)
    flags=(--warmup 10s)
  fi
  for i in 1 2; do
    rm -rf "${out:?}/$variant-$round-$i"
    env "${env[@]}" ./simianviz run examples/netflixoss.yaml --scale "$scale" \
      --duration "${duration}s" --port 0 --no-ui --out "$out/$variant-$round-$i" "${flags[@]}" \
      >"$out/$variant-$round-$i.log" 2>&1 &
  done
  wait
}

field() { jq -r "$2" "$out/$1/summary.json" 2>/dev/null || echo "-"; }

{
  echo "Machine: $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo);" \
    "$(. "$root/bin/jdk.sh" >/dev/null 2>&1 && "$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
  echo "Date: $(date -u +%Y-%m-%d); netflixoss --scale $scale, ${duration} s measured, two cold runs at once per row"
  echo
  echo "| round | variant | success (each run) | warm-up s | p99 ms | CPU µs per hop | load before → after |"
  echo "|---|---|---|---|---|---|---|"
} | tee "$results"
declare -A passed=() total=()
for round in $(seq "$rounds"); do
  for variant in $variants; do
    before=$(cut -d' ' -f1 /proc/loadavg)
    pair "$variant" "$round"
    after=$(cut -d' ' -f1 /proc/loadavg)
    success="" warm="" p99="" cpu=""
    for i in 1 2; do
      run="$variant-$round-$i"
      s=$(field "$run" '.successRate')
      success+="${success:+, }$(printf '%.2f%%' "$s" 2>/dev/null || echo "$s")"
      warm+="${warm:+, }$(field "$run" '.warmupS | . * 10 | round / 10')"
      p99+="${p99:+, }$(field "$run" '.p99Ms | round')"
      cpu+="${cpu:+, }$(field "$run" '.cpuMicrosPerHop | round')"
      total[$variant]=$((${total[$variant]:-0} + 1))
      if awk -v s="$s" 'BEGIN { exit !(s + 0 >= 99.9) }'; then
        passed[$variant]=$((${passed[$variant]:-0} + 1))
      fi
    done
    echo "| $round | $variant | $success | $warm | $p99 | $cpu | $before → $after |" | tee -a "$results"
  done
done
{
  echo
  for variant in $variants; do
    echo "- $variant: ${passed[$variant]:-0} of ${total[$variant]} runs answered >= 99.9%"
  done
  echo
  echo "default: ./simianviz run examples/netflixoss.yaml --scale $scale --duration ${duration}s (JVM cache, automatic warm-up)"
  echo "bare: the same with SIMIANVIZ_JVM_CACHE=off and --warmup 10s"
} | tee -a "$results"
