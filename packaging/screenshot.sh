#!/bin/sh
# Renders the desktop application's screenshots under a virtual X server (Xvfb):
#   packaging/screenshot.sh [BUILD_DIR] [OUT_DIR]
# welcome.png: the welcome page with recent projects; grid.png: the Fashion-MNIST demo's grid;
# welcome-de.png: the welcome page in German.
# Uses a private settings and data home (SEMIPRUNE_SCREENSHOT_HOME, default under /tmp), so it
# neither reads nor changes the user's own; the demo is made there on first use (~15 s).
# Needs xvfb, xauth and imagemagick.
set -eu

BUILD_DIR=${1:-build-ui}
OUT_DIR=${2:-docs/screenshots}
APP="$(cd "$BUILD_DIR" && pwd)/app/semiprune-studio"
WORK=${SEMIPRUNE_SCREENSHOT_HOME:-${TMPDIR:-/tmp}/semiprune-screenshots}
WIDTH=1280
HEIGHT=820

mkdir -p "$OUT_DIR" "$WORK/data" "$WORK/config/SemiPrune"
OUT_DIR=$(cd "$OUT_DIR" && pwd)
export XDG_DATA_HOME="$WORK/data" XDG_CONFIG_HOME="$WORK/config"
# English whatever the machine's locale; welcome-de.png switches to German.
export SEMIPRUNE_LANGUAGE=en
DEMO="$XDG_DATA_HOME/semiprune-studio/demo/fashion-mnist.semiprune"
SETTINGS="$XDG_CONFIG_HOME/SemiPrune/semiprune-studio.conf"

# Runs the application with the given arguments on a fresh virtual screen until the shell test
# UNTIL succeeds (polled, at most 300 s), waits SETTLE seconds more, and captures the screen.
capture() {
    output=$1 until=$2 settle=$3
    shift 3
    xvfb-run -a -s "-screen 0 ${WIDTH}x${HEIGHT}x24" sh -c '
        "$0" "$@" &
        pid=$!
        waited=0
        until '"$until"'; do
            sleep 1
            waited=$((waited + 1))
            if [ $waited -ge 300 ]; then echo "timed out" >&2; break; fi
        done
        sleep '"$settle"'
        [ -z "'"$output"'" ] || import -window root -crop '"${WIDTH}x${HEIGHT}"'+0+0 +repage "'"$output"'"
        kill $pid
        wait $pid 2>/dev/null || true
    ' "$APP" "$@"
}

# The first start makes the demo (IDX -> PNG folder -> project); later starts open it at once.
if [ ! -f "$DEMO" ]; then
    echo "making the demo project in $XDG_DATA_HOME (first time only)..."
    capture "" "[ -f '$DEMO' ]" 3 --demo
fi

# Default thumbnail size, and a recent list with the demo and a project on a disk that is not
# mounted (shown as missing).
{
    printf '[General]\nrecentProjects=%s, /media/usb-disk/datasets/cats-and-dogs.semiprune\n' "$DEMO"
    printf '[grid]\nthumbnailSize=96\n'
} > "$SETTINGS"

capture "$OUT_DIR/welcome.png" true 3
capture "$OUT_DIR/grid.png" true 5 "$DEMO"
SEMIPRUNE_LANGUAGE=de
capture "$OUT_DIR/welcome-de.png" true 3
echo "wrote $OUT_DIR/welcome.png, $OUT_DIR/grid.png and $OUT_DIR/welcome-de.png"
