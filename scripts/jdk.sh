# Sourced by ./tracedoc, ./run-tests and .ci/run: exports JAVA_HOME pointing at a JDK >= 21.
# Our machines default to JDK 17 with a newer JDK installed beside it, so the default `java` is not enough.

tracedoc_java_major() {
  # prints the feature version of the JDK at $1 (e.g. 25), or nothing when $1 holds no usable javac
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

tracedoc_find_jdk() {
  local candidate major
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  # newest first, so a machine with 21 and 25 builds on 25
  for candidate in $(ls -d /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* 2>/dev/null | sort -rV); do
    candidates+=("$candidate")
  done
  for candidate in "${candidates[@]}"; do
    major=$(tracedoc_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

if ! TRACEDOC_JDK=$(tracedoc_find_jdk); then
  echo "tracedoc: no JDK 21 or newer found (looked at JAVA_HOME, PATH and /usr/lib/jvm). Install one, or set JAVA_HOME." >&2
  exit 1
fi
export JAVA_HOME="$TRACEDOC_JDK"
export PATH="$JAVA_HOME/bin:$PATH"
