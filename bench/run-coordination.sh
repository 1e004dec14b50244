#!/usr/bin/env bash
# Builds bench/target/benchmarks.jar and runs the lock and job-checkpoint benchmarks (SQLite, as a program uses it):
# lock acquire+release pairs per second with 1 and 2 threads, and job checkpoints per second with 1 thread. Output
# goes to bench/results/coordination-<UTC time>/ with machine.txt (machine, load before and after). See
# docs/benchmarks.md. Extra JMH options are appended (e.g. -wi 1 -i 2 for a quick look; not for the record).
set -euo pipefail

cd "$(dirname "$0")/.."
./mvnw -B -q -pl bench -am package -DskipTests

out="bench/results/coordination-$(date -u +%Y%m%dT%H%M%SZ)"
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

for threads in 1 2; do
    java -jar bench/target/benchmarks.jar 'studio\.timelapse\.bench\.coordination\.LockBenchmark\.' -t "$threads" \
        -rf json -rff "$out/locks-t$threads.json" "$@" 2>&1 | tee "$out/locks-t$threads.txt"
done
java -jar bench/target/benchmarks.jar 'studio\.timelapse\.bench\.coordination\.JobCheckpointBenchmark\.' -t 1 \
    -rf json -rff "$out/jobs-t1.json" "$@" 2>&1 | tee "$out/jobs-t1.txt"

echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/machine.txt"
echo "Results: $out"
