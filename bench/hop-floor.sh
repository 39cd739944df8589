#!/usr/bin/env bash
# The floor of a request hop on this machine, measured with wrk against two peers, each a proxy
# calling a backend over loopback with keep-alive connections, so every request is two hops
# (wrk -> proxy, proxy -> backend):
#   - in C: one nginx worker proxying to itself;
#   - in Vert.x: io.simianviz.bench.VertxHopFloor (module bench/), the nanoservice's wire format
#     (JSON over HTTP/1.1 with a traceparent) on the local runtime's setup, without the simulation.
# CPU per hop counts the server process and wrk, user and kernel, as the local runtime's
# cpuMicrosPerHop counts its whole process. bench/local-scale.sh runs it last, so all are
# measured in the same run.
#
# Needs: nginx (Debian nginx-light), wrk, curl, GNU time; for the Vert.x peer a JDK >= 21 (found
# by bin/jdk.sh) and the bench module's jar (bench/target/simianviz-bench.jar and its lib/), which
# this script builds when it is missing or older than the module's sources.
# Usage: bench/hop-floor.sh [WORKDIR]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
case ${1:-} in
  -h | --help)
    sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"
    exit 0
    ;;
  -*)
    echo "usage: $0 [WORKDIR]" >&2
    exit 2
    ;;
esac
work=${1:-${TMPDIR:-/tmp}/simianviz-bench-floor}
seconds=20
connections=32
for tool in nginx wrk curl /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "hop floor skipped: needs $tool (apt-get install -y nginx-light wrk curl time)"; exit 0; }
done
mkdir -p "$work"
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT

# measure NAME PID URL [WARMUP_S]: wrk warm-up (5 s unless given), then CPU of PID and of wrk over
# the measured run.
measure() {
  local name=$1 pid=$2 url=$3 warmup=${4:-5} before after rps
  for _ in $(seq 200); do curl -sf -o /dev/null "$url" && break; sleep 0.05; done
  curl -sf -o /dev/null "$url" || { echo "hop floor ($name) skipped: $url does not answer (logs in $work)"; return 0; }
  wrk -t1 -c"$connections" -d"${warmup}s" "$url" >/dev/null # warm-up
  before=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  /usr/bin/time -f "%U %S" -o "$work/wrk.time" wrk -t1 -c"$connections" -d"${seconds}s" "$url" >"$work/wrk.txt"
  after=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")
  awk -v name="$name" -v rps="$rps" -v ticks=$((after - before)) -v hz="$(getconf CLK_TCK)" \
    -v s="$seconds" -v c="$connections" '{
    server = ticks / hz; wrk = $1 + $2; hops = rps * s * 2
    printf "hop floor (%s) under wrk -c%d, 2 hops per request: %.0f hops/s, %.1f us of CPU per hop (server %.1f s + wrk %.1f s of CPU in %d s)\n", name, c, rps * 2, (server + wrk) * 1e6 / hops, server, wrk, s
  }' "$work/wrk.time"
}

cat >"$work/nginx.conf" <<EOF
worker_processes 1;
daemon off;
pid $work/nginx.pid;
error_log $work/error.log;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $work; proxy_temp_path $work; fastcgi_temp_path $work;
  uwsgi_temp_path $work; scgi_temp_path $work;
  upstream backend { server 127.0.0.2:18492; keepalive 64; }
  server {
    listen 127.0.0.1:18491;
    location / { proxy_pass http://backend; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }
  server { listen 127.0.0.2:18492; location / { return 200 "ok\n"; } }
}
EOF
nginx -e "$work/error.log" -c "$work/nginx.conf" -p "$work" &
master=$!
pids+=("$master")
for _ in $(seq 100); do [ -n "$(pgrep -P "$master" | head -1)" ] && break; sleep 0.05; done
measure "C, nginx proxying to itself" "$(pgrep -P "$master" | head -1)" http://127.0.0.1:18491/
kill "$master"

# shellcheck source=bin/jdk.sh
. "$root/bin/jdk.sh"
# shellcheck source=bench/bench-jar.sh
. "$root/bench/bench-jar.sh"
if ! jar=$(simianviz_bench_jar "$work"); then
  echo "hop floor (Vert.x) skipped: the bench module does not build (log in $work/build.log)"
  exit 0
fi
# The collector ./simianviz gives the local runtime, so the comparison is of the hop alone.
java_opts=(-XX:+UseParallelGC)
if [ "$(simianviz_java_major "$JAVA_HOME")" -ge 24 ]; then
  java_opts+=(--sun-misc-unsafe-memory-access=allow)
fi
"$JAVA_HOME/bin/java" "${java_opts[@]}" -jar "$jar" \
  127.0.0.1:18493 127.0.0.2:18494 >"$work/vertx.log" 2>&1 &
pids+=("$!")
# 20 s of warm-up, as the JIT needs on two cores: after 5 s the peer still compiles and measured
# 30.1 us per hop against 25.8 after 20 s (G1, back to back; docs/benchmarks.md).
measure "Vert.x, the nanoservice's wire format" "$!" http://127.0.0.1:18493/ 20
