#!/usr/bin/env bash
# What the native-layer preloader saves at start-up: the sample daemon (beacon on) as built,
# against the same jar with the preloader's entry taken out of the auto-configuration's
# META-INF/spring.factories, alternating, on a JDK 22+ (java.lang.foreign) and a JDK 17-21
# (jnr-posix). For each start: Spring Boot's "Started ... in", and the process's CPU time
# (user and system) when that line appears and 5 s later; the p50 row gives the median of
# each column, the difference column the median of the differences within the pairs.
# PAIRS (default 20) sets the number of pairs; FFM_JAVA and JNR_JAVA choose the JDKs.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/find-java.sh
FFM_JAVA=${FFM_JAVA:-$(find_java 22 999)}
JNR_JAVA=${JNR_JAVA:-$(find_java 17 21)}
PAIRS=${PAIRS:-20}

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

echo "Building"
mvn -B -q -DskipTests package -pl sample-daemon -am
cp sample-daemon/target/sample-daemon.jar "$WORK/with.jar"

python3 - "$WORK" "$PAIRS" "$FFM_JAVA" "$JNR_JAVA" <<'PY'
import io, os, re, shutil, statistics, subprocess, sys, tempfile, time, zipfile

work, pairs, javas = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
preloader = "org.springframework.context.ApplicationListener=\\\nio.github.fifoliveness.autoconfigure.NativePosixPreloader"

# The same jar without the preloader: nested jars stay stored, as Spring Boot's loader needs.
with zipfile.ZipFile(f"{work}/with.jar") as source, zipfile.ZipFile(f"{work}/without.jar", "w") as target:
    for info in source.infolist():
        data = source.read(info.filename)
        if re.search(r"BOOT-INF/lib/fifo-liveness-spring-boot-autoconfigure-.*\.jar$", info.filename):
            out = io.BytesIO()
            with zipfile.ZipFile(io.BytesIO(data)) as inner, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
                for entry in inner.infolist():
                    content = inner.read(entry.filename)
                    if entry.filename == "META-INF/spring.factories":
                        text = content.decode()
                        if preloader not in text:
                            sys.exit("The preloader's entry is not in " + info.filename + "'s spring.factories")
                        content = text.replace(preloader, "").encode()
                    copy.writestr(entry, content)
            data = out.getvalue()
        target.writestr(info, data, compress_type=info.compress_type)

tick = os.sysconf("SC_CLK_TCK")

def cpu_millis(pid):
    stat = open(f"/proc/{pid}/stat").read()
    fields = stat[stat.rindex(")") + 2:].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / tick

def start(java, jar):
    folder = tempfile.mkdtemp(dir=work)
    process = subprocess.Popen([java, "-jar", jar, "--server.port=0",
                                f"--fifo-liveness.beacon.path={folder}/daemon.fifo",
                                f"--fifo-liveness.beacon.readiness-path={folder}/ready.fifo"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        for line in process.stdout:
            started = re.search(r"Started \S+ in ([0-9.]+) seconds", line)
            if started:
                at_started = cpu_millis(process.pid)
                break
        else:
            sys.exit("The sample daemon stopped before it started")
        time.sleep(5)
        return float(started.group(1)) * 1000, at_started, cpu_millis(process.pid)
    finally:
        process.kill()
        process.wait()
        shutil.rmtree(folder)

def row(label, values):
    return f"{label:5} " + "   ".join(" ".join(f"{v:+7.0f}" if i == 2 else f"{v:7.0f}" for v in group)
                                      for i, group in enumerate(values)) + " ms"

for java in javas:
    version = subprocess.run([java, "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    print(f"\n{version}")
    print(f"{'':5} {'with the preloader':>23}   {'without':>23}   {'difference':>23}")
    print(f"{'pair':5} " + "   ".join(["Started     CPU  CPU+5s"] * 3))
    results = []
    for pair in range(pairs):
        order = ("with", "without") if pair % 2 == 0 else ("without", "with")
        measured = {name: start(java, f"{work}/{name}.jar") for name in order}
        difference = tuple(a - b for a, b in zip(measured["with"], measured["without"]))
        results.append((measured["with"], measured["without"], difference))
        print(row(str(pair + 1), results[-1]), flush=True)
    print(row("p50", [tuple(statistics.median(r[g][k] for r in results) for k in range(3)) for g in range(3)]))
PY
