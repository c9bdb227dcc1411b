#!/usr/bin/env bash
# What one liveness check costs as a Kubernetes exec probe or a HEALTHCHECK runs it: CPU
# (user+sys of the whole process tree) of the sample monitor's `check` command, of
# fifo-liveness-check.jar with the flags of docs/check-command.md, on JDK 17 and JDK 25, and
# of the GNU coreutils recipe; RUNS interleaved rounds (default 10), the median of each, and each
# against the sample monitor's `check` on the same JDK. Builds the jars if they are missing.
# BEFORE=<an older sample-monitor.jar> adds its `check` on both JDKs, as a baseline, and
# BEFORE_CHECK=<an older fifo-liveness-check.jar> that jar, with the same flags, for the check jar rows.
# On a shared machine, run it alone: the rows are measured side by side, so read the ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-10}
source scripts/lib/find-java.sh
JDK17=${JDK17:-$(dirname "$(dirname "$(find_java 17 17)")")}
JDK25=${JDK25:-$(dirname "$(dirname "$(find_java 25 25)")")}
MONITOR=sample-monitor/target/sample-monitor.jar
CHECK=check/target/fifo-liveness-check.jar
[[ -f $MONITOR && -f $CHECK ]] || mvn -B -q -DskipTests package

WORK=$(mktemp -d)
HOLDER=
cleanup() {
	if [[ -n $HOLDER ]]; then
		kill -9 "$HOLDER" 2>/dev/null || true
		wait "$HOLDER" 2>/dev/null || true
	fi
	rm -rf "$WORK"
}
trap cleanup EXIT
export F=$WORK/peer.fifo
mkfifo -m 600 "$F"
sleep 3600 3<>"$F" &
HOLDER=$!

FLAGS=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
# JDK 25: an AOT cache of the check jar's classes, made once by a training run (JEP 483/514).
"$JDK25/bin/java" -XX:AOTCacheOutput="$WORK/check.aot" "${FLAGS[@]}" -jar "$CHECK" "$F" >/dev/null 2>&1 ||
	echo "note: JDK 25 could not write an AOT cache; the JDK 25 row runs without it" >&2

declare -A COMMANDS=(
	["17 monitor check"]="$JDK17/bin/java -jar $MONITOR check $F"
	["17 check jar"]="$JDK17/bin/java ${FLAGS[*]} -jar $CHECK $F"
	["25 monitor check"]="$JDK25/bin/java -jar $MONITOR check $F"
	["25 check jar"]="$JDK25/bin/java ${FLAGS[*]} -jar $CHECK $F"
	["coreutils recipe"]="sh -c 'test -p \"\$F\" && test -O \"\$F\" && dd if=/dev/null of=\"\$F\" oflag=nonblock,nofollow conv=nocreat,notrunc count=0 status=none 2>/dev/null'"
)
[[ -f $WORK/check.aot ]] && COMMANDS["25 check jar"]="$JDK25/bin/java -XX:AOTCache=$WORK/check.aot ${FLAGS[*]} -jar $CHECK $F"
ORDER17=("17 monitor check" "17 check jar")
ORDER25=("25 monitor check" "25 check jar")
if [[ -n ${BEFORE_CHECK:-} ]]; then
	"$JDK25/bin/java" -XX:AOTCacheOutput="$WORK/before.aot" "${FLAGS[@]}" -jar "$BEFORE_CHECK" "$F" >/dev/null 2>&1 || true
	COMMANDS["17 jar before"]="$JDK17/bin/java ${FLAGS[*]} -jar $BEFORE_CHECK $F"
	COMMANDS["25 jar before"]="$JDK25/bin/java ${FLAGS[*]} -jar $BEFORE_CHECK $F"
	[[ -f $WORK/before.aot ]] && COMMANDS["25 jar before"]="$JDK25/bin/java -XX:AOTCache=$WORK/before.aot ${FLAGS[*]} -jar $BEFORE_CHECK $F"
	ORDER17=("17 jar before" "${ORDER17[@]}")
	ORDER25=("25 jar before" "${ORDER25[@]}")
fi
if [[ -n ${BEFORE:-} ]]; then
	COMMANDS["17 before"]="$JDK17/bin/java -jar $BEFORE check $F"
	COMMANDS["25 before"]="$JDK25/bin/java -jar $BEFORE check $F"
	ORDER17=("17 before" "${ORDER17[@]}")
	ORDER25=("25 before" "${ORDER25[@]}")
fi
ORDER=("${ORDER17[@]}" "${ORDER25[@]}" "coreutils recipe")

ARGS=()
for name in "${ORDER[@]}"; do
	ARGS+=("$name" "${COMMANDS[$name]}")
done
python3 - "$RUNS" "${ARGS[@]}" <<'PY'
import resource, statistics, subprocess, sys
runs = int(sys.argv[1])
pairs = sys.argv[2:]
order = pairs[0::2]
commands = dict(zip(pairs[0::2], pairs[1::2]))

def cpu(name):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run(commands[name], shell=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = result.stdout.decode()
    # An older jar may warn on a newer JDK; what this project ships must not.
    if result.returncode != 0 or ("WARNING" in out and not name.endswith("before")):
        sys.exit(f"{name}: exit {result.returncode}: {out}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)

for name in order:
    cpu(name)  # warms the page cache
samples = {name: [] for name in order}
for _ in range(runs):
    for name in order:
        samples[name].append(cpu(name))
print(f"{'command':20} {'CPU median':>11} {'min':>9} {'max':>9} {'x monitor':>14} {'x before':>14}")
for name in order:
    values = samples[name]
    jdk = name.split()[0]
    cells = []
    before = jdk + (" jar before" if "jar" in name else " before")
    for base_name in (jdk + " monitor check", before):
        base = samples.get(base_name)
        cells.append(f"{statistics.median([v / b for v, b in zip(values, base)]):.2f}x" if base else "")
    print(f"{name:20} {statistics.median(values) * 1000:8.1f} ms {min(values) * 1000:6.1f} ms"
          f" {max(values) * 1000:6.1f} ms {cells[0]:>14} {cells[1]:>14}")
PY
