#!/usr/bin/env bash
# What starter-cost.sh can tell apart on this machine: the sample daemon with everything off
# against a copy of the same jar, in alternating pairs on a JDK 22+ and a JDK 17-21, through the
# same driver (StartupCost). Nothing differs between the two, so every difference is noise: the
# p50 row shows how far from zero a median of this many pairs lands by chance, and p25..p75 the
# pairs' spread. PAIRS (default 20), FFM_JAVA and JNR_JAVA as in starter-cost.sh. Run it alone.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/startup-pairs.sh
cp sample-daemon/target/sample-daemon.jar "$WORK/first-copy.jar"
cp sample-daemon/target/sample-daemon.jar "$WORK/second-copy.jar"
printf 'Machine: %s cores, %s, Linux %s\n' "$(nproc)" "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" "$(uname -r)"
echo
echo "== The same jar against itself, everything off: start-up"
compare_on_both_jdks --beacon-off "$WORK/first-copy.jar" "$WORK/second-copy.jar"
