# Sourced by the benchmark scripts: bench_classpath SCRIPT NAME BUILD sets CP to the examples module's classes
# and runtime class path, compiling examples and the modules it needs first (reactor compile, nothing installed)
# when BUILD is 1 or the class path was never written. Run from the repository root.
bench_classpath() {
  local script=$1 name=$2 build=$3
  local cpfile
  cpfile="$(pwd)/examples/target/$name-classpath.txt"
  if [ "$build" = 1 ] || [ ! -f "$cpfile" ]; then
    echo "$script: building (reactor compile of examples and the modules it needs; nothing is installed)" >&2
    mvn -q -B -o -pl examples -am compile dependency:build-classpath -Dmdep.includeScope=runtime \
      -Dmdep.outputFile="$cpfile" >/dev/null
  fi
  CP="$(pwd)/examples/target/classes:$(cat "$cpfile")"
}
