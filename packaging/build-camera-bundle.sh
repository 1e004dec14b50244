#!/usr/bin/env bash
# Makes the camera agent's bundle for a Raspberry Pi (any 64- or 32-bit Pi OS with Java 17): a tar.gz holding the
# agent's jar and libraries (pure Java, plus SQLite's and Pi4J's natives for ARM), its launcher, the systemd unit
# and install.sh. Run from anywhere in the checkout:
#   packaging/build-camera-bundle.sh            -> camera/target/timelapse-camera-VERSION.tar.gz
# Then on the Pi:  tar xzf timelapse-camera-VERSION.tar.gz && sudo timelapse-camera-VERSION/install.sh
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
cd "$root"

./mvnw -B -q -DskipTests -pl camera -am package
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
name=timelapse-camera-$version
staging=camera/target/bundle/$name
rm -rf camera/target/bundle
mkdir -p "$staging/bin"
cp camera/target/timelapse-camera.jar "$staging/"
cp -R camera/target/lib "$staging/lib"
install -m 0755 camera/src/main/dist/timelapse-camera "$staging/bin/timelapse-camera"
install -m 0755 packaging/pi/install.sh "$staging/install.sh"
install -m 0644 packaging/pi/timelapse-camera.service "$staging/timelapse-camera.service"
install -m 0644 LICENSE "$staging/LICENSE"
tar -C camera/target/bundle -czf "camera/target/$name.tar.gz" "$name"
echo "camera/target/$name.tar.gz"
