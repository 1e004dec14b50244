#!/usr/bin/env bash
# The studio window's benchmarks, on a real X display (Xvfb; the script starts itself under xvfb-run when DISPLAY
# is unset), JavaFX rendering for real (not Monocle):
#   1. launch: `./timelapse studio` on a fresh studio home, RUNS times, from the process start to an interactive
#      window (the first pulse after the stage is shown: studio:ui:ready in the studio's log), interleaved with the
#      reference, an empty JavaFX window measured the same way (bench/…/ui/EmptyWindowLaunch); then the same launch on
#      the library of FRAMES frames;
#   2. scrolling: the Library screen's grid through FRAMES thumbnails (bench/…/ui/LibraryGridScroll): pulses, rendered
#      frames per second, dropped frames, process CPU.
# The library (FRAMES frames over 4 cameras, real JPEG thumbnails; bench/…/library/SyntheticLibrary) is built once
# in $TMPDIR/timelapse-bench-library-FRAMES and reused. Measuring holds /tmp/bench.lock (one benchmark at a time on
# the machine); building does not. Output: bench/results/studio-window-<UTC time>/ (machine.txt with the load before
# and after). See docs/benchmarks.md ("Studio window").
# Usage: bench/run-studio-window.sh       RUNS (default 5), FRAMES (default 100000), SCROLL_S (20), SCROLL_PX_S (2000),
#        PARTS ("launch scroll": either or both), SCROLL_JAVA_OPTS (extra JVM options for the scroll, e.g. a JFR
#        recording: -XX:StartFlightRecording=filename=scroll.jfr,settings=profile)
set -euo pipefail

cd "$(dirname "$0")/.."
# The studio looks for cameras on the LAN (mDNS) and the synthetic library's cameras have addresses: measured in a
# network namespace with only loopback, as the tests run, nothing leaves the machine.
if [ -z "${TIMELAPSE_BENCH_NETNS:-}" ]; then
    export TIMELAPSE_BENCH_NETNS=1
    exec unshare -n -- bash -c 'ip link set lo up && exec "$0" "$@"' "$0" "$@"
fi
if [ -z "${DISPLAY:-}" ]; then
    exec xvfb-run -a -s "-screen 0 1920x1080x24" "$0" "$@"
fi
runs="${RUNS:-5}"
frames="${FRAMES:-100000}"
scroll_s="${SCROLL_S:-20}"
scroll_px_s="${SCROLL_PX_S:-2000}"
parts="${PARTS:-launch scroll}"
library="${TMPDIR:-/tmp}/timelapse-bench-library-$frames"

nice -n 15 ./mvnw -B -q -o -pl desktop,camera,bench -am package -DskipTests
touch desktop/target/timelapse-desktop.jar camera/target/timelapse-camera.jar   # ./timelapse must not rebuild
jar=bench/target/benchmarks.jar

out="bench/results/studio-window-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
{
    echo "nproc: $(nproc)"
    lscpu | grep -E '^Model name' || true
    java -version 2>&1
    echo "kernel: $(uname -srm)"
    echo "display: $DISPLAY ($(xdpyinfo 2>/dev/null | grep -E 'dimensions|depth of root' | tr -s ' ' | paste -sd ';' || echo 'xdpyinfo missing'))"
    echo "commit: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- desktop bench || echo ' (with uncommitted changes)')"
} > "$out/machine.txt"

if [ ! -f "$library/library.sqlite" ]; then
    nice -n 15 java -cp "$jar" studio.timelapse.bench.library.SyntheticLibrary "$library" "$frames" 2>&1 \
        | tee "$out/library-build.txt"
fi

# One launch of the studio: its home fresh, its ready message read from its log, then it is stopped.
studio_launch() {
    local label="$1"; shift
    local home started pid line
    home="$(mktemp -d "${TMPDIR:-/tmp}/timelapse-bench-home-XXXXXX")"
    started="$(date +%s%N)"
    TIMELAPSE_HOME="$home" ./timelapse studio "$@" > "$home/console.txt" 2>&1 &
    pid=$!
    for _ in $(seq 1 1200); do
        line="$(grep -h '"studio:ui:ready"' "$home"/logs/studio*.jsonl 2>/dev/null | head -1 || true)"
        [ -n "$line" ] && break
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.05
    done
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    if [ -z "$line" ]; then
        echo "$label: no studio:ui:ready (see $home/console.txt)"; cat "$home/console.txt"; return 1
    fi
    python3 - "$label" "$started" "$line" <<'EOF'
import json, sys
label, started, line = sys.argv[1], int(sys.argv[2]), json.loads(sys.argv[3])
wall = line["timestamp"] * 1000 - started / 1e6
print(f"{label}: ready {line['since_process_start_ms']} ms after the JVM started (stage shown at "
      f"{line['shown_since_process_start_ms']} ms), {wall:.0f} ms after ./timelapse was started; "
      f"process CPU by then {line['process_cpu_ms']} ms")
EOF
    rm -rf "$home"
}

reference_launch() {
    java -cp "$jar" studio.timelapse.bench.ui.EmptyWindowLaunch 2>/dev/null | sed 's/^ready/empty JavaFX window: ready/'
}

measure_launch() {
    # The first launch of each warms the disk cache (jars, JDK); it is reported but not the record.
    studio_launch "studio, warm-up"; reference_launch
    for n in $(seq 1 "$runs"); do
        studio_launch "studio, fresh home, run $n"
        reference_launch
    done
    for n in $(seq 1 "$runs"); do
        studio_launch "studio on the $frames-frame library, run $n" --library "$library"
    done
}

measure_scroll() {
    # shellcheck disable=SC2086 # SCROLL_JAVA_OPTS is a list of options
    java -Xmx1g -Dprism.verbose=true ${SCROLL_JAVA_OPTS:-} -cp "$jar" studio.timelapse.bench.ui.LibraryGridScroll \
        "$library" "$scroll_s" "$scroll_px_s" 2>&1 | grep -v -E '^\s*$|^(WARNING|Nov|[A-Z][a-z]{2} [0-9]+, )'
}

measure() {
    echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/machine.txt"
    if [[ " $parts " == *" launch "* ]]; then
        measure_launch
        echo "load between: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/machine.txt"
    fi
    if [[ " $parts " == *" scroll "* ]]; then
        measure_scroll
    fi
    echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/machine.txt"
}

# Measuring only under the machine-wide lock (the same as `flock /tmp/bench.lock …`).
exec 9>/tmp/bench.lock
flock 9
measure 2>&1 | tee "$out/results.txt"
flock -u 9
echo "Results: $out"
