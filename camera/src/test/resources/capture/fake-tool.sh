#!/bin/sh
# A stand-in for a camera tool (rpicam-still, gphoto2) in tests; see FakeTool.java.
#
# Its home is the folder above bin/. For a tool called NAME it reads:
#   NAME.options  the options the real tool takes, one "option kind" per line; kind is flag, value, or output
#                 (a value that names the file to write)
#   NAME.queue    what to do, one behaviour per run; the last line repeats
#   NAME.stdout   printed on a successful run (rpicam-still's --metadata output, gphoto2's messages)
#   frame.jpg     the JPEG a successful run writes
# and writes:
#   NAME.argv        "--- call" and then each argument on its own line, per run
#   NAME.unexpected  options the real tool would not know (the test fails on them)
#   NAME.pid, NAME.child.pid  while hanging: its own pid and its child's
set -u
home=$(cd "$(dirname "$0")/.." && pwd)
name=$(basename "$0")

printf '%s\n' "--- call" >> "$home/$name.argv"
for argument in "$@"; do
    printf '%s\n' "$argument" >> "$home/$name.argv"
done

refuse() {
    printf '%s\n' "$1" >> "$home/$name.unexpected"
    printf "ERROR: *** unrecognised option '%s' ***\n" "$1" >&2
    exit 255
}

kind_of() {
    while read -r option kind; do
        if [ "$option" = "$1" ]; then
            printf '%s' "$kind"
            return
        fi
    done < "$home/$name.options"
}

output=""
while [ $# -gt 0 ]; do
    case "$(kind_of "$1")" in
        flag) shift ;;
        value) [ $# -ge 2 ] || refuse "$1 (without its value)"; shift 2 ;;
        output) [ $# -ge 2 ] || refuse "$1 (without its file)"; output=$2; shift 2 ;;
        *) refuse "$1" ;;
    esac
done

behaviour=$(head -n 1 "$home/$name.queue")
if [ "$(wc -l < "$home/$name.queue")" -gt 1 ]; then
    tail -n +2 "$home/$name.queue" > "$home/$name.queue.next"
    mv "$home/$name.queue.next" "$home/$name.queue"
fi

succeed() {
    if [ -f "$home/$name.stdout" ]; then
        cat "$home/$name.stdout"
    fi
    exit 0
}

case "$behaviour" in
    jpeg) cp "$home/frame.jpg" "$output"; succeed ;;
    raw) printf 'II*\000raw sensor data' > "$output"; succeed ;;
    garbage) printf 'this is not a JPEG at all' > "$output"; succeed ;;
    truncated) head -c 200 "$home/frame.jpg" > "$output"; succeed ;;
    empty) : > "$output"; succeed ;;
    nothing) succeed ;;
    hang)
        sleep 600 &
        printf '%s\n' "$!" > "$home/$name.child.pid"
        printf '%s\n' "$$" > "$home/$name.pid"
        wait
        exit 0 ;;
    fail:*)
        rest=${behaviour#fail:}
        printf '%b\n' "${rest#*:}" >&2
        exit "${rest%%:*}" ;;
    *) printf 'fake %s: unknown behaviour "%s"\n' "$name" "$behaviour" >&2; exit 99 ;;
esac
