#!/usr/bin/env bash
# Creates the nanoservice image's class archive at build time by running the image's own java (the
# jlink runtime under ROOT, which links against the host glibc copied into the image) on a short
# training workload: a karyon calling a store over loopback, PUTs, GETs, stats and metrics, then
# GETs after the store is killed.
# JDK >= 25 writes an AOT cache (JEP 483/514/515: classes loaded and linked, method profiles);
# older JDKs a dynamic AppCDS archive. Writes ROOT/opt/simianviz/app.aot (or app.jsa) and appends
# the flag that uses it to ROOT/opt/simianviz/jvm.args, which image/jvm-args.sh wrote before.
#
# The archive records the class path, and each jar's size and modification time: the training
# run uses copies of the jars laid out as Jib lays out the image (/app/classpath/<jar>,
# /app/libs/<dependency jars>, in Jib's order, modification time 1 s after the epoch). The JVM
# accepts a class path moved to another directory, so /app in the image matches WORK/app here.
#
# usage: archive.sh ROOT APP_JAR DEPENDENCY_CLASSPATH_FILE WORK
set -euo pipefail
usage="usage: archive.sh ROOT APP_JAR DEPENDENCY_CLASSPATH_FILE WORK"
root=${1:?$usage}
app_jar=${2:?$usage}
deps_file=${3:?$usage}
work=${4:?$usage}
java="$root/opt/java/bin/java"
major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$root/opt/java/release")

rm -rf "$work"
mkdir -p "$work/app/classpath" "$work/app/libs" "$root/opt/simianviz"
cp "$app_jar" "$work/app/classpath/"
classpath="$work/app/classpath/$(basename "$app_jar")"
IFS=: read -r -a deps <"$deps_file" || true # the file has no final newline
for dep in "${deps[@]}"; do
  [ -n "$dep" ] || continue
  cp "$dep" "$work/app/libs/"
  classpath="$classpath:$work/app/libs/$(basename "$dep")"
done
touch -h -d @1 "$work"/app/classpath/* "$work"/app/libs/*

# The image's flags (image/jvm-args.sh), then the class archive's.
args="$root/opt/simianviz/jvm.args"
if [ ! -f "$args" ]; then
  echo "archive.sh: no $args (image/jvm-args.sh writes it)" >&2
  exit 1
fi
if [ "$major" -ge 25 ]; then
  archive=/opt/simianviz/app.aot
  train_flag="-XX:AOTCacheOutput=$root$archive"
  echo "# Classes loaded and linked, and method profiles, from the build's training run." >>"$args"
  echo "-XX:AOTCache=$archive" >>"$args"
else
  archive=/opt/simianviz/app.jsa
  train_flag="-XX:ArchiveClassesAtExit=$root$archive"
  echo "# The application's classes, from the build's training run (dynamic AppCDS)." >>"$args"
  echo "-XX:SharedArchiveFile=$archive" >>"$args"
fi
train_args="$work/train.args"
grep -v -e '^-XX:AOTCache=' -e '^-XX:SharedArchiveFile=' "$args" >"$train_args"

# karyon resolves its dependency's per-zone Service name through this hosts file.
printf '127.0.0.1 train-store-zone-a\n' >"$work/hosts"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

# start NAME ENV... : starts a nanoservice on an ephemeral loopback port, sets $port to it.
start() {
  local name=$1
  shift
  env -i SIMIANVIZ_ARCH=train SIMIANVIZ_ZONE=zoneA SIMIANVIZ_HOST=127.0.0.1 SIMIANVIZ_PORT=0 "$@" \
    "$java" "@$train_args" -Djdk.net.hosts.file="$work/hosts" ${extra:-} -cp "$classpath" \
    io.simianviz.service.pod.PodMain >"$work/$name.log" 2>&1 &
  pids+=($!)
  local i
  for i in $(seq 300); do
    if grep -q ' ready on ' "$work/$name.log"; then
      port=$(sed -n 's/.* ready on .*:\([0-9]*\)$/\1/p' "$work/$name.log")
      return 0
    fi
    sleep 0.1
  done
  echo "archive.sh: $name did not start:" >&2
  cat "$work/$name.log" >&2
  return 1
}

# http PORT METHOD PATH [BODY] : one request on loopback with bash's /dev/tcp (no curl needed).
http() {
  local body=${4:-}
  exec 3<>"/dev/tcp/127.0.0.1/$1"
  printf '%s %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n%s\r\nContent-Length: %d\r\n\r\n%s' \
    "$2" "$3" 'traceparent: 00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' \
    "${#body}" "$body" >&3
  cat <&3 >/dev/null
  exec 3<&-
}

start store SIMIANVIZ_TIER=store SIMIANVIZ_PACKAGE=store
store=$port
extra=$train_flag
start karyon SIMIANVIZ_TIER=karyon SIMIANVIZ_PACKAGE=karyon \
  SIMIANVIZ_DEPENDENCIES=store=store:http SIMIANVIZ_DISCOVERY=store/us-east-1/zoneA=train-store-zone-a \
  SIMIANVIZ_DEPENDENCY_PORT="$store"
karyon=$port
for i in $(seq 300); do
  http "$karyon" POST /request "{\"op\":\"PUT\",\"key\":\"k$i\",\"value\":\"v$i\"}"
  http "$karyon" GET "/request?key=k$i"
done
for path in /stats /metrics /histogram /health/live /health/ready; do
  http "$karyon" GET "$path"
done
# Then the store dies, as a chaos kill or a node loss takes a dependency: the karyon's calls are
# refused, the instance is ejected, the replies are errors. Without this the profiles record none
# of those branches, and a pod's first failing dependency costs it a burst of deoptimisation and
# recompilation (docs/benchmarks.md, "A pod's training run with a failing dependency").
kill -9 "${pids[0]}"
wait "${pids[0]}" 2>/dev/null || true
for i in $(seq 300); do
  http "$karyon" GET "/request?key=k$i"
done
# The archive is written when the JVM exits; with JDK 25 a second JVM assembles the AOT cache.
kill "${pids[1]}"
wait "${pids[1]}" || true
if [ ! -s "$root$archive" ]; then
  echo "archive.sh: no archive at $root$archive; karyon's output:" >&2
  cat "$work/karyon.log" >&2
  exit 1
fi
echo "archive.sh: $root$archive ($(du -h "$root$archive" | cut -f1)) from a karyon -> store" \
  "training run with $java (JDK $major)"
