#!/usr/bin/env bash
# Nanoservice benchmark, loopback only, about three minutes (results in docs/benchmarks.md).
# In one run:
#   nginx    one worker returning a static 200              (the HTTP floor)
#   proxy    a second nginx proxying to the first            (the chain's floor: one hop in C)
#   store    a leaf nanoservice                              (GET /request?key=k)
#   chain    karyon -> store, two nanoservices, one hop
#   vertx    bench/ VertxProxy -> store: the karyon's hop in Vert.x with nothing of the nanoservice
#            (the chain's Vert.x floor; the bench module is built when missing)
#   netty    bench/ NettyProxy -> store: the same hop on Netty's own HTTP/1.1 codecs, no Vert.x
#            (the chain's JVM floor)
# Servers are pinned to CPU 0 and the load generators to CPU 1 (taskset), so "per core" is per
# server core. Throughput and p50/p99: wrk, 1 thread, 32 connections. Hop overhead: p99(chain) -
# p99(store) at the same fixed rate, half the chain's peak, from hey -q (wrk has no rate limit; hey
# is closed loop per connection, so a stall is under-counted; at half load there are few). The
# nanoservices are the image's own JVM (the jlink runtime, jvm.args and class archive from
# service-image/target) with -XX:MaxRAM=128m, the pod's default memory limit; service time 0.
# Server CPU per request: the servers' user + system time (/proc/PID/stat) over the measured wrk
# run divided by the requests it completed (both JVMs for the chain); unlike requests/s it holds
# when other processes share the server core.
# Start to ready: exec to the first 200 from /health/ready, median of 3 starts. RSS from ps, with
# its anonymous part (heap, metaspace, code, stacks); the rest is clean file pages shared by every
# JVM of the image on a node (libjvm, the class archive, the modules file).
# usage: bench/nanoservice.sh        (prints a markdown table)
set -euo pipefail
# Seconds of load before each measurement: the JIT compiles on the same core that serves, and
# 5 s left the two-JVM chain mostly interpreted (2.9k req/s at 5 s against ~19k once compiled).
warmup=${WARMUP:-15}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=bench/image-jvm.sh
. "$root/bench/image-jvm.sh"
need_tools wrk:wrk nginx:nginx-light hey:hey curl:curl taskset:util-linux
image_jvm_setup

