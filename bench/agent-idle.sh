#!/usr/bin/env bash
# Idle footprint of the camera agent as the launcher runs it (small-board JVM flags): starts
# `./timelapse camera run` on loopback with a fresh home, lets it settle, then samples its resident memory and CPU use;
# then stops it and starts it again on the same home (the usual case: a Pi restarts an agent whose identity, database
# and class archive exist) and samples again. Prints one line per start; see docs/benchmarks.md.
#   bench/agent-idle.sh [settle_seconds=30] [sample_seconds=60]
# JAVA_OPTS and MALLOC_ARENA_MAX reach the agent's JVM through the launcher (JAVA_OPTS after its own flags), so a
# flag can be tried without editing the launcher.
set -euo pipefail
cd "$(dirname "$0")/.."
settle="${1:-30}"
sample="${2:-60}"
home="$(mktemp -d)"
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$home"' EXIT
./timelapse version > /dev/null   # builds the jars first if needed
hz="$(getconf CLK_TCK)"
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
status() { awk -v k="$2" '$1 == k":" {print $2}' "/proc/$1/status"; }

measure() {
    local start="$1"
    # The launcher execs java, so $! is the agent's JVM.
    TIMELAPSE_CAMERA_HOME="$home" ./timelapse camera run --host 127.0.0.1 --port 0 > "$home/agent.out" 2>&1 &
    pid=$!
    # Settle counts from when the agent is up: on a loaded machine a JVM start alone can take a minute.
    local waited=0
    until grep -q "on https port" "$home/agent.out"; do
        kill -0 "$pid" 2>/dev/null || { echo "the agent did not start:"; cat "$home/agent.out"; exit 1; }
        [ "$waited" -lt 600 ] || { echo "the agent did not start in 300 s"; exit 1; }
        sleep 0.5
        waited=$((waited + 1))
    done
    sleep "$settle"
    local before after rss cpu
    before="$(ticks "$pid")"
    sleep "$sample"
    after="$(ticks "$pid")"
    rss="$(status "$pid" VmRSS)"
    cpu="$(awk -v t=$((after - before)) -v hz="$hz" -v s="$sample" 'BEGIN {printf "%.2f", 100 * t / hz / s}')"
    printf "agent idle (%s) %ss after start: RSS %d MiB (anon %d, file %d), %d threads, CPU %s%% over %ss (load %s)\n" \
        "$start" "$settle" $((rss / 1024)) $(($(status "$pid" RssAnon) / 1024)) $(($(status "$pid" RssFile) / 1024)) \
        "$(status "$pid" Threads)" "$cpu" "$sample" "$(cut -d' ' -f1-3 /proc/loadavg)"
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    pid=""
}

echo "JVM: $(java -version 2>&1 | head -1); JAVA_OPTS=${JAVA_OPTS:-}; MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-}"
measure "first start"
measure "restart"
