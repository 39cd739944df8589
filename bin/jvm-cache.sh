# Sourced by ./simianviz: the command line's JVM class cache, so that a run starts with its classes
# already loaded and linked and, on JDK >= 25, with the method profiles of a training run, instead of
# spending its first seconds in the class loader and the JIT's profiling tiers (the nanoservice
# image has the same; docs/local-runtime.md says what a user sees without it).
#
# JDK >= 25: an AOT cache (JEP 483/514/515) written by a short training run of the embedded default
# after each build, with the JDK that will use it. JDK 21-24: a dynamic AppCDS archive that the JVM
# writes itself when the first run exits (-XX:+AutoCreateSharedArchive). SIMIANVIZ_JVM_CACHE=off
# runs without either (to measure a cold JVM). A cache that cannot be made or used costs nothing
# but the speed-up: the command runs without it.
# shellcheck shell=bash

# The training run's chaos experiment, beside this file.
simianviz_training_experiment="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/jvm-cache-training.yaml"

# simianviz_jvm_cache JAR LIB_DIR EXAMPLE MAJOR: sets the array jvm_cache_flags. A training run
# gets the caller's array java_opts too, so it runs the JVM the way the command will.
simianviz_jvm_cache() {
  local jar=$1 lib=$2 example=$3 major=$4
  jvm_cache_flags=()
  [ "${SIMIANVIZ_JVM_CACHE:-on}" != off ] || return 0
  # The JVM prints errors for a cache it cannot map (another JDK, a jar rewritten): not ours to show.
  if [ "$major" -lt 25 ]; then
    jvm_cache_flags=(-XX:+AutoCreateSharedArchive "-XX:SharedArchiveFile=${jar%.jar}-jdk$major.jsa"
      -Xlog:cds*=off)
    return 0
  fi
  local quiet=(-Xlog:aot*=off -Xlog:cds*=off)
  local cache="${jar%.jar}.aot"
  # The cache is bound to the JDK build, the command's JVM flags (the collector, for one), the
  # class path's jars (size and modification time) and the training's experiment.
  local jdk_id
  jdk_id="$JAVA_HOME $(cksum <"$JAVA_HOME/release") ${java_opts[*]:-}"
  jdk_id+=" $(cksum <"$simianviz_training_experiment" 2>/dev/null)"
  if [ ! -s "$cache" ] || [ "$(cat "$cache.jdk" 2>/dev/null)" != "$jdk_id" ] ||
    [ -n "$(find "$jar" "$lib" -newer "$cache" -print -quit 2>/dev/null)" ]; then
    simianviz_train_jvm_cache "$jar" "$example" "$cache" "$jdk_id" "${quiet[@]}" || return 0
  fi
  jvm_cache_flags=("-XX:AOTCache=$cache" "${quiet[@]}")
}

# The training run: the embedded default at a few hundred requests/s for about 10 s, so that the
# hop path, the traffic sources, chaos and the outputs are loaded and profiled; its experiment kills
# one instance after the first 5 s, so that a later run's first kill finds the JIT ready for it (see
# the experiment's file). Written beside the jar under a temporary name and renamed, so a run
# started meanwhile never maps half a file.
simianviz_train_jvm_cache() {
  local jar=$1 example=$2 cache=$3 jdk_id=$4
  shift 4
  local work
  work=$(mktemp -d)
  echo "simianviz: training the JVM's AOT cache with a 10 s run (once per build and JDK)..." >&2
  if (cd "$work" && "$JAVA_HOME/bin/java" "${java_opts[@]}" "$@" "-XX:AOTCacheOutput=$work/cache.aot" \
    -jar "$jar" run "$example" --rate 300 --warmup 0 --duration 5s \
    --experiment "$simianviz_training_experiment" --port 0 --no-ui \
    --out "$work/out" >"$work/log" 2>&1) && [ -s "$work/cache.aot" ]; then
    mv -f "$work/cache.aot" "$cache"
    echo "$jdk_id" >"$cache.jdk"
    rm -rf "$work"
    return 0
  fi
  echo "simianviz: the training run failed (log: $work/log); running without the AOT cache." >&2
  return 1
}
