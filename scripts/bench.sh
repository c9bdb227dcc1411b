#!/usr/bin/env bash
# Measures fifo-liveness in one run and prints tables:
#   1. one liveness check: the probe, the same system calls from C, and what users do instead;
#   1b. the probe against the C floor, both native implementations, over interleaved rounds;
#   2. system calls per probe, counted with strace;
#   3. /actuator/health/peers latency with 10, 100 and 1,000 peers;
#   4. what the beacon adds to the sample daemon's start-up, on Java 22+ and on Java 17-21;
# then draws table 1 as docs/probe-cost.svg where python3 has matplotlib (scripts/lib/charts.sh).
# Builds what it needs and installs gcc and strace when missing (as root, from Debian's packages).
# Finds a JDK 22+ (java.lang.foreign) and a JDK 17-21 (jnr-posix) in $JAVA_HOME and /usr/lib/jvm;
# FFM_JAVA and JNR_JAVA (paths to java executables) choose others.
# BENCH_QUICK=1 makes every part short: a smoke run, not a measurement.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -n ${BENCH_QUICK:-} ]]; then
	JMH=(-f 1 -wi 1 -w 1s -i 2 -r 1s) C_ITERATIONS=200000 STRACE_PROBES=2000 SCALE=(50 10 100) PAIRS=1
	ROUND_JMH=(-f 1 -wi 1 -w 1s -i 1 -r 1s) ROUNDS=2 ROUND_C_ITERATIONS=100000
else
	JMH=(-f 1 -wi 3 -w 2s -i 5 -r 2s) C_ITERATIONS=2000000 STRACE_PROBES=20000 SCALE=(1000 10 100 1000) PAIRS=20
	ROUND_JMH=(-f 1 -wi 2 -w 1s -i 3 -r 1s) ROUNDS=10 ROUND_C_ITERATIONS=1000000
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

source scripts/lib/find-java.sh
source scripts/lib/charts.sh
FFM_JAVA=${FFM_JAVA:-$(find_java 22 999)}
JNR_JAVA=${JNR_JAVA:-$(find_java 17 21)}
# Native access enabled, as the sample jars' manifests do: no restricted-method warnings.
FFM=("$FFM_JAVA" --enable-native-access=ALL-UNNAMED)
JNR=("$JNR_JAVA" --enable-native-access=ALL-UNNAMED)

echo "Building"
mvn -B -q -DskipTests package
BENCH_JAR=benchmarks/target/benchmarks.jar
DAEMON_JAR=sample-daemon/target/sample-daemon.jar
MONITOR_JAR=sample-monitor/target/sample-monitor.jar
gcc -O2 -o "$WORK/probe_floor" benchmarks/src/main/c/probe_floor.c

MACHINE="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores, $(uname -sr)"
printf '\nMachine: %s\njava.lang.foreign: %s\njnr-posix: %s\n' "$MACHINE" \
	"$("$FFM_JAVA" -version 2>&1 | head -1)" "$("$JNR_JAVA" -version 2>&1 | head -1)"

# A running Boot application for the HTTP row.
"${FFM[@]}" -jar "$DAEMON_JAR" --server.port=0 --fifo-liveness.beacon.path="$WORK/daemon/sample-daemon.fifo" \
	--fifo-liveness.beacon.readiness-path="$WORK/daemon/sample-daemon-ready.fifo" >"$WORK/daemon.log" 2>&1 &
DAEMON_PID=$!
for _ in $(seq 1 240); do
	PORT=$(grep -o 'Tomcat started on port [0-9]*' "$WORK/daemon.log" | grep -o '[0-9]*$' || true)
	[[ -n $PORT ]] && break
	sleep 0.25
done
[[ -n $PORT ]] || { echo "sample-daemon did not start:" >&2; tail -20 "$WORK/daemon.log" >&2; exit 1; }

TABLES=$WORK/tables.txt
echo
echo "== 1. One liveness check (JMH average time on java.lang.foreign; C floor timed right after, same run)" | tee "$TABLES"
"${FFM[@]}" -jar "$BENCH_JAR" 'LivenessCheckBenchmark|HttpHealthBenchmark' "${JMH[@]}" -prof gc \
	-jvmArgsAppend "--enable-native-access=ALL-UNNAMED -Dbench.health.url=http://127.0.0.1:$PORT/actuator/health" \
	-rf json -rff "$WORK/jmh.json" >"$WORK/jmh.log" 2>&1 || { tail -30 "$WORK/jmh.log" >&2; exit 1; }
