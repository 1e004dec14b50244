#!/usr/bin/env bash
# Sync throughput over loopback, compared in the same run with curl fetching the same files from the same agent:
# 1 MB frames and 100 KB frames, the same number of downloads at once for both. Builds the desktop module (at low
# priority), then runs studio.timelapse.desktop.sync.SyncBenchmarkMain (desktop test code: a real agent with the
# synthetic store, a real library, the real sync job) under the machine's benchmark lock (flock /tmp/bench.lock), at
# normal priority. Output goes to bench/results/sync-<UTC time>/ with machine.txt (machine, disks, commit, load
# before and after). See docs/benchmarks.md (Sync).
# Usage: bench/run-sync.sh [rounds] [library folder]
#   rounds          measurements of each (sync, then curl) per frame size; the best of each is reported (default 3)
#   library folder  where the libraries and curl's files go (default: a new folder under ${TMPDIR:-/tmp}, on disk;
#                   the agent's frames are always served from memory, /dev/shm, so the camera side is not the limit)
# SYNC_PARALLEL (default 4) sets the downloads at once for both; SYNC_JFR=1 records a JFR profile of each size
# (settings=profile) into the results folder.
set -euo pipefail

cd "$(dirname "$0")/.."
rounds="${1:-3}"
work="${2:-$(mktemp -d "${TMPDIR:-/tmp}/timelapse-sync-bench-XXXXXX")}"
parallel="${SYNC_PARALLEL:-4}"
agents="$(mktemp -d /dev/shm/timelapse-sync-bench-agent-XXXXXX)"
trap 'rm -rf "$agents"' EXIT

nice -n 15 ./mvnw -B -q -pl desktop -am package -DskipTests dependency:build-classpath \
    -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
cp="desktop/target/test-classes:desktop/target/classes:$(cat desktop/target/test-classpath.txt)"

out="bench/results/sync-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
{
    echo "nproc: $(nproc)"
    lscpu | grep -E '^Model name' || true
    java -version 2>&1
    curl --version | head -1
    echo "kernel: $(uname -srm)"
    echo "library and curl files on:"
    df -hT "$work"
    echo "commit: $(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo ' (with uncommitted changes)')"
    echo "parallel downloads: $parallel"
} > "$out/machine.txt"

run() {
    local name="$1" bytes="$2" frames="$3"
    local jfr=()
    if [[ -n "${SYNC_JFR:-}" ]]; then
        jfr=("-XX:StartFlightRecording=settings=profile,filename=$out/$name.jfr")
    fi
    echo "load before $name: $(uptime)" >> "$out/machine.txt"
    flock /tmp/bench.lock java -Xmx1g "${jfr[@]}" -cp "$cp" studio.timelapse.desktop.sync.SyncBenchmarkMain \
        "$work/$name" "$bytes" "$frames" "$parallel" "$rounds" "$agents/$name" 2>&1 | grep -v '^\s*$' \
        | tee "$out/$name.txt"
    echo "load after $name: $(uptime)" >> "$out/machine.txt"
}
run large 1000000 200
run small 100000 1000

rm -rf "$work"
echo "Results: $out"
