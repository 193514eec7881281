#!/usr/bin/env bash
# Makes assets/screenshot.png and assets/screenshot-dark.png: the dashboard mid-burst, light and dark, in a real
# window under Xvfb.
# Needs: xvfb and libgtk-3-0 (apt-get install -y xvfb libgtk-3-0). Run from anywhere: assets/make-screenshot.sh
set -euo pipefail
cd "$(dirname "$0")/.."

# Every module of the build writes its runtime class path to the same file, the app (built last) last: the engine's
# and HdrHistogram's classes folders and the app's libraries.
./mvnw -B -q compile dependency:build-classpath -DincludeScope=runtime -Dmdep.outputFile="$PWD/target/classpath.txt"
modules=$(cat target/classpath.txt)

if [ -z "${DISPLAY:-}" ]; then
  export DISPLAY=:97
  Xvfb "$DISPLAY" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb_pid=$!
  trap 'kill $xvfb_pid' EXIT
  sleep 1
fi

# The Burst scenario spikes for 2 s every 7 s (from 5 s on); 13 s after start is inside the second spike,
# when the pool has grown towards max and the first spike's rise and fall is on the charts.
# A throwaway preferences root, so neither the user's remembered window nor theme changes the picture; the dark
# one follows GTK_THEME as the first run on a dark desktop does.
prefs=$(mktemp -d)
shoot() {
  java -Dprism.order=sw -Djava.util.prefs.userRoot="$prefs/$1" -Dpoolscope.screenshot="$2" \
    -Dpoolscope.screenshotAfterSeconds=13 \
    --module-path "target/classes:$modules" -m dev.poolscope/dev.poolscope.cli.Main --scenario burst
}
GTK_THEME=Adwaita shoot light assets/screenshot.png
GTK_THEME=Adwaita:dark shoot dark assets/screenshot-dark.png
rm -rf "$prefs"
