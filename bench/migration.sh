#!/usr/bin/env bash
# Live migration budget (issue #16): the ten versions of examples/migration/ (LAMP -> NetflixOSS)
# applied one after another to ONE local run at the default rate, each running STEP seconds
# (30 by default): ./simianviz run examples/migration/ --step-every 30s --duration 300s.
# Prints each step's requests, errors, lost requests, success and p99, and the whole run's, from
# summary.json's steps[] (the traffic sources' settled counters: requests = answered + errors +
# lost). Budget: >= 99.9% success in every step and overall, 0 lost; exit 1 when it is missed.
#
# Needs: a JDK >= 21 (found by bin/jdk.sh) and jq.
# Usage: bench/migration.sh [-s STEP_SECONDS] [-o OUT] [-r RATE]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
step=30
out=${TMPDIR:-/tmp}/simianviz-bench-migration
rate=
while getopts "s:o:r:" opt; do
  case $opt in
    s) step=$OPTARG ;;
    o) out=$OPTARG ;;
    r) rate=$OPTARG ;;
    *) echo "usage: $0 [-s STEP_SECONDS] [-o OUT] [-r RATE]" >&2; exit 2 ;;
  esac
done
command -v jq >/dev/null || { echo "$0: needs jq (apt-get install -y jq)" >&2; exit 2; }
cd "$root"
versions=$(find examples/migration -maxdepth 1 -name '*.yaml' | wc -l)
duration=$((versions * step))
./simianviz validate examples/migration/step0.yaml >/dev/null # builds the CLI once
echo "machine: $(nproc) cores, $(uname -sr), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
cmd=(./simianviz run examples/migration/ --step-every "${step}s" --duration "${duration}s"
  --port 0 --no-ui --out "$out" --force)
if [ -n "$rate" ]; then
  cmd+=(--rate "$rate")
fi
echo "command: ${cmd[*]}"
"${cmd[@]}" >"$out.log" 2>&1 || { cat "$out.log" >&2; exit 1; }
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
summary="$out/summary.json"
echo
echo "| step | version | requests | errors | lost | success | p99 ms | transition s |"
echo "|---:|---|---:|---:|---:|---:|---:|---:|"
jq -r '.steps[] | "| \(.step) | \(.version) | \(.requests) | \(.errors) | \(.lost) | \(
  (.successRate * 100000 | floor) / 1000)% | \(.p99Ms) | \((.transitionS * 10 | round) / 10) |"' \
  "$summary"
jq -r '"| all | | \([.steps[].requests] | add) | \([.steps[].errors] | add) | \(
  [.steps[].lost] | add) | \(([.steps[].answered] | add) / ([.steps[].requests] | add) * 100000
  | floor / 1000)% | \(.p99Ms) (run) | |"' "$summary"
echo
# The budget: every step and the whole run at >= 99.9% success, and nothing lost.
if jq -e '(.steps | length) == '"$versions"'
    and all(.steps[]; .successRate >= 0.999 and .lost == 0 and .outcome == "applied")
    and (([.steps[].answered] | add) / ([.steps[].requests] | add) >= 0.999)' \
    "$summary" >/dev/null; then
  echo "budget met: $versions steps, each >= 99.9% success, 0 lost"
else
  echo "budget MISSED (see $out.log)"
  exit 1
fi
