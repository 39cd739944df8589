#!/usr/bin/env bash
# The nanoservice pod's idle memory as `kubectl top pod` shows it: the container cgroup's working
# set, usage minus inactive file pages (cgroup v1: memory.usage_in_bytes - total_inactive_file;
# v2: memory.current - inactive_file), which is what the kubelet (cAdvisor) reports and what a
# memory limit is enforced against before reclaim. The image runs in podman with the pod's default
# limits (api NanoservicePod: 128Mi and 500m CPU, read-only root, every capability dropped) as a
# store, idle, after its first requests.
#
# The page cache of the image's files (libjvm, the modules file, the AOT cache, the jars) is
# charged to the cgroup that first reads a page. Right after `podman load` those pages were read by
# podman, not by the container, and would be missing from its figure; a node that pulled the image
# long ago refaults them into the pod's cgroup. So the script first drops the image's own files from
# the page cache (posix_fadvise DONTNEED on each file of the image: no other file is touched), and
# the container is charged for every page it touches, as on a node under memory pressure.
#
# Needs: podman (see docs/benchmarks.md for the containers.conf this machine needs), curl,
# python3, the image tar (bin/build package -pl service-image -am -DskipTests).
# usage: bench/pod-memory.sh [RUNS] [VARIANT_FLAGS ...]
#   RUNS           starts measured (default 3); the median is printed
#   VARIANT_FLAGS  extra JVM flags for a variant, passed in JDK_JAVA_OPTIONS (e.g. -Xss200k)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${1:-3}
shift || true
flags="$*"
tar="$root/service-image/target/simianviz-service-image.tar"
idle=${IDLE:-10}
for tool in podman curl python3; do
  command -v "$tool" >/dev/null || { echo "$0: needs $tool" >&2; exit 2; }
done
[ -f "$tar" ] || { echo "$0: no $tar (bin/build package -pl service-image -am -DskipTests)" >&2; exit 2; }
if [ -z "${CONTAINERS_CONF:-}" ]; then
  export CONTAINERS_CONF="$root/service-image/src/test/resources/containers.conf"
fi

# The image by its ID (the digest of its config), not by tag: another build may load the same tag.
config=$(tar -xOf "$tar" manifest.json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["Config"])')
id=$(tar -xOf "$tar" "$config" | sha256sum | cut -c1-64)
podman image exists "$id" || podman load -q -i "$tar" >/dev/null
name=svpodmem-$$
cleanup() { podman rm -f "$name" >/dev/null 2>&1 || true; podman image unmount "$id" >/dev/null 2>&1 || true; }
trap cleanup EXIT

evict_image_files() {
  local dir
  dir=$(podman image mount "$id")
  python3 - "$dir" <<'EOF'
import os, sys
for base, _, files in os.walk(sys.argv[1]):
    for f in files:
        p = os.path.join(base, f)
        if os.path.islink(p) or not os.path.isfile(p):
            continue
        try:
            fd = os.open(p, os.O_RDONLY)
        except OSError:
            continue
        try:
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        finally:
            os.close(fd)
EOF
  podman image unmount "$id" >/dev/null
}

mib() { awk -v b="$1" 'BEGIN {printf "%.1f", b / 1048576}'; }

measure() { # prints "working_set anon active_file inactive_file vmrss rssanon rssfile ready_ms"
  evict_image_files
  local port t0 ready_ms pid cg stat usage inactive anon active
  port=$((18700 + RANDOM % 200))
  t0=$(date +%s%N)
  podman run -d --name "$name" --memory=128m --cpus=0.5 --read-only --tmpfs /tmp --cap-drop ALL \
    --security-opt no-new-privileges -p "127.0.0.1:$port:8080" \
    -e SIMIANVIZ_ARCH=bench -e SIMIANVIZ_TIER=store -e SIMIANVIZ_PACKAGE=store \
    -e SIMIANVIZ_POD_NAME=bench-store-0 ${flags:+-e "JDK_JAVA_OPTIONS=$flags"} "$id" >/dev/null
  for _ in $(seq 600); do
    curl -sf -o /dev/null "http://127.0.0.1:$port/health/ready" && break
    sleep 0.02
  done
  ready_ms=$((($(date +%s%N) - t0) / 1000000))
  # A few requests, as a pod gets its probes, a scrape and some traffic; then idle.
  curl -sf -o /dev/null -X POST -d '{"op":"PUT","key":"k","value":"v"}' "http://127.0.0.1:$port/request"
  for _ in $(seq 20); do curl -sf -o /dev/null "http://127.0.0.1:$port/request?key=k"; done
  curl -sf -o /dev/null "http://127.0.0.1:$port/metrics"
  curl -sf -o /dev/null "http://127.0.0.1:$port/stats"
  sleep "$idle"
  pid=$(podman inspect -f '{{.State.Pid}}' "$name")
  if grep -q '^0::' "/proc/$pid/cgroup" && [ ! -d /sys/fs/cgroup/memory ]; then
    cg=/sys/fs/cgroup$(sed -n 's/^0:://p' "/proc/$pid/cgroup")
    usage=$(cat "$cg/memory.current")
    stat=$cg/memory.stat
    inactive=$(awk '$1 == "inactive_file" {print $2}' "$stat")
    active=$(awk '$1 == "active_file" {print $2}' "$stat")
    anon=$(awk '$1 == "anon" {print $2}' "$stat")
  else
    cg=/sys/fs/cgroup/memory$(awk -F: '$2 == "memory" {print $3}' "/proc/$pid/cgroup")
    usage=$(cat "$cg/memory.usage_in_bytes")
    stat=$cg/memory.stat
    inactive=$(awk '$1 == "total_inactive_file" {print $2}' "$stat")
    active=$(awk '$1 == "total_active_file" {print $2}' "$stat")
    anon=$(awk '$1 == "total_rss" {print $2}' "$stat")
  fi
  echo "$(mib $((usage - inactive))) $(mib "$anon") $(mib "$active") $(mib "$inactive")" \
    "$(awk '/^VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$pid/status")" \
    "$(awk '/^RssAnon/ {printf "%.1f", $2 / 1024}' "/proc/$pid/status")" \
    "$(awk '/^RssFile/ {printf "%.1f", $2 / 1024}' "/proc/$pid/status")" "$ready_ms"
  podman rm -f "$name" >/dev/null
}

echo "Machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1); podman" \
  "$(podman version --format '{{.Client.Version}}'), cgroup $(podman info --format '{{.Host.CgroupsVersion}}');" \
  "image ${id:0:12}; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Date: $(date -u +%Y-%m-%dT%H:%MZ). Store pod, --memory=128m --cpus=0.5, idle ${idle} s after 22 requests;" \
  "extra JVM flags: ${flags:-none}"
echo
echo "| run | working set MiB (kubectl top) | anon MiB | active file MiB | inactive file MiB | VmRSS MiB | RssAnon | RssFile | run to ready ms |"
echo "|---|---|---|---|---|---|---|---|---|"
results=()
for i in $(seq "$runs"); do
  line=$(measure)
  results+=("$line")
  echo "| $i | $(echo "$line" | tr ' ' '\n' | paste -sd'|' | sed 's/|/ | /g') |"
done
median=$(printf '%s\n' "${results[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p" | cut -d' ' -f1)
echo
echo "working set, median of $runs: **$median MiB** (budget 64 MiB, goal 48)"
