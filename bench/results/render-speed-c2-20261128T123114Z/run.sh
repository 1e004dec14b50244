#!/bin/bash
cd /work/wt-render-speed
echo "start $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg) commit $(git rev-parse --short HEAD)"
T4="-XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=6000 -XX:Tier4CompileThreshold=150000 -XX:Tier4BackEdgeThreshold=400000"
l0=$(cut -d' ' -f1 /proc/loadavg)
/usr/bin/time -f "ffmpeg-issue %e wall %U user %S sys" -o /tmp/rs/ab.time ffmpeg -nostdin -hide_banner -nostats -y -framerate 25 -i /tmp/rs/src/frame-%05d.jpg -vf scale=1920:-2 -c:v libx264 -preset veryfast -crf 20 /tmp/rs/ab-ffmpeg.mp4 >/dev/null 2>&1
echo "$(cat /tmp/rs/ab.time) load $l0 -> $(cut -d' ' -f1 /proc/loadavg)"
for round in 1 2; do
for v in A B; do
  opt=""; [ $v = B ] && opt="$T4"
  rm -rf /tmp/rs/hab
  l0=$(cut -d' ' -f1 /proc/loadavg)
  TIMELAPSE_HOME=/tmp/rs/hab JAVA_OPTS="$opt" /usr/bin/time -f "$v %e wall %U user %S sys" -o /tmp/rs/ab.time ./timelapse render /tmp/rs/src -o /tmp/rs/ab-$v.mp4 --encoder x264 >/dev/null 2>&1
  echo "$(cat /tmp/rs/ab.time) load $l0 -> $(cut -d' ' -f1 /proc/loadavg)"
done
done
echo "end $(date -u +%H:%M:%S)"
