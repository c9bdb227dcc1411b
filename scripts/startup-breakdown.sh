#!/usr/bin/env bash
# Where the starter's start-up cost goes, on a JDK 22+ and a JDK 17-21: the classes each variant
# of the sample daemon loads by "Started", Spring Boot's start-up steps that name fifo-liveness,
# JFR's execution samples (scripts/lib/startup_breakdown.py), then the CPU that jnr's jars cost
# when nothing reads them: the daemon without fifo-liveness's own jars, with and without jnr's,
# in alternating pairs through StartupCost. PAIRS (default 20), FFM_JAVA and JNR_JAVA: see
# scripts/lib/startup-pairs.sh. Run it alone.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/startup-pairs.sh
cp sample-daemon/target/sample-daemon.jar "$WORK/with-starter.jar"
python3 scripts/lib/strip-jars.py "$WORK/with-starter.jar" "$WORK/without-ours.jar" 'fifo-liveness-'
python3 scripts/lib/strip-jars.py "$WORK/with-starter.jar" "$WORK/without-starter.jar" 'fifo-liveness-|jnr-|jffi-|asm-'
echo
python3 scripts/lib/startup_breakdown.py "$WORK" "$FFM_JAVA" "$JNR_JAVA"
echo "== jnr's jars present but unread, everything else the same: start-up"
compare_on_both_jdks --beacon-off "$WORK/without-ours.jar" "$WORK/without-starter.jar"
