#!/usr/bin/env bash
# Packs the throughput benchmark for a machine that has no Java: a jlinked JDK, the engine and JMH jars, the
# benchmark classes and run.sh, into target/many-core (about 40 MB). Run from the repository root after
# ./mvnw -DskipTests install, which builds the engine jar and target/jmh-classes.
set -euo pipefail
out=target/many-core
rm -rf "$out" && mkdir -p "$out/lib"
jlink --add-modules java.base,java.logging,java.management,jdk.management,jdk.unsupported \
      --strip-debug --no-header-files --no-man-pages --compress=2 --output "$out/jdk"
./mvnw -B -q -o dependency:copy-dependencies -DincludeScope=test -DoutputDirectory="$PWD/$out/lib" \
      -DincludeArtifactIds=jmh-core,jopt-simple,commons-math3,poolscope-hdrhistogram >/dev/null
cp engine/target/poolscope-engine-*.jar "$out/lib/"
cp -r target/jmh-classes "$out/bench"
cp src/jmh/many-core/run.sh "$out/"
echo "bundle in $out: $(du -sh "$out" | cut -f1)"
