#!/usr/bin/env bash
# Idle footprint of the camera agent as the launcher runs it (small-board JVM flags): starts
# `./timelapse camera run` on loopback with a fresh home; with a capture mode, a studio (IdleStudio) pairs, has the
# synthetic camera take a few 640x360 frames, downloads them and leaves the capture running (one frame every 10 s)
# or stopped, then disconnects. After the settle time it samples the agent's resident memory (VmRSS of
# /proc/<pid>/status, with its anonymous and file-backed parts), thread count and CPU use. Then it stops the agent and
# starts it again on the same home (the usual case: a Pi restarts an agent whose identity, database and class archive
# exist; a running capture resumes), the studio pairs again and downloads, and it samples again. One line per start
# goes to stdout and to bench/results/agent-idle-<UTC time>/idle.txt; see docs/benchmarks.md. The launcher writes the
# class archive when the second run after a build stops: after a build, run this twice and keep the second.
#   bench/agent-idle.sh [settle_seconds=30] [sample_seconds=60] [capture=none|running|stopped]
# JAVA_OPTS and MALLOC_ARENA_MAX reach the agent's JVM through the launcher (JAVA_OPTS after its own flags), so a
# flag can be tried without editing the launcher. NMT=1 adds -XX:NativeMemoryTracking=summary and saves
# `jcmd VM.native_memory summary` of each start next to idle.txt.
# It builds first (niced), then takes /tmp/bench.lock (the machine-wide benchmark lock) for the measurement only: do
# not wrap it in another flock of the same file.
set -euo pipefail
cd "$(dirname "$0")/.."
settle="${1:-30}"
sample="${2:-60}"
capture="${3:-none}"
case "$capture" in none | running | stopped) ;; *) echo "capture is none, running or stopped" >&2; exit 2 ;; esac
home="$(mktemp -d)"
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$home"' EXIT
nice -n 15 ./timelapse version > /dev/null   # builds the jars first if needed
if [ "$capture" != none ]; then
    nice -n 15 ./mvnw -B -q -pl bench -am package -DskipTests
fi
if [ -n "${NMT:-}" ]; then
    export JAVA_OPTS="-XX:NativeMemoryTracking=summary ${JAVA_OPTS:-}"
fi
out="bench/results/agent-idle-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
exec 9> /tmp/bench.lock
flock 9
hz="$(getconf CLK_TCK)"
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
status() { awk -v k="$2" '$1 == k":" {print $2}' "/proc/$1/status"; }
say() { echo "$*" | tee -a "$out/idle.txt"; }

measure() {
    local start="$1" studio="$2"
    # The launcher execs java, so $! is the agent's JVM.
    TIMELAPSE_CAMERA_HOME="$home" ./timelapse camera run --host 127.0.0.1 --port 0 > "$home/agent.out" 2>&1 &
    pid=$!
    # Settle counts from when the agent is up (and the studio gone): on a loaded machine a JVM start alone can take
    # a minute.
    local waited=0
    until grep -q "on https port" "$home/agent.out"; do
        kill -0 "$pid" 2>/dev/null || { echo "the agent did not start:"; cat "$home/agent.out"; exit 1; }
        [ "$waited" -lt 600 ] || { echo "the agent did not start in 300 s"; exit 1; }
        sleep 0.5
        waited=$((waited + 1))
    done
    if [ "$capture" != none ]; then
        local port code
        port="$(sed -n 's/.* on https port \([0-9]*\)$/\1/p' "$home/agent.out")"
        code="$(TIMELAPSE_CAMERA_HOME="$home" ./timelapse camera pair | sed -n 's/^  code *//p' | tr -dc '0-9')"
        say "$(java -cp bench/target/benchmarks.jar studio.timelapse.bench.agent.IdleStudio --port "$port" \
            --code "$code" --capture "$studio" --interval 10 --frames 3)"
    fi
    sleep "$settle"
    local before after rss cpu
    before="$(ticks "$pid")"
    sleep "$sample"
    after="$(ticks "$pid")"
    rss="$(status "$pid" VmRSS)"
    # The launcher maps the class archive, writes it at this run's exit, or neither (the first run after a build).
    local archive
    archive="$(tr '\0' '\n' < "/proc/$pid/cmdline" | sed -n 's/^-XX:SharedArchiveFile=.*/mapped/p; s/^-XX:ArchiveClassesAtExit=.*/written at exit/p')"
    cpu="$(awk -v t=$((after - before)) -v hz="$hz" -v s="$sample" 'BEGIN {printf "%.2f", 100 * t / hz / s}')"
    say "$(printf "agent idle (%s, capture %s, class archive %s) %ss after start: RSS %d MiB (anon %d, file %d), %d threads, CPU %s%% over %ss (load %s)" \
        "$start" "$capture" "${archive:-none}" "$settle" $((rss / 1024)) $(($(status "$pid" RssAnon) / 1024)) \
        $(($(status "$pid" RssFile) / 1024)) "$(status "$pid" Threads)" "$cpu" "$sample" \
        "$(cut -d' ' -f1-3 /proc/loadavg)")"
    if [ -n "${NMT:-}" ]; then
        jcmd "$pid" VM.native_memory summary > "$out/nmt-${start// /-}.txt" 2>&1 || true
    fi
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    pid=""
}

# The agent runs the Java that the launcher picks: JAVA_HOME's, else the one on PATH.
say "JVM: $("${JAVA_HOME:+$JAVA_HOME/bin/}java" -version 2>&1 | head -1); JAVA_HOME=${JAVA_HOME:-}; JAVA_OPTS=${JAVA_OPTS:-}; MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-}"
say "commit: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- camera bench shared timelapse || echo ' (with uncommitted changes)'); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
measure "first start" "$capture"
measure "restart" keep
say "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
