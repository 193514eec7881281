#!/usr/bin/env bash
# Runs ThroughputBenchmark one fork at a time on the machine it is carried to (see bundle.sh):
#   [CELLS="1x2 4x16"] run.sh ROUNDS BUDGET_SECONDS [POOLS]
# Every producers x workers cell runs each pool once per round, the pools' order reversed every other round,
# so neither pool always runs first. No fork starts after BUDGET_SECONDS. Writes $OUT/results.csv
# (round,producers,workers,pool,ops_per_s), $OUT/machine.txt and each fork's JMH log under $OUT/logs.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
rounds=${1:-2} budget=${2:-400}
read -r -a pools <<< "${3:-dispatcher tpe}"
out=${OUT:-$here/out}
mkdir -p "$out/logs"
java="$here/jdk/bin/java"
cp="$here/bench:$(ls "$here"/lib/*.jar | tr '\n' ':')"
{ lscpu; nproc; free -g; uname -a; "$java" -version 2>&1; } > "$out/machine.txt"
echo "round,producers,workers,pool,ops_per_s" > "$out/results.csv"
cells=${CELLS:-1x2 1x8 1x16 2x2 2x8 2x16 4x2 4x8 4x16 8x16}
start=$SECONDS
for round in $(seq 1 "$rounds"); do
  order=("${pools[@]}")
  if (( round % 2 == 0 )); then
    order=()
    for (( i = ${#pools[@]} - 1; i >= 0; i-- )); do order+=("${pools[i]}"); done
  fi
  for cell in $cells; do
    producers=${cell%x*} workers=${cell#*x}
    for pool in "${order[@]}"; do
      if (( SECONDS - start > budget )); then echo "budget spent"; exit 0; fi
      name="r$round-${producers}x$workers-$pool"
      "$java" -cp "$cp" org.openjdk.jmh.Main 'ThroughputBenchmark.oneProducer$' -t "$producers" \
          -p pool="$pool" -p workers="$workers" -f 1 -wi 2 -i 3 -w 1 -r 1 \
          -rf csv -rff "$out/logs/$name.csv" > "$out/logs/$name.log" 2>&1
      score=$(tail -n 1 "$out/logs/$name.csv" 2>/dev/null | cut -d, -f5)
      echo "$round,$producers,$workers,$pool,${score:-failed}" | tee -a "$out/results.csv"
    done
  done
done