mkfifo -m 600 "$WORK/floor.fifo"
"$WORK/probe_floor" "$WORK/floor.fifo" "$C_ITERATIONS" >"$WORK/floor.txt"
python3 - "$WORK/jmh.json" "$WORK/floor.txt" <<'PY' | tee -a "$TABLES"
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
echo "== 1b. The probe against the C floor, both implementations: $ROUNDS rounds, each a C run then a JMH fork per implementation"
# One run's error cannot resolve 10%: each round divides a fork's score by the C floor timed just before it,
# and the table gives the median of those ratios, with the smallest and largest.
for round in $(seq 1 "$ROUNDS"); do
	for implementation in ffm jnr; do
		"$WORK/probe_floor" "$WORK/floor.fifo" "$ROUND_C_ITERATIONS" >"$WORK/round-$round-$implementation.floor"
		if [[ $implementation == ffm ]]; then runner=("${FFM[@]}"); else runner=("${JNR[@]}"); fi
		"${runner[@]}" -jar "$BENCH_JAR" 'LivenessCheckBenchmark.fifoProbe' "${ROUND_JMH[@]}" -prof gc \
			-jvmArgsAppend "--enable-native-access=ALL-UNNAMED" -rf json -rff "$WORK/round-$round-$implementation.json" \
			>"$WORK/round.log" 2>&1 || { tail -30 "$WORK/round.log" >&2; exit 1; }
	done
done
python3 - "$WORK" "$ROUNDS" <<'PY'
import json, statistics, sys
work, rounds = sys.argv[1], int(sys.argv[2])
cases = [("fifoProbeReaderPresent", "reader_present", "reader present"), ("fifoProbeNoReader", "no_reader", "no reader")]
names = {"ffm": "java.lang.foreign", "jnr": "jnr-posix"}
print(f"{'implementation':18} {'case':15} {'probe ns/op':>12} {'C floor':>9} {'× C floor (median, min-max)':>30} {'B/op':>6}")
for implementation in ("ffm", "jnr"):
    for benchmark, floor_key, case in cases:
        ratios, probes, floors, allocations = [], [], [], []
        for round in range(1, rounds + 1):
            floor = {k: float(v) for k, v in (line.split() for line in open(f"{work}/round-{round}-{implementation}.floor"))}
            for result in json.load(open(f"{work}/round-{round}-{implementation}.json")):
                if result["benchmark"].endswith("." + benchmark):
                    score = float(result["primaryMetric"]["score"])
                    probes.append(score)
                    floors.append(floor[floor_key])
                    ratios.append(score / floor[floor_key])
                    allocations.append(float(result["secondaryMetrics"]["gc.alloc.rate.norm"]["score"]))
        spread = f"{statistics.median(ratios):.2f}× ({min(ratios):.2f}-{max(ratios):.2f})"
        print(f"{names[implementation]:18} {case:15} {statistics.median(probes):12,.0f} {statistics.median(floors):9,.0f}"
              f" {spread:>30} {statistics.median(allocations):6,.1f}")
PY

echo
echo "== 2. System calls per probe (strace -f -y over $STRACE_PROBES probes, calls naming the FIFO)"
printf '%-16s %8s   %s\n' "case" "calls" "which"
for mode in held silent; do
	fifo="$WORK/strace-$mode.fifo"
	strace -f -y -qq -o "$WORK/$mode.trace" "${FFM[@]}" -cp "$BENCH_JAR" io.github.fifoliveness.benchmarks.ProbeLoop \
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
"${FFM[@]}" -cp "$BENCH_JAR" io.github.fifoliveness.benchmarks.PeersScale "$MONITOR_JAR" "${SCALE[@]}"

echo
echo "== 4. Start-up of sample-daemon with the beacon on and off ($PAIRS pairs; Spring Boot's 'Started ... in';"
echo "   the process's CPU time, user and system, the moment that line appears and 5 s later)"
for java in "$FFM_JAVA" "$JNR_JAVA"; do
	echo
	echo "$("$java" -version 2>&1 | head -1)"
	"${FFM[@]}" -cp "$BENCH_JAR" io.github.fifoliveness.benchmarks.StartupCost "$DAEMON_JAR" "$PAIRS" "$java"
done

write_charts "$TABLES" "scripts/bench.sh, $(date +%Y-%m-%d): $MACHINE; $("$FFM_JAVA" -version 2>&1 | head -1)"
