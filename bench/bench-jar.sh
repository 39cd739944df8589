# Sourced by the bench scripts that run a Java peer from the bench module: builds
# bench/target/simianviz-bench.jar (and its lib/) when it is missing or older than the module's
# sources. Needs $root (the repository) and bin/jdk.sh sourced first.
# shellcheck shell=bash

# simianviz_bench_jar WORKDIR: prints the jar's path; returns 1 (the build's log tail on stderr,
# the whole log in WORKDIR/build.log) when the module does not build.
simianviz_bench_jar() {
  local jar="$root/bench/target/simianviz-bench.jar"
  if [ ! -f "$jar" ] ||
    [ -n "$(find "$root/pom.xml" "$root/bench/pom.xml" "$root/bench/src" -newer "$jar" -print -quit)" ]; then
    echo "bench: building the bench module (bench/target/simianviz-bench.jar)..." >&2
    if ! (cd "$root" && ./mvnw -q -B package -pl bench -Dspotless.apply.skip -Dspotless.check.skip \
      >"$1/build.log" 2>&1); then
      tail -30 "$1/build.log" >&2
      return 1
    fi
  fi
  echo "$jar"
}
