#!/usr/bin/env bash
# Installs the Timelapse Studio camera agent on a Raspberry Pi (Raspberry Pi OS bookworm or later) as a service.
# Run from the unpacked bundle (packaging/build-camera-bundle.sh makes it):  sudo ./install.sh [--no-apt]
#   1. installs Java 17 and the camera tools with apt (rpicam-apps; gphoto2 for a DSLR), unless --no-apt;
#   2. creates the system user 'timelapse' (in the video, gpio and plugdev groups);
#   3. copies the agent to /opt/timelapse-camera and links /usr/local/bin/timelapse-camera;
#   4. installs and starts the systemd unit timelapse-camera.service.
# Running it again upgrades the agent in place; the data in /var/lib/timelapse-camera is kept.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

prefix=${TIMELAPSE_PREFIX:-/opt/timelapse-camera}
apt=yes
for argument in "$@"; do
  case $argument in
    --no-apt) apt=no ;;
    *) echo "install.sh: unknown option $argument (only --no-apt)" >&2; exit 2 ;;
  esac
done
[ "$(id -u)" -eq 0 ] || { echo "install.sh: run it as root: sudo $0 $*" >&2; exit 1; }
if [ ! -f timelapse-camera.jar ] || [ ! -d lib ]; then
  echo "install.sh: run it from the unpacked bundle" >&2
  exit 1
fi

if [ $apt = yes ]; then
  echo "install.sh: installing Java 17 and the camera tools"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends openjdk-17-jre-headless
  # rpicam-apps only exists on Raspberry Pi OS; gphoto2 drives a DSLR. Neither is needed for the synthetic camera.
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends rpicam-apps gphoto2 ||
    echo "install.sh: rpicam-apps or gphoto2 is not available here; the Pi camera or DSLR backends need them" >&2
fi

if ! id timelapse >/dev/null 2>&1; then
  echo "install.sh: creating the system user 'timelapse'"
  useradd --system --home-dir /var/lib/timelapse-camera --no-create-home --shell /usr/sbin/nologin timelapse
fi
for group in video gpio plugdev; do
  if getent group "$group" >/dev/null; then
    usermod -a -G "$group" timelapse
  fi
done

echo "install.sh: installing the agent in $prefix"
staging=$prefix.new
rm -rf "$staging"
mkdir -p "$staging/bin"
cp -R timelapse-camera.jar lib "$staging/"
install -m 0755 bin/timelapse-camera "$staging/bin/timelapse-camera"
# Swap the whole folder at once, so a failed copy never leaves a half-upgraded agent.
if systemctl is-active --quiet timelapse-camera 2>/dev/null; then
  systemctl stop timelapse-camera
fi
rm -rf "$prefix.old"
[ -d "$prefix" ] && mv "$prefix" "$prefix.old"
mv "$staging" "$prefix"
rm -rf "$prefix.old"
ln -sf "$prefix/bin/timelapse-camera" /usr/local/bin/timelapse-camera

install -m 0644 timelapse-camera.service /etc/systemd/system/timelapse-camera.service
systemctl daemon-reload
systemctl enable --now timelapse-camera
echo "install.sh: the agent runs ('systemctl status timelapse-camera'; logs in /var/lib/timelapse-camera/logs)."
echo "To pair a studio: press the button for two seconds, or run: sudo -u timelapse timelapse-camera pair --service"
