#!/bin/bash
# A/B: ./timelapse render of the 300 bench frames, x264, base vs new, alternating. Usage: ab-render.sh ROUNDS LABEL_A DIR_A LABEL_B DIR_B
rounds=$1; shift
A="$1 $2"; B="$3 $4"
frames=/work/main/bench/target/render-frames
out=/tmp/ab-$(date -u +%H%M%S); mkdir -p $out
timeline() { python3 - "$1" <<'PY'
import json,sys
msgs=[json.loads(l) for l in open(sys.argv[1])]
t0=min(m['timestamp'] for m in msgs)
out=[]
for m in msgs:
    t=m.get('action_type') or ''
    if t.endswith('render:frames'):
        out.append("%s%.1f" % ('+' if m['action_status']=='started' else '-', m['timestamp']-t0))
print(' '.join(out))
PY
}
for pair in "$A" "$B"; do set -- $pair; w=$(mktemp -d); for f in $(ls $frames | head -2); do ln -s $frames/$f $w/$f; done
  (cd $2 && TIMELAPSE_HOME=$w/home ./timelapse render $w -o $w/o.mp4 --encoder x264 >/dev/null 2>&1); rm -rf $w; done
for r in $(seq $rounds); do
  for pair in "$A" "$B"; do set -- $pair
    h=$(mktemp -d)
    l0=$(cut -d' ' -f1 /proc/loadavg)
    (cd $2 && flock /tmp/bench.lock env TIMELAPSE_HOME=$h/home /usr/bin/time -f '%e %U %S' -o $out/$1-$r.time ./timelapse render $frames -o $h/o.mp4 --encoder x264 >/dev/null 2>&1)
    echo "$1 round $r: $(cat $out/$1-$r.time) load $l0 -> $(cut -d' ' -f1 /proc/loadavg) | $(timeline $h/home/logs/cli.jsonl) | $(md5sum < $h/o.mp4 | cut -c1-8)" | tee -a $out/summary.txt
    rm -rf $h
  done
done
