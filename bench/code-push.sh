#!/usr/bin/env bash
# Code push budget (issue #16): netflixoss at --rate 1000 per traffic source, then a push of every
# karyon tier (login, homepage) from v1 to v2, rolled 25% at a time (maxSurge default) while the
# traffic runs; then the bad push of examples/evolution/bad-push/ at the same rate, which its
# canary must roll back within two analysis intervals.
# Each run has a 30 s warm-up first (left out of every figure): the first seconds at this rate carry
# a cold JIT. The spec's chaos monkey keeps striking homepage every 10 s during the push.
# Budget: the good push's window >= 99.9% success, 0 lost in every step; the bad push rolled
# back after 2 intervals, 0 lost. Exit 1 when missed.
#
# Needs: a JDK >= 21 (found by bin/jdk.sh) and jq.
# Usage: bench/code-push.sh [-s STEP_SECONDS] [-r RATE] [-o OUT]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
step=60
rate=1000
out=${TMPDIR:-/tmp}/simianviz-bench-push
while getopts "s:r:o:" opt; do
  case $opt in
    s) step=$OPTARG ;;
    r) rate=$OPTARG ;;
    o) out=$OPTARG ;;
    *) echo "usage: $0 [-s STEP_SECONDS] [-r RATE] [-o OUT]" >&2; exit 2 ;;
  esac
done
command -v jq >/dev/null || { echo "$0: needs jq (apt-get install -y jq)" >&2; exit 2; }
cd "$root"
versions="$out-versions"
rm -rf "$versions" && mkdir -p "$versions"
# v1 and v2 of netflixoss: every karyon tier gets a version.
for v in v1 v2; do
  sed "s/^\(      package: karyon\)$/\1\n      version: $v/" examples/netflixoss.yaml >"$versions/$v.yaml"
done
grep -c "version: v2" "$versions/v2.yaml" >/dev/null
./simianviz plan "$versions/v1.yaml" "$versions/v2.yaml"
echo "machine: $(nproc) cores, $(uname -sr), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
table() {
  echo "| step | version | requests | errors | lost | success | p99 ms | transition s | outcome |"
  echo "|---:|---|---:|---:|---:|---:|---:|---:|---|"
  jq -r '.steps[] | "| \(.step) | \(.version) | \(.requests) | \(.errors) | \(.lost) | \(
    (.successRate * 100000 | floor) / 1000)% | \(.p99Ms) | \((.transitionS * 10 | round) / 10) | \(
    .outcome) |"' "$1"
}
good=(./simianviz run "$versions" --step-every "${step}s" --rate "$rate" --warmup 30s --port 0 --no-ui
  --out "$out/good" --force)
echo "command: ${good[*]}"
"${good[@]}" >"$out-good.log" 2>&1 || { cat "$out-good.log" >&2; exit 1; }
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
table "$out/good/summary.json"
bad=(./simianviz run examples/evolution/bad-push/ --step-every 30s --rate "$rate" --warmup 30s --port 0
  --no-ui
  --out "$out/bad" --force)
echo
echo "command: ${bad[*]}"
"${bad[@]}" >"$out-bad.log" 2>&1 || { cat "$out-bad.log" >&2; exit 1; }
table "$out/bad/summary.json"
grep "canary" "$out-bad.log" || true
ok=1
# The push's window (step 1, from the start of the roll to the end of the run) is what the budget
# is about; step 0, the steady state before it, is printed for comparison. Nothing lost anywhere.
jq -e 'all(.steps[]; .lost == 0) and (.steps[1:] | all(.[]; .successRate >= 0.999
    and .outcome == "applied"))' \
  "$out/good/summary.json" >/dev/null || { echo "good push: budget MISSED"; ok=0; }
jq -e '(.steps[1].outcome | startswith("rolled back")) and all(.steps[]; .lost == 0)' \
  "$out/bad/summary.json" >/dev/null || { echo "bad push: not rolled back, or requests lost"; ok=0; }
grep -q "canary php failed 2 interval(s)" "$out-bad.log" || { echo "bad push: not after 2 intervals"; ok=0; }
[ "$ok" = 1 ] && echo "budget met: the push of every karyon tier >= 99.9% success and 0 lost; the bad push rolled back after 2 intervals"
[ "$ok" = 1 ]
