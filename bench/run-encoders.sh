#!/usr/bin/env bash
# Builds the studio and runs the encoder benchmark (docs/benchmarks.md, "Encoders"): every encoder on the same 300
# frames of 1080p (the synthetic camera's JPEGs, decoded once to raw RGB), timed to a finished MP4, then compared with
# the source by ffmpeg (SSIM, PSNR); beside them JCodec as it comes and the ffmpeg command line with x264.
# Output goes to bench/results/encoders-<UTC time>/: results.md (the table), machine.txt, load.txt.
#
#   bench/run-encoders.sh              the recorded run (speed)
#   bench/run-encoders.sh quality      the quality ladder behind the quality setting (docs/rendering.md)
#
# The frames are kept in bench/target/encoder-frames/ between runs (about 2 GB with the raw file). Needs ffmpeg on
# PATH. Run it on an otherwise idle machine: the load is recorded, and CPU time per frame is reported beside wall time.
set -euo pipefail

cd "$(dirname "$0")/.."
mode="${1:-speed}"
count="${COUNT:-300}"
./mvnw -B -q -pl desktop -am verify -DskipTests

out="bench/results/encoders-$mode-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
{
    echo "nproc: $(nproc)"
    lscpu | grep -E '^Model name' || true
    free -h
    java -version 2>&1
    ffmpeg -version | head -1
    echo "kernel: $(uname -srm)"
    echo "commit: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . 2>/dev/null || echo ' (with uncommitted changes)')"
    echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$out/machine.txt"

( while true; do echo "$(date -u +%H:%M:%S) $(cut -d' ' -f1-3 /proc/loadavg)"; sleep 10; done ) > "$out/load.txt" &
sampler=$!
trap 'kill $sampler 2>/dev/null || true' EXIT

java -Xms2g -Xmx2g -cp "desktop/target/test-classes:desktop/target/classes:desktop/target/lib/*" \
    studio.timelapse.desktop.render.encode.bench.EncoderBenchmark \
    bench/target/encoder-frames "$out/work" "$count" "$mode" | tee "$out/results.md"

echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/machine.txt"
rm -rf "$out/work"
echo "results in $out"
