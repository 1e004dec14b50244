#!/usr/bin/env bash
# Idle footprint of the camera agent as the launcher runs it (small-board JVM flags): starts
# `./timelapse camera run` on loopback with a fresh home, lets it settle, then samples its resident memory (VmRSS)
# and CPU use over a quiet minute. Prints one line; see docs/benchmarks.md.
#   bench/agent-idle.sh [settle_seconds=30] [sample_seconds=60]
set -euo pipefail
cd "$(dirname "$0")/.."
settle="${1:-30}"
sample="${2:-60}"
home="$(mktemp -d)"
pid=""
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$home"' EXIT
./timelapse version > /dev/null   # builds the jars first if needed
TIMELAPSE_CAMERA_HOME="$home" ./timelapse camera run --host 127.0.0.1 --port 0 > "$home/agent.out" 2>&1 &
launcher=$!
sleep "$settle"
pid="$(pgrep -f "timelapse-camera.jar run" | head -1)"
[ -n "$pid" ] || { echo "the agent did not start:"; cat "$home/agent.out"; exit 1; }
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
hz="$(getconf CLK_TCK)"
before="$(ticks "$pid")"
sleep "$sample"
after="$(ticks "$pid")"
rss_kb="$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")"
cpu="$(awk -v t=$((after - before)) -v hz="$hz" -v s="$sample" 'BEGIN {printf "%.2f", 100 * t / hz / s}')"
echo "agent idle after ${settle}s: RSS $((rss_kb / 1024)) MiB, CPU ${cpu}% over ${sample}s (load $(cut -d' ' -f1-3 /proc/loadavg))"
kill "$launcher" 2>/dev/null || true
