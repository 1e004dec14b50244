#!/usr/bin/env bash
# Download throughput of the camera agent over loopback, two clients of the same agent in one run: the JDK's
# HttpClient (as the studio downloads) and curl. Starts `./timelapse camera run` (the launcher's small-board JVM
# flags) with a fresh home on 127.0.0.1, opens its pairing window with `./timelapse camera pair`, then runs
# studio.timelapse.bench.agent.DownloadThroughput, which pairs, has the synthetic camera take frames of each size,
# checks them once, and downloads them round after round, Java and curl in turn. Output goes to
# bench/results/agent-download-<UTC time>/ with machine.txt. See docs/benchmarks.md.
# It builds first (niced), then takes /tmp/bench.lock (the machine-wide benchmark lock, docs/benchmarks.md) for the
# measurement only: do not wrap it in another flock of the same file.
#   bench/agent-download.sh [rounds=5] [sizes=1920x1080:40,560x315:120]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-5}"
sizes="${2:-1920x1080:40,560x315:120}"

nice -n 15 ./timelapse version > /dev/null            # builds the agent's jar first if needed
nice -n 15 ./mvnw -B -q -pl bench -am package -DskipTests
exec 9> /tmp/bench.lock
echo "waiting for /tmp/bench.lock..." >&2
flock 9

out="bench/results/agent-download-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
home="$(mktemp -d)"
agent=""
trap '[ -n "$agent" ] && kill "$agent" 2>/dev/null; rm -rf "$home"' EXIT

# The launcher execs java, so $! is the agent's JVM.
TIMELAPSE_CAMERA_HOME="$home" ./timelapse camera run --host 127.0.0.1 --port 0 > "$home/agent.out" 2>&1 &
agent=$!
for _ in $(seq 1 240); do
    grep -q "on https port" "$home/agent.out" && break
    kill -0 "$agent" 2>/dev/null || { echo "the agent did not start:"; cat "$home/agent.out"; exit 1; }
    sleep 0.5
done
port="$(sed -n 's/.* on https port \([0-9]*\)$/\1/p' "$home/agent.out")"
[ -n "$port" ] || { echo "the agent did not say its port:"; cat "$home/agent.out"; exit 1; }
code="$(TIMELAPSE_CAMERA_HOME="$home" ./timelapse camera pair | sed -n 's/^  code *//p' | tr -dc '0-9')"

{
    echo "nproc: $(nproc)"
    lscpu | grep -E '^Model name' || true
    java -version 2>&1
    curl --version | head -1
    echo "kernel: $(uname -srm)"
    echo "agent JVM: $(tr '\0' ' ' < "/proc/$agent/cmdline")"
    echo "commit: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- camera bench shared || echo ' (with uncommitted changes)')"
    echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$out/machine.txt"

java -cp bench/target/benchmarks.jar studio.timelapse.bench.agent.DownloadThroughput --port "$port" --code "$code" \
    --certificate "$home/identity/agent-cert.pem" --agent-pid "$agent" --clock-ticks "$(getconf CLK_TCK)" \
    --rounds "$rounds" --sizes "$sizes" --out "$out"

echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/machine.txt"
echo "Results: $out"
