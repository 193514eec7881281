#!/usr/bin/env bash
# Makes assets/screenshot.png: the dashboard mid-burst, in a real window under Xvfb.
# Needs: xvfb and libgtk-3-0 (apt-get install -y xvfb libgtk-3-0). Run from anywhere: assets/make-screenshot.sh
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -B -q compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
# Only the app's runtime modules; the test libraries share the file's classpath.
modules=$(tr ':' '\n' < target/classpath.txt | grep -E '/(org/openjfx|org/controlsfx|org/hdrhistogram)/' | paste -sd:)

if [ -z "${DISPLAY:-}" ]; then
  export DISPLAY=:97
  Xvfb "$DISPLAY" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb_pid=$!
  trap 'kill $xvfb_pid' EXIT
  sleep 1
fi

# The Burst scenario spikes for 2 s every 7 s (from 5 s on); 13 s after start is inside the second spike,
# when the pool has grown towards max and the first spike's rise and fall is on the charts.
java -Dprism.order=sw -Dpoolscope.screenshot=assets/screenshot.png -Dpoolscope.screenshotAfterSeconds=13 \
  --module-path "target/classes:$modules" -m dev.poolscope/dev.poolscope.cli.Main --scenario burst
