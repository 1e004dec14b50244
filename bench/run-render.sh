#!/usr/bin/env bash
# The render benchmark of issue #6 part 4 (docs/benchmarks.md, "Render: 12 MP JPEGs to 1080p beside ffmpeg"):
#
#   bench/run-render.sh [speed]     COUNT (300) frames of 4056x3040 JPEGs to 1080p at 25 fps, in one run, interleaved
#                                   ROUNDS (1) times: the issue's ffmpeg command, the same with our geometry, and
#                                   './timelapse render DIR --encoder x264' and '--encoder jcodec' (the real command
#                                   line, a fresh studio home each); wall and CPU time, SSIM and size of each.
#                                   Even rounds run them in reverse order; ONLY="ffmpeg-issue x264" runs only those
#   bench/run-render.sh heap        a long render (HEAP_FRAMES, 10000, cycling the frames) at HEAP_SIZE (2160p) with
#                                   x264 in a 1 GB heap (-Xmx1g), its garbage collections logged: the heap after GC;
#                                   HEAP_UNLOCKED=1 runs it at nice 19 without the benchmark lock (its times then mean little)
#   bench/run-render.sh pipeline    the frame pipeline alone (decode + scale (+ deflicker), each decoder, 1 and 2
#                                   threads): where a frame's CPU time goes before the encoder
#
# The frames are generated once (the synthetic camera's dawn at 12 MP, ~4 MB each) into bench/target/render-frames.
# Measurements hold /tmp/bench.lock (one benchmark at a time on the machine). Output goes to
# bench/results/render-<mode>-<UTC time>/: results.md, machine.txt, load.txt and the raw timings.
set -euo pipefail

cd "$(dirname "$0")/.."
root=$PWD
mode="${1:-speed}"
count="${COUNT:-300}"
rounds="${ROUNDS:-1}"
frames="$root/bench/target/render-frames"
bench_jar="$root/bench/target/benchmarks.jar"
[ -n "${SKIP_BUILD:-}" ] || ./mvnw -B -q -pl bench -am package -DskipTests
# The launcher rebuilds when a source is newer than its jar (Maven leaves a jar alone when its classes did not
# change); let it do so now, not inside the first timed render.
./timelapse version > /dev/null

java -Xmx2g -cp "$bench_jar" studio.timelapse.bench.render.RenderPipelineBench generate "$frames" "$count" | tail -1

# The launcher makes its class archive for 'render' at the end of the first render after a build (docs/rendering.md,
# "Start-up"), as an installed studio has it after its first render: let a two-frame render make it now, untimed,
# rather than the first timed one.
warmup=$(mktemp -d)
mapfile -t first < <(ls "$frames" | grep '\.jpg$' | sort | head -n 2)
for f in "${first[@]}"; do ln -s "$frames/$f" "$warmup/$f"; done
TIMELAPSE_HOME="$warmup/home" ./timelapse render "$warmup" -o "$warmup/out.mp4" --encoder x264 > /dev/null
rm -rf "$warmup"

