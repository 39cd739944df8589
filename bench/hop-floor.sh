#!/usr/bin/env bash
# The floor of a request hop on this machine, in C: one nginx worker proxies to itself (a
# keep-alive upstream on a second loopback address), driven by wrk, so every request is two hops:
# wrk -> proxy and proxy -> backend. CPU per hop counts nginx and wrk, user and kernel, as the
# local runtime's cpuMicrosPerHop counts its whole process. bench/local-scale.sh runs it last, so
# the two are measured in the same run.
#
# Needs: nginx (Debian nginx-light), wrk, curl, GNU time. Usage: bench/hop-floor.sh [WORKDIR]
set -euo pipefail
work=${1:-${TMPDIR:-/tmp}/simianviz-bench-floor}
seconds=20
for tool in nginx wrk curl /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "hop floor skipped: needs $tool (apt-get install -y nginx-light wrk curl time)"; exit 0; }
done
mkdir -p "$work"
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
trap 'kill "$master" 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -sf -o /dev/null http://127.0.0.1:18491/ && break; sleep 0.05; done
wrk -t1 -c32 -d5s http://127.0.0.1:18491/ >/dev/null # warm-up
worker=$(pgrep -P "$master" | head -1)
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
before=$(ticks "$worker")
/usr/bin/time -f "%U %S" -o "$work/wrk.time" wrk -t1 -c32 -d"${seconds}s" http://127.0.0.1:18491/ >"$work/wrk.txt"
after=$(ticks "$worker")
rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")
awk -v rps="$rps" -v ticks=$((after - before)) -v hz="$(getconf CLK_TCK)" -v s="$seconds" '{
  nginx = ticks / hz; wrk = $1 + $2; hops = rps * s * 2
  printf "hop floor (C): nginx proxying to itself under wrk -c32, 2 hops per request: %.0f hops/s, %.1f us of CPU per hop (nginx %.1f s + wrk %.1f s of CPU in %d s)\n", rps * 2, (nginx + wrk) * 1e6 / hops, nginx, wrk, s
}' "$work/wrk.time"
