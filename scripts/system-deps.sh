#!/bin/sh
# Installs the Debian libraries Qt needs, only when one is missing.
#   scripts/system-deps.sh test   libraries for offscreen Qt (tests, screenshots)
#   scripts/system-deps.sh run    plus the X11/xcb libraries for a real window
set -eu
want="libgl1 libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0 libpulse0"  # libpulse0: QtMultimedia (sound cues) loads it
if [ "${1:-test}" = "run" ]; then
    want="$want libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-randr0 \
libxcb-render-util0 libxcb-image0 libxcb-xinerama0 libxkbcommon-x11-0"
fi
command -v dpkg-query >/dev/null 2>&1 || exit 0   # not Debian: nothing to do
missing=""
for p in $want; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "Installing system libraries Qt needs:$missing"
if [ "$(id -u)" = 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "Please install as root: apt-get install$missing" >&2; exit 1
fi
$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
