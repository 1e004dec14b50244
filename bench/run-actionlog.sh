#!/usr/bin/env bash
# Builds bench/target/benchmarks.jar and runs the action-log benchmarks (file sink, 1 thread then 2 threads) with a
# fixed command line. Output goes to bench/results/actionlog-<UTC time>/: the JMH text and JSON (-rf json) of each
# run, machine.txt (the machine and its load before and after) and load.txt (the load average during the runs). Besides operations and messages per second
# it reports CPU time per operation (studio.timelapse.bench.CpuTimeProfiler), which a busy machine disturbs far less.
# See docs/benchmarks.md.
#
#   bench/run-actionlog.sh                 the recorded run
#   bench/run-actionlog.sh -prof gc        extra JMH options are appended to both runs (for profiling; not recorded)
#
# Benchmarks are never run by the build or the tests. Run this on an otherwise idle machine: a parallel build
# skews the numbers (machine.txt keeps the load average and the busiest processes to tell).
set -euo pipefail

cd "$(dirname "$0")/.."
./mvnw -B -q -pl bench -am package -DskipTests

out="bench/results/actionlog-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"

machine() {
    echo "== $1: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "busiest processes:"
    ps -eo pcpu,etime,args --sort=-pcpu | head -6 | cut -c1-160
}

{
    echo "nproc: $(nproc)"
    lscpu | grep -E '^Model name' || true
    free -h
    java -version 2>&1
    echo "kernel: $(uname -srm)"
    tmp="$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.io.tmpdir = //p')"
    echo "java.io.tmpdir: ${tmp:-/tmp}"
    df -hT "${tmp:-/tmp}"
    echo "commit: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . 2>/dev/null || echo ' (with uncommitted changes)')"
    machine before
} > "$out/machine.txt"

# The load average every 10 s while the benchmarks run: other processes on the machine skew throughput.
(while :; do echo "$(date -u +%H:%M:%S) $(cut -d' ' -f1-3 /proc/loadavg)"; sleep 10; done) > "$out/load.txt" &
sampler=$!
trap 'kill "$sampler" 2>/dev/null || true' EXIT

for threads in 1 2; do
    java -jar bench/target/benchmarks.jar 'studio\.timelapse\.bench\.actionlog\.ActionLogBenchmark\.' \
        -t "$threads" -prof studio.timelapse.bench.CpuTimeProfiler -rf json -rff "$out/actionlog-t$threads.json" "$@" \
        2>&1 | tee "$out/actionlog-t$threads.txt"
done

machine after >> "$out/machine.txt"
echo "Results: $out"