ready() { # PORT: waits for /health/ready; prints milliseconds since $t0
  local i
  for i in $(seq 3000); do
    if curl -sf -o /dev/null "http://127.0.0.1:$1/health/ready"; then
      echo $((($(date +%s%N) - t0) / 1000000))
      return 0
    fi
    sleep 0.005
  done
  echo "bench: port $1 not ready" >&2
  return 1
}
rss_mib() { # PID -> "RSS (anon N)" in MiB; the rest is file pages: libjvm, class archive, modules
  echo "$(($(ps -o rss= -p "$1") / 1024)) (anon $(($(awk '/^RssAnon/ {print $2}' "/proc/$1/status") / 1024)))"
}
wrk_run() { # URL SECONDS [PID...] -> "rps p50 p99 cpu" (ms; cpu: µs of the PIDs' CPU per request)
  local url=$1 secs=$2
  shift 2
  local before after
  before=$(cpu_ticks "$@")
  "${load[@]}" wrk -t1 -c32 -d"$secs"s --latency "$url" >"$work/wrk.txt"
  after=$(cpu_ticks "$@")
  awk -v ticks=$((after - before)) -v hz="$(getconf CLK_TCK)" \
    '/requests in/ {n=$1} /Requests\/sec/ {r=$2} $1=="50%" {p50=$2} $1=="99%" {p99=$2}
    function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
    END {printf "%d %.3f %.3f %.1f\n", r, ms(p50), ms(p99), (n > 0 ? ticks * 1e6 / hz / n : 0)}' "$work/wrk.txt"
}
cpu_ticks() { # PID... -> user + system clock ticks of those processes so far (0 without PIDs)
  local total=0 p
  for p in "$@"; do total=$((total + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done
  echo "$total"
}
us_per_request() { # TICKS RPS -> µs of CPU per request, TICKS spent over a 10 s wrk_run at RPS
  awk -v t="$1" -v r="$2" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.1f", (r > 0 ? t * 1e6 / hz / (r * 10) : 0)}'
}
hey_p99() { # URL RATE -> p99 ms at that fixed total rate (10 connections)
  "${load[@]}" hey -z 8s -c 10 -q $(($2 / 10)) "$1" | awk '$1=="99%" {printf "%.3f\n", $3*1000}'
}

# nginx: a leaf (one worker, static 200) and, for the chain's peer, a second nginx proxying to it
# over kept-alive connections: the same two processes on one core, one hop, written in C.
# nginx_start NAME PORT LOCATION-BODY [UPSTREAM-BLOCK]: starts one pinned nginx; sets nginx_pids.
nginx_start() {
  local dir="$work/$1"
  free "$2"
  mkdir -p "$dir"
  cat >"$dir/nginx.conf" <<EOF
worker_processes 1;
daemon off;
pid $dir/nginx.pid;
error_log $dir/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $dir;
  ${4:-}
  server { listen 127.0.0.1:$2; location / { $3 } }
}
EOF
  "${srv[@]}" nginx -e "$dir/error.log" -c "$dir/nginx.conf" -p "$dir" &
  pids+=($!)
  for i in $(seq 1000); do curl -sf -o /dev/null "http://127.0.0.1:$2/" && break; sleep 0.005; done
  nginx_pids="$(cat "$dir/nginx.pid") $(pgrep -P "$(cat "$dir/nginx.pid")" | paste -sd' ')"
}
port_nginx=18480
port_proxy=18479
nginx_start nginx "$port_nginx" 'return 200 "ok\n";'
leaf_nginx_pids=$nginx_pids
wrk_run "http://127.0.0.1:$port_nginx/" 2 >/dev/null
read -r nginx_rps nginx_p50 nginx_p99 nginx_cpu <<<"$(wrk_run "http://127.0.0.1:$port_nginx/" 8 $leaf_nginx_pids)"
nginx_start nginx-proxy "$port_proxy" \
  'proxy_pass http://leaf; proxy_http_version 1.1; proxy_set_header Connection "";' \
  "upstream leaf { server 127.0.0.1:$port_nginx; keepalive 64; }"
wrk_run "http://127.0.0.1:$port_proxy/" 2 >/dev/null
read -r proxy_rps proxy_p50 proxy_p99 proxy_cpu <<<"$(wrk_run "http://127.0.0.1:$port_proxy/" 8 $nginx_pids $leaf_nginx_pids)"
kill "${pids[-1]}" "${pids[-2]}"

# start to ready: three fresh starts of a store
starts=()
for i in 1 2 3; do
  t0=$(date +%s%N)
  nano "start$i" $((18490 + i)) SIMIANVIZ_TIER=store SIMIANVIZ_PACKAGE=store
  starts+=("$(ready $((18490 + i)))")
  kill "$last"
  wait "$last" 2>/dev/null || true
done
start_ms=$(printf '%s\n' "${starts[@]}" | sort -n | sed -n 2p)

# leaf store
t0=$(date +%s%N)
nano store 18481 SIMIANVIZ_TIER=store SIMIANVIZ_PACKAGE=store
store_pid=$last
ready 18481 >/dev/null
sleep 2
store_idle=$(rss_mib "$store_pid")
curl -s -o /dev/null -X POST -d '{"op":"PUT","key":"k","value":"v"}' http://127.0.0.1:18481/request
leaf_url="http://127.0.0.1:18481/request?key=k"
wrk_run "$leaf_url" "$warmup" >/dev/null
(sleep 6 && rss_mib "$store_pid" >"$work/store_load") &
read -r store_rps store_p50 store_p99 store_cpu <<<"$(wrk_run "$leaf_url" 10 "$store_pid")"
store_load=$(cat "$work/store_load")

# chain: karyon -> store (both on the server core)
t0=$(date +%s%N)
nano karyon 18482 SIMIANVIZ_TIER=karyon SIMIANVIZ_PACKAGE=karyon \
  SIMIANVIZ_DEPENDENCIES=store=store:http SIMIANVIZ_DISCOVERY=store/us-east-1/zoneA=bench-store-zone-a \
  SIMIANVIZ_DEPENDENCY_PORT=18481
karyon_pid=$last
ready 18482 >/dev/null
sleep 2
karyon_idle=$(rss_mib "$karyon_pid")
chain_url="http://127.0.0.1:18482/request?key=k"
wrk_run "$chain_url" "$warmup" >/dev/null
(sleep 6 && rss_mib "$karyon_pid" >"$work/karyon_load") &
karyon_ticks=$(cpu_ticks "$karyon_pid")
store_ticks=$(cpu_ticks "$store_pid")
read -r chain_rps chain_p50 chain_p99 chain_cpu <<<"$(wrk_run "$chain_url" 10 "$karyon_pid" "$store_pid")"
karyon_ticks=$(($(cpu_ticks "$karyon_pid") - karyon_ticks))
store_ticks=$(($(cpu_ticks "$store_pid") - store_ticks))
karyon_share=$(awk -v k="$karyon_ticks" -v s="$store_ticks" 'BEGIN {printf "%.0f", (k + s > 0 ? 100 * k / (k + s) : 0)}')
karyon_load=$(cat "$work/karyon_load")

# hop overhead at half the chain's peak
half=$((chain_rps / 2))
leaf_half_p99=$(hey_p99 "$leaf_url" "$half")
chain_half_p99=$(hey_p99 "$chain_url" "$half")

# The chain's peers: the karyon replaced by a bare pass-through to the same store with the same
# requests, on the pod's JVM flags (not its class archive, made for the pod's class path): what the
# chain would cost if the nanoservice added nothing to Vert.x (bench/ VertxProxy), or to Netty's own
# HTTP/1.1 codecs with each call on its caller's event loop (bench/ NettyProxy).
kill "$karyon_pid"
# shellcheck source=bin/jdk.sh
. "$root/bin/jdk.sh"
# shellcheck source=bench/bench-jar.sh
. "$root/bench/bench-jar.sh"
# front_peer CLASS PORT: runs the chain with that proxy in front; sets peer_rps, peer_p50, peer_p99,
# peer_cpu (both JVMs' µs per request) and peer_front_cpu (the proxy's).
front_peer() {
  local url="http://127.0.0.1:$2/request?key=k" pid ticks i
  free "$2"
  "${srv[@]}" "$img/opt/java/bin/java" "@$work/proxy.args" -XX:MaxRAM=128m -cp "$bench_jar" \
    "io.simianviz.bench.$1" "127.0.0.1:$2" 127.0.0.1:18481 >"$work/$1.log" 2>&1 &
  pids+=($!)
  pid=$!
  for i in $(seq 1000); do curl -sf -o /dev/null "$url" && break; sleep 0.01; done
  wrk_run "$url" "$warmup" >/dev/null
  ticks=$(cpu_ticks "$pid")
  read -r peer_rps peer_p50 peer_p99 peer_cpu <<<"$(wrk_run "$url" 10 "$pid" "$store_pid")"
  peer_front_cpu=$(us_per_request $(($(cpu_ticks "$pid") - ticks)) "$peer_rps")
  kill "$pid"
}
vertx_rps="" netty_rps=""
if bench_jar=$(simianviz_bench_jar "$work"); then
  grep -v -e '-XX:AOTCache' "$work/jvm.args" >"$work/proxy.args"
  front_peer VertxProxy 18483
  vertx_rps=$peer_rps vertx_p50=$peer_p50 vertx_p99=$peer_p99 vertx_cpu=$peer_cpu
  vertx_front_cpu=$peer_front_cpu
  front_peer NettyProxy 18484
  netty_rps=$peer_rps netty_p50=$peer_p50 netty_p99=$peer_p99 netty_cpu=$peer_cpu
  netty_front_cpu=$peer_front_cpu
else
  echo "bench: the Vert.x and Netty proxy rows are left out: the bench module does not build" >&2
fi
karyon_cpu=$(us_per_request "$karyon_ticks" "$chain_rps")

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
echo "Machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1);" \
  "$("$img/opt/java/bin/java" -version 2>&1 | head -1); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Date: $(date -u +%Y-%m-%dT%H:%MZ). Servers on CPU 0, wrk/hey on CPU 1."
echo
echo "| server | requests/s per server core | vs nginx | server CPU µs per request | p50 ms | p99 ms | idle RSS MiB | RSS under load MiB |"
echo "|---|---|---|---|---|---|---|---|"
echo "| nginx, 1 worker, static 200 | $nginx_rps | 1.00 | $nginx_cpu | $nginx_p50 | $nginx_p99 | | |"
echo "| store (leaf nanoservice) | $store_rps | $(ratio "$store_rps" "$nginx_rps") | $store_cpu | $store_p50 | $store_p99 | $store_idle | $store_load |"
echo "| nginx -> nginx (proxy_pass, 2 processes, 1 core) | $proxy_rps | $(ratio "$proxy_rps" "$nginx_rps") | $proxy_cpu | $proxy_p50 | $proxy_p99 | | |"
echo "| karyon -> store (2 JVMs, 1 core) | $chain_rps | $(ratio "$chain_rps" "$nginx_rps") | $chain_cpu | $chain_p50 | $chain_p99 | karyon $karyon_idle | karyon $karyon_load |"
if [ -n "$vertx_rps" ]; then
  echo "| Vert.x proxy -> store (bench VertxProxy, 2 JVMs, 1 core) | $vertx_rps | $(ratio "$vertx_rps" "$nginx_rps") | $vertx_cpu | $vertx_p50 | $vertx_p99 | | |"
  echo "| Netty proxy -> store (bench NettyProxy, 2 JVMs, 1 core) | $netty_rps | $(ratio "$netty_rps" "$nginx_rps") | $netty_cpu | $netty_p50 | $netty_p99 | | |"
fi
echo
echo "| figure | value |"
echo "|---|---|"
echo "| chain / leaf, requests/s (the budget: >= 0.33) | $(ratio "$chain_rps" "$store_rps") |"
echo "| the same for nginx: nginx chain / nginx leaf (what one hop costs C on this harness) | $(ratio "$proxy_rps" "$nginx_rps") |"
echo "| chain / nginx chain, requests/s | $(ratio "$chain_rps" "$proxy_rps") |"
echo "| of the chain's server CPU, the karyon's | $karyon_share% |"
if [ -n "$vertx_rps" ]; then
  echo "| the same for Vert.x: Vert.x proxy chain / leaf | $(ratio "$vertx_rps" "$store_rps") |"
  echo "| chain / Vert.x proxy chain, requests/s | $(ratio "$chain_rps" "$vertx_rps") |"
  echo "| CPU per request of the front: karyon / Vert.x proxy | $karyon_cpu µs / $vertx_front_cpu µs = $(ratio "$karyon_cpu" "$vertx_front_cpu") |"
  echo "| the same for Netty: Netty proxy chain / leaf | $(ratio "$netty_rps" "$store_rps") |"
  echo "| CPU per request of the front: karyon / Netty proxy | $karyon_cpu µs / $netty_front_cpu µs = $(ratio "$karyon_cpu" "$netty_front_cpu") |"
fi
echo "| chain / leaf, by server CPU per request (leaf µs / chain µs; what requests/s would be on a core of their own) | $(ratio "$store_cpu" "$chain_cpu") |"
echo "| hop overhead p99 at $half req/s (half the chain's peak, hey -q) | $(awk -v c="$chain_half_p99" -v l="$leaf_half_p99" 'BEGIN {printf "%.3f ms (chain %.3f - store %.3f)", c - l, c, l}') |"
echo "| start to ready (exec to /health/ready 200), median of 3 | $start_ms ms (runs: ${starts[*]} ms) |"
