#!/usr/bin/env bash
# Takes the user guide's screenshots (docs/user-guide.md) into docs/images/: ScreenshotsTest drives the real window
# with the demo camera on a real X display — Xvfb, started here through xvfb-run — with JavaFX drawing for real
# (the normal test run's Monocle settings are switched off with -Dui.test.argLine=). Takes about five minutes, most of
# it the demo camera's simulated day. Needs xvfb-run (Debian: apt-get install xvfb xauth).
set -euo pipefail
cd "$(dirname "$0")/../.."
exec xvfb-run -a -s "-screen 0 1920x1080x24" nice -n 15 ./mvnw -B -q -o -pl desktop -am verify \
    -Dtest=ScreenshotsTest -Dsurefire.failIfNoSpecifiedTests=false -Dui.test.argLine= \
    -Dscreenshots.dir="$PWD/docs/images" "$@"
