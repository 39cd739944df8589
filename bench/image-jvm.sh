# Sourced by bench/nanoservice.sh and bench/dependency-loss.sh: what they share to run the
# nanoservice image's own JVM on this machine, outside a container (the jlink runtime, jvm.args and
# class archive from service-image/target, with -XX:MaxRAM=128m, the pod's default memory limit).
# Needs $root (the repository). Makes $work (a scratch directory) and the array pids; on exit it
# stops the processes in pids and removes $work. Sets img, srv and load (taskset prefixes: servers
# on CPU 0, load generators on CPU 1, on a machine with two cores or more), classpath, last (the
# PID nano started).
# shellcheck shell=bash

work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

img="$root/service-image/target/image-root"
train="$root/service-image/target/image-training"
# Extra JVM flags for the next nano (e.g. a log); empty for the image's own.
nano_flags=()

# need_tools CMD:DEBIAN_PACKAGE... : installs the missing ones from Debian (as root), else stops.
need_tools() {
  local need=() tool
  for tool in "$@"; do
    command -v "${tool%%:*}" >/dev/null || need+=("${tool#*:}")
  done
  [ "${#need[@]}" -gt 0 ] || return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "bench: missing ${need[*]}: install them (apt-get install ${need[*]}) and rerun" >&2
    exit 2
  fi
  echo "bench: installing ${need[*]} from Debian..." >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null 2>&1 ||
    { apt-get update -qq >/dev/null && apt-get install -y -qq "${need[@]}" >/dev/null; }
}

# image_jvm_setup: builds the image root when missing; writes $work/jvm.args (the image's flags,
# the archive's path pointing into the build's image root) and $work/hosts.
image_jvm_setup() {
  if [ ! -f "$img/opt/simianviz/jvm.args" ] || [ ! -d "$train/app" ]; then
    echo "bench: building the image root (bin/build package -pl service-image -am)..." >&2
    "$root/bin/build" -q package -pl service-image -am -DskipTests >&2
  fi
  if [ "$(nproc)" -ge 2 ]; then srv=(taskset -c 0) load=(taskset -c 1); else srv=() load=(); fi
  sed "s#/opt/simianviz/#$img/opt/simianviz/#" "$img/opt/simianviz/jvm.args" >"$work/jvm.args"
  classpath=$(find "$train/app/classpath" -name '*.jar'):$(tr ':' '\n' <"$root/service-image/target/image-classpath.txt" |
    sed "s#.*/#$train/app/libs/#" | paste -sd:)
  printf '127.0.0.1 bench-store-zone-a\n' >"$work/hosts"
}

# free PORT: stops the run when something already listens there, since it would answer in place
# of the server this run starts (and its CPU would not be counted).
free() {
  if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then
    echo "bench: port $1 is already in use; stop what listens there and rerun" >&2
    exit 1
  fi
}

# nano NAME PORT ENV... : starts a nanoservice (pinned to the server core) in the background, its
# output in $work/NAME.log.
nano() {
  local name=$1 port=$2
  shift 2
  free "$port"
  env -i MALLOC_ARENA_MAX=2 SIMIANVIZ_ARCH=bench SIMIANVIZ_ZONE=zoneA \
    SIMIANVIZ_HOST=127.0.0.1 SIMIANVIZ_PORT="$port" SIMIANVIZ_SERVICE_TIME='constant(0ms)' "$@" \
    "${srv[@]}" "$img/opt/java/bin/java" "@$work/jvm.args" -XX:MaxRAM=128m "${nano_flags[@]}" \
    -Djdk.net.hosts.file="$work/hosts" -cp "$classpath" io.simianviz.service.pod.PodMain \
    >"$work/$name.log" 2>&1 &
  pids+=($!)
  last=$!
}
