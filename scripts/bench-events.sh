#!/usr/bin/env bash
# Measures the event-driven peer watcher against polling, in one run, and prints tables:
#   1. how long after the sample daemon starts, turns BROKEN or CORRECT, or is killed with
#      SIGKILL a monitor publishes its PeerStatusChangedEvent: the watcher, then the poller at 1 s;
#   2. what a monitor following N peers (half alive) costs while nothing happens: CPU over a
#      window with one safety-net round in it, descriptors, heap, kernel memory; watcher, then poller;
#   3. how long after a member of a peer folder appears, is killed with SIGKILL, or is
#      removed the watcher publishes MEMBER_JOINED, MEMBER_DOWN or MEMBER_LEFT;
# then draws tables 1 and 2 as docs/event-latency.svg and docs/idle-cost.svg where python3 has matplotlib
# (scripts/lib/charts.sh).
# JAVA chooses the JDK (default: java on the PATH); 22 or later runs the foreign-function side.
# IDLE_PEERS (default 10000, 1000 quick) lists the numbers of peers table 2 measures, such as
# IDLE_PEERS='1000 3000 10000': each adds a point to the idle-cost chart, and about six minutes per mode.
# BENCH_QUICK=1 makes every part short: a smoke run, not a measurement.
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA=${JAVA:-java}

if [[ -n ${BENCH_QUICK:-} ]]; then
	ROUNDS=3 POLL_ROUNDS=3 WARM_UP=1 PEERS=1000 WINDOW=10 SETTLE=2 MEMBER_ROUNDS=20
else
	# Two minutes at rest: the safety net's first round ends at about 60 s, and windows that
	# began there caught up to a second of the JVM's own threads (docs/performance.md).
	ROUNDS=30 POLL_ROUNDS=20 WARM_UP=3 PEERS=10000 WINDOW=60 SETTLE=120 MEMBER_ROUNDS=200
fi
IDLE_PEERS=${IDLE_PEERS:-$PEERS}
source scripts/lib/charts.sh
TABLES=$(mktemp)
trap 'rm -f "$TABLES"' EXIT

echo "Building"
mvn -B -q -DskipTests package -pl benchmarks,sample-daemon -am
BENCH_JAR=benchmarks/target/benchmarks.jar
DAEMON_JAR=sample-daemon/target/sample-daemon.jar
run() {
	"$JAVA" --enable-native-access=ALL-UNNAMED -cp "$BENCH_JAR" "io.github.fifoliveness.benchmarks.$1" "${@:2}" 2>/dev/null
}

MACHINE="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores, $(uname -sr); $("$JAVA" -version 2>&1 | head -1)"
{
	printf '\nMachine: %s\n' "$MACHINE"

	echo
	echo "== 1. Sample daemon -> PeerStatusChangedEvent, watcher ($ROUNDS rounds after $WARM_UP to warm up)"
	run PeerEventLatency "$DAEMON_JAR" "$ROUNDS" watch "$WARM_UP"
	echo
	echo "== 1b. The same with polling every 1 s ($POLL_ROUNDS rounds after $WARM_UP to warm up)"
	run PeerEventLatency "$DAEMON_JAR" "$POLL_ROUNDS" poll "$WARM_UP"

	echo
	echo "== 2. Idle monitor with ${IDLE_PEERS// /, } peers, half alive, minus 2 peers (${WINDOW} s window after ${SETTLE} s at rest)"
	for peers in $IDLE_PEERS; do
		run PeersIdleCost watch "$peers" "$WINDOW" "$SETTLE"
		run PeersIdleCost poll "$peers" "$WINDOW" "$SETTLE"
	done

	echo
	echo "== 3. Peer folder: a member's arrival, death and removal -> its event ($MEMBER_ROUNDS rounds after $WARM_UP to warm up)"
	run PeerFolderLatency "$MEMBER_ROUNDS" "$WARM_UP"
} | tee "$TABLES"

write_charts "$TABLES" "scripts/bench-events.sh, $(date +%Y-%m-%d): $MACHINE"
