#!/usr/bin/env bash
# Makes the studio's installer for the machine it runs on, with jpackage (JDK 17+): the studio's jar and libraries
# (with this platform's JavaFX, FFmpeg and SQLite natives) and a Java runtime cut down to the modules they use, so
# users install no Java. jpackage cannot build for another platform: run it on Linux, macOS and Windows in turn.
#   packaging/build-studio-installer.sh [TYPE]
# TYPE is what jpackage makes: app-image (a folder to run in place), deb, rpm, dmg, pkg, msi or exe. The default is
# this system's native installer when its tools are there (deb needs dpkg-deb and fakeroot, rpm needs rpmbuild,
# msi and exe need WiX 3), else app-image. Output: desktop/target/installer/.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
cd "$root"

java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
jpackage=$java_home/bin/jpackage
[ -x "$jpackage" ] || jpackage=$java_home/bin/jpackage.exe
[ -x "$jpackage" ] || { echo "build-studio-installer: needs a JDK 17+ with jpackage (JAVA_HOME=$java_home)" >&2; exit 1; }

default_type() {
  case "$(uname -s)" in
    Darwin) echo dmg ;;
    MINGW*|MSYS*|CYGWIN*) if command -v candle.exe > /dev/null; then echo msi; else echo app-image; fi ;;
    *) if command -v dpkg-deb > /dev/null && command -v fakeroot > /dev/null; then echo deb
       elif command -v rpmbuild > /dev/null; then echo rpm
       else echo app-image; fi ;;
  esac
}
type=${1:-$(default_type)}

[ -n "${SKIP_BUILD:-}" ] || ./mvnw -B -q -DskipTests -pl desktop -am package
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
# Installers want a plain dotted number: 0.1.0-SNAPSHOT is packaged as 0.1.0.
app_version=${version%%-*}

out=desktop/target/installer
input=$out/input
rm -rf "$out"
mkdir -p "$input"
cp desktop/target/timelapse-desktop.jar "$input/"
cp -R desktop/target/lib "$input/lib"
"$java_home/bin/java" -Djava.awt.headless=true packaging/studio/StudioIcon.java "$out/icon"

# The modules the classes refer to, plus those only reached through service loaders, which jdeps cannot see:
# elliptic-curve TLS and ES256 tokens (jdk.crypto.ec), dates and numbers in the user's locale (jdk.localedata),
# legacy charsets in EXIF and file names (jdk.charsets), JFR recordings from the window (jdk.jfr is found).
modules=$(jdeps --ignore-missing-deps --multi-release 17 --print-module-deps \
  --class-path "$input/lib/*" "$input/timelapse-desktop.jar")
modules=$modules,jdk.crypto.ec,jdk.localedata,jdk.charsets,jdk.zipfs

options=(
  --type "$type"
  --dest "$out"
  --input "$input"
  --main-jar timelapse-desktop.jar
  --name timelapse-studio
  --app-version "$app_version"
  --vendor "Timelapse Studio"
  --description "Timelapse Studio: cameras to timelapse videos"
  --copyright "GPL-3.0-or-later"
  --add-modules "$modules"
  --jlink-options "--strip-debug --no-header-files --no-man-pages"
  # Without arguments (a menu entry, a double click) the launcher opens the window; with them it is the
  # command line: timelapse-studio render ..., timelapse-studio demo.
  --arguments studio
)
case "$type" in
  # The menu entry is our own template (jpackage fills in the launcher, icon and category): it names the program
  # "Timelapse Studio", where jpackage's would show the launcher's file name.
  deb|rpm) options+=(--linux-shortcut --linux-menu-group "AudioVideo;Video" --linux-app-category video
                     --linux-deb-maintainer dev@timelapse.studio --resource-dir packaging/studio/linux
                     --license-file LICENSE) ;;
  dmg|pkg) options+=(--mac-package-name "Timelapse Studio" --license-file LICENSE) ;;
  msi|exe) options+=(--win-menu --win-shortcut --win-dir-chooser --license-file LICENSE) ;;
esac
case "$(uname -s)" in
  Darwin) options+=(--icon "$out/icon/timelapse-studio.icns") ;;
  MINGW*|MSYS*|CYGWIN*) options+=(--icon "$out/icon/timelapse-studio.ico") ;;
  *) options+=(--icon "$out/icon/timelapse-studio.png") ;;
esac

"$jpackage" "${options[@]}"
rm -rf "$input" "$out/icon"
ls -d "$out"/*
