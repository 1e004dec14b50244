#!/usr/bin/env bash
# ab.sh LABEL N TREE...: N rounds, each a two-frame render by every TREE in turn (fresh TIMELAPSE_HOME each).
label=$1; n=$2; shift 2
out=/tmp/startup/$label.txt
{ echo "# $label $(date -u +%FT%TZ) load-before: $(cut -d' ' -f1-3 /proc/loadavg)"; for t in "$@"; do echo "# $t = $(git -C $t rev-parse --short HEAD) $(git -C $t status --short | wc -l) changed files"; done; } > "$out"
for i in $(seq 1 "$n"); do
  for t in "$@"; do
    home=$(mktemp -d /tmp/startup/home.XXXX)
    s=$(date +%s.%N)
    /usr/bin/time -f "%e %U %S" -o /tmp/startup/time.one env TIMELAPSE_HOME="$home" $t/timelapse render /tmp/startup/frames2 -o "$home/out.mp4" --encoder x264 > /dev/null 2>>/tmp/startup/$label.err
    e=$(date +%s.%N)
    echo "$(basename $t) $(cat /tmp/startup/time.one) $(python3 /tmp/startup/phases.py $s $home/logs/cli.jsonl $e)" >> "$out"
    cp "$home/out.mp4" /tmp/startup/$label.$(basename $t).out.mp4
    rm -rf "$home"
  done
done
echo "# load-after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out"
cat "$out"
python3 - "$out" <<'PY'
import sys,collections,statistics as st
d=collections.defaultdict(list)
for l in open(sys.argv[1]):
    if l.startswith('#'): continue
    f=l.split(); d[f[0]].append(f)
for k,v in d.items():
    wall=[float(x[1]) for x in v]; cpu=[float(x[2])+float(x[3]) for x in v]
    names=v[0][4::2]; cols=[[float(x[5+2*i]) for x in v] for i in range(len(names))]
    print(f"{k}: n={len(v)} wall mean {st.mean(wall):.2f} median {st.median(wall):.2f}; cpu mean {st.mean(cpu):.2f} median {st.median(cpu):.2f}; " + " ".join(f"{n} {st.median(c):.3f}" for n,c in zip(names,cols)))
PY
