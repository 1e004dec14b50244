#!/usr/bin/env bash
# Before/after of the thumbnail page, run whole under the bench lock by: flock /tmp/bench.lock /tmp/thumbs-bench.sh OUT
set -euo pipefail
out="$1"; mkdir -p "$out"
before_jar=/tmp/benchmarks-before-42b139b.jar
after_jar=/tmp/benchmarks-after-1318705.jar
before_dir=/tmp/timelapse-bench-library-1000000
after_dir=/tmp/timelapse-bench-library-1000000-v41
run() { # name jar dir cold [extra jmh args]
    local name=$1 jar=$2 dir=$3 cold=$4; shift 4
    if [ "$cold" = cold ]; then dd if="$dir/library.sqlite" iflag=nocache count=0 status=none; fi
    echo "$name: $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg) page cache: $cold" >> "$out/runs.txt"
    java -jar "$jar" 'studio\.timelapse\.bench\.library\.LibraryQueryBenchmark\.streamPageWithThumbnails' -t 1 \
        -p frames=1000000 -p folder="$dir" -prof studio.timelapse.bench.CpuTimeProfiler "$@" > "$out/$name.txt" 2>&1
    echo "$name: done $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/runs.txt"
}
run 1-before-cold "$before_jar" "$before_dir" cold
run 2-after-cold "$after_jar" "$after_dir" cold
run 3-before-again "$before_jar" "$before_dir" warm
run 4-after-again "$after_jar" "$after_dir" warm
run 5-after-cold-2 "$after_jar" "$after_dir" cold
run 6-before-cold-2 "$before_jar" "$before_dir" cold
run 7-after-cold-mmap "$after_jar" "$after_dir" cold -p mmapBytes=2147483648
