#!/usr/bin/env bash
# Builds bench/target/benchmarks.jar (at low priority) and runs the ingest benchmarks under the machine's benchmark
# lock (flock /tmp/bench.lock): the ingest job end to end (IngestJobRate: 240 synced 12-megapixel frames in a library
# on disk, 2 threads, 3 rounds), then 4056x3040 JPEGs analysed per second with 1 and 2 threads (JMH), next to
# ImageIO's full and subsampled decodes of the same files. Output goes to bench/results/ingest-<UTC time>/ with
# machine.txt (machine, commit, load before and after). See docs/benchmarks.md (Ingest).
# Extra JMH options are appended (e.g. -wi 1 -i 2 for a quick look; not for the record).
#
# INGEST_NICE (e.g. -15) runs the benchmark JVM at that scheduling priority (needs root): on a machine shared with
# other builds, the benchmark threads then get their cores (cpu.worker.util near 1) and the rate says what the code
# does, not how busy the machine was. The priority is recorded with the results.
set -euo pipefail

cd "$(dirname "$0")/.."
nice -n 15 ./mvnw -B -q -pl bench -am package -DskipTests

out="bench/results/ingest-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
{
    echo "nproc: $(nproc)"
    lscpu | grep -E '^Model name' || true
    java -version 2>&1
    echo "kernel: $(uname -srm)"
    df -hT "${TMPDIR:-/tmp}"
    echo "commit: $(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo ' (with uncommitted changes)')"
    echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$out/machine.txt"

nice_prefix=()
if [[ -n "${INGEST_NICE:-}" ]]; then
    nice_prefix=(nice -n "$INGEST_NICE")
fi
echo "scheduling priority: nice ${INGEST_NICE:-0}" >> "$out/machine.txt"

flock /tmp/bench.lock "${nice_prefix[@]}" java -Xms1g -Xmx1g -cp bench/target/benchmarks.jar \
    studio.timelapse.bench.ingest.IngestJobRate 240 2 3 2>&1 | grep -v '^\s*$' | tee "$out/ingest-job.txt"
echo "load after the job: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/machine.txt"

for threads in 1 2; do
    flock /tmp/bench.lock "${nice_prefix[@]}" java -jar bench/target/benchmarks.jar 'studio\.timelapse\.bench\.ingest\.IngestBenchmark\.' -t "$threads" \
        -prof studio.timelapse.bench.CpuTimeProfiler \
        -rf json -rff "$out/ingest-t$threads.json" "$@" 2>&1 | tee "$out/ingest-t$threads.txt"
    echo "load after $threads thread(s): $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/machine.txt"
done

echo "Results: $out"
