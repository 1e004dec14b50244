#!/usr/bin/env bash
# Builds bench/target/benchmarks.jar, builds (once) a synthetic library of FRAMES frames (default 1,000,000) in
# $TMPDIR/timelapse-bench-library-FRAMES through the library's public API — timing the batched inserts and ingest
# results — and runs the library query benchmarks on it. Output goes to bench/results/library-<UTC time>/ with
# machine.txt (machine, load before and after). The queries run at normal priority under the machine's benchmark
# lock (flock /tmp/bench.lock); JMH's sample mode gives wall-time percentiles, CpuTimeProfiler the CPU time per
# query. See docs/benchmarks.md ("Studio library"). Extra JMH options are
# appended (e.g. -wi 1 -i 2 for a quick look; not for the record). FOLDER=DIR measures the library in DIR instead
# (a copy, say); COLD=1 drops the library's file from the kernel's page cache first (dd iflag=nocache, this file only),
# so the queries read from the disk what they have not read before.
set -euo pipefail

cd "$(dirname "$0")/.."
frames="${FRAMES:-1000000}"
folder="${FOLDER:-${TMPDIR:-/tmp}/timelapse-bench-library-$frames}"
nice -n 15 ./mvnw -B -q -pl bench -am package -DskipTests

out="bench/results/library-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
{
    echo "nproc: $(nproc)"
    lscpu | grep -E '^Model name' || true
    java -version 2>&1
    echo "kernel: $(uname -srm)"
    df -hT "${TMPDIR:-/tmp}"
    echo "commit: $(git rev-parse --short HEAD)"
    echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$out/machine.txt"

if [ ! -f "$folder/library.sqlite" ]; then
    # Building is not the measurement: at low priority, outside the benchmark lock (its rates are only indicative).
    nice -n 10 java -cp bench/target/benchmarks.jar studio.timelapse.bench.library.SyntheticLibrary "$folder" "$frames" \
        2>&1 | tee "$out/build.txt"
else
    # A library built by an earlier version is migrated here, outside the lock (a million frames: about 2 minutes,
    # once); opening an up-to-date one is instant.
    nice -n 10 java -cp bench/target/benchmarks.jar studio.timelapse.bench.library.MigrateLibrary "$folder" \
        2>&1 | tee "$out/migrate.txt"
fi
if [ "${COLD:-0}" = 1 ]; then
    dd if="$folder/library.sqlite" iflag=nocache count=0 status=none
    echo "page cache: library.sqlite dropped before measuring (COLD=1)" >> "$out/machine.txt"
fi
flock /tmp/bench.lock java -jar bench/target/benchmarks.jar 'studio\.timelapse\.bench\.library\.LibraryQueryBenchmark\.' -t 1 \
    -p frames="$frames" -p folder="$folder" -prof studio.timelapse.bench.CpuTimeProfiler -rf json -rff "$out/queries.json" "$@" 2>&1 | tee "$out/queries.txt"

echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/machine.txt"
echo "Results: $out"
