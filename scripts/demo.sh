#!/usr/bin/env bash
# Runs sample-daemon (port 8081) and sample-monitor (port 8080) side by side, kills the
# daemon with SIGKILL, restarts it, has it report itself BROKEN and then CORRECT, and
# prints what the monitor reports at each step as a table (peer, status, reason). Needs
# what the README's quick start lists: curl reads the monitor, and the JDK's java prints
# the table (scripts/lib/PeerTable.java, run from source).
# Builds the samples first when they are missing or older than the sources. Leaves
# nothing running.
set -euo pipefail
cd "$(dirname "$0")/.."

DAEMON_JAR=sample-daemon/target/sample-daemon.jar
MONITOR_JAR=sample-monitor/target/sample-monitor.jar
LOGS=$(mktemp -d)
DAEMON_PID=
MONITOR_PID=

stop() {
	local pid
	for pid in $DAEMON_PID $MONITOR_PID; do
		kill "$pid" 2>/dev/null || true
	done
	for pid in $DAEMON_PID $MONITOR_PID; do
		wait "$pid" 2>/dev/null || true
	done
	rm -rf "$LOGS"
}
trap stop EXIT

step() {
	printf '\n== %s\n' "$*"
}

needs_build() {
	[[ ! -f $DAEMON_JAR || ! -f $MONITOR_JAR ]] && return 0
	[[ -n $(find pom.xml ./*/pom.xml ./*/src -newer "$MONITOR_JAR" -type f -print -quit) ]]
}

port_free() {
	! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start_daemon() {
	java -jar "$DAEMON_JAR" >>"$LOGS/sample-daemon.log" 2>&1 &
	DAEMON_PID=$!
}

# Waits until a URL answers 200, or fails showing the log to read.
await_ok() {
	local url=$1 log=$2
	for _ in $(seq 1 240); do
		curl -sf -o /dev/null "$url" && return 0
		sleep 0.25
	done
	echo "No 200 from $url after 60 s; end of $(basename "$log"):" >&2
	tail -n 30 "$log" >&2
	exit 1
}

# The monitor's /actuator/health/peers as a table: peer, status, reason, and the HTTP status.
show_peers() {
	local code
	code=$(curl -s -o "$LOGS/peers.json" -w '%{http_code}' http://localhost:8080/actuator/health/peers)
	java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC scripts/lib/PeerTable.java "$LOGS/peers.json" "$code"
}

if needs_build; then
	step "Building the samples"
	mvn -B -q -DskipTests package
fi
for port in 8080 8081; do
	port_free "$port" || { echo "Port $port is in use: stop what listens there and try again." >&2; exit 1; }
done

step "Starting sample-daemon (8081) and sample-monitor (8080)"
start_daemon
# The sample shows health details only to authorized users; this demo on your own machine
# shows them to anyone who asks, by its own command line.
java -jar "$MONITOR_JAR" --management.endpoint.health.show-details=always >"$LOGS/sample-monitor.log" 2>&1 &
MONITOR_PID=$!
await_ok http://localhost:8080/actuator/health/peers "$LOGS/sample-daemon.log"
grep -h 'Liveness beacon holds' "$LOGS/sample-daemon.log" | sed 's/.*: //'

step "The monitor sees the daemon alive"
show_peers

step "kill -9 $DAEMON_PID (sample-daemon)"
kill -9 "$DAEMON_PID"
wait "$DAEMON_PID" 2>/dev/null || true
DAEMON_PID=
show_peers

step "Restarting sample-daemon"
start_daemon
await_ok http://localhost:8080/actuator/health/peers "$LOGS/sample-daemon.log"
show_peers

step "The daemon reports itself BROKEN (POST /demo/liveness?state=BROKEN): it runs, but peers see it down"
curl -s -o /dev/null -X POST 'http://localhost:8081/demo/liveness?state=BROKEN'
show_peers

step "The daemon is CORRECT again (POST /demo/liveness?state=CORRECT)"
curl -s -o /dev/null -X POST 'http://localhost:8081/demo/liveness?state=CORRECT'
show_peers

step "Stopping both"
