#!/usr/bin/env bash
# What a pod pays when its only dependency dies: a karyon calling one store (the nanoservice
# image's own JVM, as bench/nanoservice.sh starts it, both on CPU 0) is warmed up with wrk for
# WARMUP seconds (15), then hey offers 2,000 req/s (10 connections, -q 200, closed loop, CPU 1) for
# 8 s and, 3 s into it, the store is killed with SIGKILL. Prints one markdown table row:
#   - deoptimisations in the karyon's -Xlog:deoptimization log in the second after the kill;
#   - the karyon's CPU (user + system ticks of /proc/PID/stat, 100 a second) in the second before
#     the kill and 3-4 s after it;
#   - from hey's CSV, the requests answered in the half second after the kill and their p99, and
#     the p99 0.5-1.5 s after it.
# Loopback only, about 35 s. Results in docs/benchmarks.md.
# usage: bench/dependency-loss.sh [--header]   (--header also prints the table's header)
set -euo pipefail
warmup=${WARMUP:-15}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=bench/image-jvm.sh
. "$root/bench/image-jvm.sh"
need_tools wrk:wrk hey:hey curl:curl taskset:util-linux
image_jvm_setup

ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
deopts() { grep -c 'trap_bci' "$work/deopt.log" || true; }

nano store 18481 SIMIANVIZ_TIER=store SIMIANVIZ_PACKAGE=store
store_pid=$last
nano_flags=(-Xlog:deoptimization=debug:file="$work/deopt.log")
nano karyon 18482 SIMIANVIZ_TIER=karyon SIMIANVIZ_PACKAGE=karyon \
  SIMIANVIZ_DEPENDENCIES=store=store:http SIMIANVIZ_DISCOVERY=store/us-east-1/zoneA=bench-store-zone-a \
  SIMIANVIZ_DEPENDENCY_PORT=18481
karyon_pid=$last
for port in 18481 18482; do
  for _ in $(seq 1000); do curl -sf -o /dev/null "http://127.0.0.1:$port/health/ready" && break; sleep 0.01; done
done
url="http://127.0.0.1:18482/request?key=k"
curl -sf -o /dev/null -X POST -d '{"op":"PUT","key":"k","value":"v"}' http://127.0.0.1:18481/request
"${load[@]}" wrk -t1 -c32 -d"${warmup}s" "$url" >/dev/null

hey_start=$(date +%s%N)
"${load[@]}" hey -z 8s -c 10 -q 200 -o csv "$url" >"$work/hey.csv" &
hey_pid=$!
sleep 2
before=$(ticks "$karyon_pid")
sleep 1
at=$(ticks "$karyon_pid")
deopt_at=$(deopts)
kill -9 "$store_pid"
wait "$store_pid" 2>/dev/null || true
kill_s=$(awk -v a="$hey_start" -v b="$(date +%s%N)" 'BEGIN {printf "%.3f", (b - a) / 1e9}')
sleep 1
deopt_after=$(($(deopts) - deopt_at))
sleep 2
late0=$(ticks "$karyon_pid")
sleep 1
late1=$(ticks "$karyon_pid")
wait "$hey_pid"

# window FROM TO: "answered p99-ms" of the requests hey started FROM..TO s after the kill.
window() {
  awk -F, -v k="$kill_s" -v from="$1" -v to="$2" \
    'NR > 1 && $8 >= k + from && $8 < k + to {print $1 * 1000}' "$work/hey.csv" | sort -n |
    awk '{v[NR] = $1} END {i = int(NR * 0.99); if (i < 1) i = 1; printf "%d %.1f", NR, (NR ? v[i] : 0)}'
}
read -r first_n first_p99 <<<"$(window 0 0.5)"
read -r _ next_p99 <<<"$(window 0.5 1.5)"
if [ "${1:-}" = --header ]; then
  echo "| deopts, 1 s after the kill | karyon CPU ticks/s before → 3–4 s after | answered in the 0.5 s after | p99 in the 0.5 s after, ms | p99 0.5–1.5 s after, ms |"
  echo "|---|---|---|---|---|"
fi
echo "| $deopt_after | $((at - before)) → $((late1 - late0)) | $first_n | $first_p99 | $next_p99 |"
