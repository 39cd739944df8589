# Sourced by the repository's scripts: selects a JDK >= 21 and exports JAVA_HOME.
# Order: $JAVA_HOME when it is >= 21, else the newest JDK >= 21 beside the default `java`.
# shellcheck shell=bash

simianviz_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}

simianviz_select_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    local major
    major=$(simianviz_java_major "$JAVA_HOME")
    if [ "${major:-0}" -ge 21 ]; then
      return 0
    fi
  fi
  local default_java jvm_dir best="" best_major=0 candidate major
  default_java=$(readlink -f "$(command -v java 2>/dev/null || echo /usr/lib/jvm/default/bin/java)")
  jvm_dir=$(dirname "$(dirname "$(dirname "$default_java")")")
  [ -d "$jvm_dir" ] || jvm_dir=/usr/lib/jvm
  for candidate in "$jvm_dir"/*; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(simianviz_java_major "$candidate")
    if [ "${major:-0}" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best=$candidate
      best_major=$major
    fi
  done
  if [ -z "$best" ]; then
    echo "simianviz: no JDK >= 21 found (JAVA_HOME=${JAVA_HOME:-unset}, looked in $jvm_dir)." >&2
    echo "simianviz: install one (e.g. Temurin 21 or 25) or point JAVA_HOME at it." >&2
    return 1
  fi
  export JAVA_HOME=$best
}

simianviz_select_jdk || exit 1
export PATH="$JAVA_HOME/bin:$PATH"