out="$root/bench/results/render-$mode-$(date -u +%Y%m%dT%H%M%SZ)"
work="$out/work"
mkdir -p "$work"
{
    echo "nproc: $(nproc)"
    lscpu | grep -E '^Model name|^Hypervisor' || true
    free -h | head -2
    java -version 2>&1
    ffmpeg -version | head -1
    echo "kernel: $(uname -srm)"
    echo "commit: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- desktop bench 2>/dev/null \
        || echo ' (with uncommitted changes)')"
    echo "frames: $count of $(du -sh "$frames" | cut -f1) in $frames"
    echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$out/machine.txt"

( while true; do echo "$(date -u +%H:%M:%S) $(cut -d' ' -f1-3 /proc/loadavg)"; sleep 10; done ) > "$out/load.txt" &
sampler=$!
trap 'kill $sampler 2>/dev/null || true' EXIT

# A folder holding exactly the frames of this run, named frame-00000.jpg on (links to the generated files).
link_frames() { # FOLDER N
    mkdir -p "$1"
    local files i
    mapfile -t files < <(ls "$frames" | grep '\.jpg$' | sort | head -n "$count")
    for ((i = 0; i < $2; i++)); do
        ln -sf "$frames/${files[i % ${#files[@]}]}" "$(printf '%s/frame-%05d.jpg' "$1" "$i")"
    done
}

# Runs NAME COMMAND...: wall, user and system seconds of the command and its children, and the load around it.
timed() {
    local name=$1
    shift
    local before
    before=$(cut -d' ' -f1 /proc/loadavg)
    /usr/bin/time -f "%e %U %S" -o "$work/$name.time" "$@" > "$work/$name.out" 2>&1 \
        || { echo "$name failed:"; tail -20 "$work/$name.out"; exit 1; }
    echo "$name $(cat "$work/$name.time") $before $(cut -d' ' -f1 /proc/loadavg)" >> "$out/timings.txt"
}

# SSIM (ffmpeg's ssim filter, "All", over R, G and B) of VIDEO's picture (its crop CROP=w:h:x:y) against the source
# JPEGs scaled to w x h by swscale's Lanczos with accurate rounding and full chroma interpolation, both as gbrp.
ssim() { # VIDEO W H X Y
    nice -n 10 ffmpeg -nostdin -hide_banner -nostats -i "$1" -framerate 25 -i "$source/frame-%05d.jpg" -lavfi \
        "[0:v]crop=$2:$3:$4:$5,format=gbrp[a];[1:v]scale=$2:$3:flags=lanczos+accurate_rnd+full_chroma_int,format=gbrp[b];[a][b]ssim" \
        -f null - 2>&1 | grep -o 'All:[0-9.]*' | cut -d: -f2
}

speed() {
    source="$work/source"
    link_frames "$source" "$count"
    local contestants=(ffmpeg-issue x264 ffmpeg-fit jcodec) order name
    for ((round = 1; round <= rounds; round++)); do
        # The machine's speed drifts over minutes: even rounds run the contestants in reverse order (ABBA), so none
        # is always first.
        order=("${contestants[@]}")
        if ((round % 2 == 0)); then
            order=()
            for ((i = ${#contestants[@]} - 1; i >= 0; i--)); do order+=("${contestants[i]}"); done
        fi
        for name in "${order[@]}"; do
            [[ " ${only:-${contestants[*]}} " == *" $name "* ]] || continue
            case "$name" in
                ffmpeg-issue) timed "ffmpeg-issue-$round" ffmpeg -nostdin -hide_banner -nostats -y -framerate 25 \
                    -i "$source/frame-%05d.jpg" -vf scale=1920:-2 -c:v libx264 -preset veryfast -crf 20 \
                    "$work/ffmpeg-issue-$round.mp4" ;;
                x264 | jcodec) timed "$name-$round" env TIMELAPSE_HOME="$work/home-$name-$round" ./timelapse render \
                    "$source" -o "$work/$name-$round.mp4" --encoder "$name" ;;
                ffmpeg-fit) timed "ffmpeg-fit-$round" ffmpeg -nostdin -hide_banner -nostats -y -framerate 25 \
                    -i "$source/frame-%05d.jpg" -vf scale=1440:1080,pad=1920:1080:240:0 -c:v libx264 -preset veryfast \
                    -crf 20 "$work/ffmpeg-fit-$round.mp4" ;;
            esac
        done
    done
}

heap() {
    local heap_frames="${HEAP_FRAMES:-10000}" size="${HEAP_SIZE:-2160p}"
    source="$work/source"
    link_frames "$source" "$heap_frames"
    timed "heap-x264-$size" env TIMELAPSE_HOME="$work/home-heap" \
        JAVA_OPTS="-Xmx1g -Xlog:gc:file=$out/gc.log:uptime" ./timelapse render "$source" \
        -o "$work/heap-$size.mp4" --encoder x264 --size "$size"
}

case "$mode" in
    speed)
        only="${ONLY:-}"
        flock /tmp/bench.lock bash -c "$(declare -f timed link_frames speed); $(declare -p root out work frames \
            count rounds only); speed"
        source="$work/source"
        {
            echo "| run | wall s | CPU s (user+sys) | frames/s | wall / ffmpeg (issue) | SSIM (RGB) | size MB | load (1 min) before → after |"
            echo "|---|---:|---:|---:|---:|---:|---:|---|"
            # Each run against the issue's ffmpeg command of its own round; SSIM once per distinct video (the
            # encoders are deterministic, so the rounds of one contestant write the same bytes).
            declare -A reference measured
            while read -r name wall _; do
                [[ "$name" == ffmpeg-issue-* ]] && reference[${name##*-}]=$wall
            done < "$out/timings.txt"
            while read -r name wall user sys load0 load1; do
                file="$work/$name.mp4"
                case "$name" in
                    ffmpeg-issue-*) # scale=1920:-2: the whole picture, as tall as the aspect makes it
                        geometry=(1920 "$(ffprobe -v error -show_entries stream=height -of csv=p=0 "$file")" 0 0) ;;
                    *) geometry=(1440 1080 240 0) ;; # 1080p fitted: a 1440x1080 picture between bars
                esac
                digest=$(md5sum < "$file" | cut -d' ' -f1)
                [ -n "${measured[$digest]:-}" ] || measured[$digest]=$(ssim "$file" "${geometry[@]}")
                printf '| %s | %.1f | %.1f | %.2f | %.2f | %s | %.1f | %s → %s |\n' "$name" "$wall" \
                    "$(echo "$user + $sys" | bc)" "$(echo "$count / $wall" | bc -l)" \
                    "$(echo "$wall / ${reference[${name##*-}]:-$wall}" | bc -l)" "${measured[$digest]}" \
                    "$(echo "$(stat -c %s "$file") / 1000000" | bc -l)" "$load0" "$load1"
            done < "$out/timings.txt"
        } | tee "$out/results.md"
        ;;
    heap)
        # HEAP_UNLOCKED=1: memory, not speed, is what this mode measures, so a run of hours may go at nice 19
        # beside the timed benchmarks instead of holding the lock for them all that time.
        if [ -n "${HEAP_UNLOCKED:-}" ]; then
            nice -n 19 bash -c "$(declare -f timed link_frames heap); $(declare -p root out work frames count); heap"
        else
            flock /tmp/bench.lock bash -c "$(declare -f timed link_frames heap); $(declare -p root out work frames \
                count); heap"
        fi
        {
            cat "$out/timings.txt"
            echo "max heap: $(grep -o 'Pause.*' "$out/gc.log" | grep -o '([0-9]*M)$' | sort -u | tr '\n' ' ')"
            echo "peak heap after GC: $(grep -o '[0-9]*M->[0-9]*M' "$out/gc.log" | sed 's/.*->//; s/M//' \
                | sort -n | tail -1) MiB over $(grep -c 'Pause' "$out/gc.log") pauses"
            echo "peak heap before GC: $(grep -o '[0-9]*M->[0-9]*M' "$out/gc.log" | sed 's/->.*//; s/M//' \
                | sort -n | tail -1) MiB"
            ffprobe -v error -show_entries stream=width,height,nb_frames -of compact "$work/heap-${HEAP_SIZE:-2160p}.mp4"
        } | tee "$out/results.md"
        ;;
    pipeline)
        flock /tmp/bench.lock java -Xms1g -Xmx1g -cp "$bench_jar" studio.timelapse.bench.render.RenderPipelineBench \
            throughput "$frames" 2>&1 | grep -v '^\[mjpeg' | tee "$out/results.md"
        ;;
    *) echo "usage: bench/run-render.sh [speed|heap|pipeline]" >&2; exit 2 ;;
esac

echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/machine.txt"
find "$work" -name '*.mp4' -delete
rm -rf "$work"/home-* "$work/source"
echo "results in $out"
