#!/usr/bin/env bash
# Render the window of one preset under a virtual screen and save it as PNG.
# Usage: tools/screenshot.sh KEY OUT.png [WxH] [initviz options...]   (needs Xvfb)
# e.g.   tools/screenshot.sh act-relu-compare shot.png 1280x720 --presentation --lang zh_CN
set -euo pipefail
key=${1:?preset key, e.g. act-sigmoid-compare}
out=${2:?output PNG path}
size=${3:-1920x1080}
shift $(( $# < 3 ? $# : 3 ))
here=$(cd "$(dirname "$0")/.." && pwd)
python=${PYTHON:-$here/.venv/bin/python}
display=${DISPLAY_NUMBER:-:99}
# the compiled catalogues are built, not committed: without them --lang zh_CN shows English
"$python" "$here/tools/update_translations.py" --release --stale >/dev/null

Xvfb "$display" -screen 0 "${size}x24" -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null; wait "$xvfb" 2>/dev/null || true' EXIT
for _ in $(seq 50); do   # wait until the server answers
    [ -e "/tmp/.X11-unix/X${display#:}" ] && break
    sleep 0.1
done
DISPLAY=$display QT_QPA_PLATFORM=xcb "$python" -m initviz --preset "$key" \
    --screenshot "$out" --size "$size" "$@"
echo "saved $out"
