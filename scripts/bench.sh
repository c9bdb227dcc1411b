#!/usr/bin/env bash
# Measures fifo-liveness in one run and prints tables:
#   1. one liveness check: the probe, the same system calls from C, and what users do instead;
#   2. system calls per probe, counted with strace;
#   3. /actuator/health/peers latency with 10, 100 and 1,000 peers;
#   4. what the beacon adds to the sample daemon's start-up.
# Builds what it needs and installs gcc and strace when missing (as root, from Debian's packages).
# BENCH_QUICK=1 makes every part short: a smoke run, not a measurement.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -n ${BENCH_QUICK:-} ]]; then
	JMH=(-f 1 -wi 1 -w 1s -i 2 -r 1s) C_ITERATIONS=200000 STRACE_PROBES=2000 SCALE=(50 10 100) PAIRS=1
else
	JMH=(-f 1 -wi 3 -w 2s -i 5 -r 2s) C_ITERATIONS=2000000 STRACE_PROBES=20000 SCALE=(1000 10 100 1000) PAIRS=8
fi

WORK=$(mktemp -d)
DAEMON_PID=
cleanup() {
	if [[ -n $DAEMON_PID ]]; then
		kill "$DAEMON_PID" 2>/dev/null || true
		wait "$DAEMON_PID" 2>/dev/null || true
	fi
	rm -rf "$WORK"
}
trap cleanup EXIT

need() {
	local tool=$1 package=$2
	command -v "$tool" >/dev/null && return 0
	if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
		echo "Installing $package"
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null
	else
		echo "$tool is needed: install $package" >&2
		exit 1
	fi
}
need gcc gcc
need strace strace
need python3 python3

echo "Building"
mvn -B -q -DskipTests package
BENCH_JAR=benchmarks/target/benchmarks.jar
DAEMON_JAR=sample-daemon/target/sample-daemon.jar
MONITOR_JAR=sample-monitor/target/sample-monitor.jar
gcc -O2 -o "$WORK/probe_floor" benchmarks/src/main/c/probe_floor.c

printf '\nMachine: %s, %s cores, %s; %s\n' "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" \
	"$(nproc)" "$(uname -sr)" "$(java -version 2>&1 | head -1)"

# A running Boot application for the HTTP row.
java -jar "$DAEMON_JAR" --server.port=0 --fifo-liveness.beacon.path="$WORK/daemon/sample-daemon.fifo" \
	--fifo-liveness.beacon.readiness-path="$WORK/daemon/sample-daemon-ready.fifo" >"$WORK/daemon.log" 2>&1 &
DAEMON_PID=$!
for _ in $(seq 1 240); do
	PORT=$(grep -o 'Tomcat started on port [0-9]*' "$WORK/daemon.log" | grep -o '[0-9]*$' || true)
	[[ -n $PORT ]] && break
	sleep 0.25
done
[[ -n $PORT ]] || { echo "sample-daemon did not start:" >&2; tail -20 "$WORK/daemon.log" >&2; exit 1; }

echo
echo "== 1. One liveness check (JMH average time; C floor timed right after, same run)"
java -jar "$BENCH_JAR" 'LivenessCheckBenchmark|HttpHealthBenchmark' "${JMH[@]}" -prof gc \
	-jvmArgsAppend "-Dbench.health.url=http://127.0.0.1:$PORT/actuator/health" \
	-rf json -rff "$WORK/jmh.json" >"$WORK/jmh.log" 2>&1 || { tail -30 "$WORK/jmh.log" >&2; exit 1; }
mkfifo -m 600 "$WORK/floor.fifo"
"$WORK/probe_floor" "$WORK/floor.fifo" "$C_ITERATIONS" >"$WORK/floor.txt"
python3 - "$WORK/jmh.json" "$WORK/floor.txt" <<'PY'
import json, sys
floor = dict(line.split() for line in open(sys.argv[2]))
floor = {k: float(v) for k, v in floor.items()}
rows = {}
for result in json.load(open(sys.argv[1])):
    name = result["benchmark"].rsplit(".", 1)[1]
    alloc = result["secondaryMetrics"].get("gc.alloc.rate.norm", {}).get("score")
    error = result["primaryMetric"]["scoreError"]
    error = float(error) if error not in (None, "NaN") else 0.0  # NaN with too few iterations
    rows[name] = (float(result["primaryMetric"]["score"]), error, None if alloc is None else float(alloc))
labels = [
    ("fifoProbeReaderPresent", "fifo-liveness probe, reader present", "reader_present"),
    ("fifoProbeNoReader", "fifo-liveness probe, no reader", "no_reader"),
    (None, "C floor: stat+open+fstat+close (reader present)", "reader_present"),
    (None, "C floor: stat+open (ENXIO) (no reader)", "no_reader"),
    ("pidFileKill", "PID file read + kill(pid, 0)", "reader_present"),
    ("pidFileProcessHandle", "PID file read + ProcessHandle.isAlive()", "reader_present"),
    ("tcpConnect", "TCP connect+close, loopback", "reader_present"),
    ("httpHealthPoll", "HTTP GET /actuator/health, keep-alive", "reader_present"),
]
probe = rows["fifoProbeReaderPresent"][0]
print(f"{'check':44} {'ns/op':>12} {'× C floor':>10} {'× probe':>9} {'B/op':>8}")
for key, label, base in labels:
    if key is None:
        ns, err, alloc = floor[base], 0, None
    else:
        ns, err, alloc = rows[key]
    cell = f"{ns:,.0f}" + (f" ±{err:,.0f}" if err else "")
    allocation = "" if alloc is None else f"{alloc:,.0f}"
    print(f"{label:44} {cell:>12} {ns / floor[base]:>9.2f}× {ns / probe:>8.1f}× {allocation:>8}")
PY

echo
echo "== 2. System calls per probe (strace -f -y over $STRACE_PROBES probes, calls naming the FIFO)"
printf '%-16s %8s   %s\n' "case" "calls" "which"
for mode in held silent; do
	fifo="$WORK/strace-$mode.fifo"
	strace -f -y -qq -o "$WORK/$mode.trace" java -cp "$BENCH_JAR" io.github.fifoliveness.benchmarks.ProbeLoop \
		"$fifo" "$STRACE_PROBES" "$mode" >/dev/null
	python3 - "$WORK/$mode.trace" "$fifo" "$STRACE_PROBES" "$mode" <<'PY'
import collections, re, sys
trace, fifo, probes, mode = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
calls = collections.Counter()
for line in open(trace):
    if fifo in line:
        match = re.match(r"\d+\s+(\w+)\(", line)
        if match:
            calls[match.group(1)] += 1
total = sum(calls.values())
which = ", ".join(f"{name} {count / probes:.2f}" for name, count in calls.most_common())
case = "reader present" if mode == "held" else "no reader"
print(f"{case:16} {total / probes:8.2f}   {which}")
PY
done

echo
echo "== 3. GET /actuator/health/peers, half the peers held by live readers (${SCALE[0]} requests after as many to warm up)"
java -cp "$BENCH_JAR" io.github.fifoliveness.benchmarks.PeersScale "$MONITOR_JAR" "${SCALE[@]}"

echo
echo "== 4. Start-up of sample-daemon with the beacon on and off ($PAIRS pairs; Spring Boot's 'Started ... in')"
java -cp "$BENCH_JAR" io.github.fifoliveness.benchmarks.StartupCost "$DAEMON_JAR" "$PAIRS"
