#!/usr/bin/env bash
# What the starter costs at start-up, in alternating pairs on a JDK 22+ and a JDK 17-21, through
# the driver of bench.sh's start-up table (StartupCost):
#   1. everything off (beacon off, no peer) against the same jar without fifo-liveness (its own
#      jars and jffi's, and jnr-posix with what it brings where an older jar has them; Actuator
#      stays, as most applications have it anyway);
#   2. the beacon on against off, the same jar (the sample daemon's liveness and readiness beacons).
# Each table's p50 row is the median of each column; p25 and p75 are the quartiles of the pairs'
# differences, their spread. Then draws both as docs/startup-cost.svg (scripts/lib/charts.sh).
# PAIRS (default 20), FFM_JAVA and JNR_JAVA: see scripts/lib/startup-pairs.sh. Run it alone.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/startup-pairs.sh
source scripts/lib/charts.sh
cp sample-daemon/target/sample-daemon.jar "$WORK/with-starter.jar"
python3 scripts/lib/strip-jars.py "$WORK/with-starter.jar" "$WORK/without-starter.jar" 'fifo-liveness-|jnr-|jffi-|asm-'

TABLES=$WORK/tables.txt
{
	printf 'Machine: %s cores, %s, Linux %s\n' "$(nproc)" "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" "$(uname -r)"
	echo
	echo "== A. Everything off against no starter: start-up"
	compare_on_both_jdks --beacon-off "$WORK/with-starter.jar" "$WORK/without-starter.jar"
	echo
	echo "== B. Beacon on against off: start-up"
	compare_on_both_jdks "$WORK/with-starter.jar"
} | tee "$TABLES"
write_charts "$TABLES" "$(head -1 "$TABLES" | cut -d' ' -f2-)"
