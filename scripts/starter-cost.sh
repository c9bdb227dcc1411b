#!/usr/bin/env bash
# What the starter costs an application that uses none of it: the sample daemon with the
# beacon off and no peer, against the same jar without fifo-liveness (its auto-configuration,
# jnr-posix and what jnr-posix brings: jnr-ffi, jnr-constants, jffi, asm; Actuator stays, as
# most applications have it anyway), in pairs, on a JDK 22+ and a JDK 17-21, measured by the
# driver of bench.sh's start-up table (StartupCost; the first column is the jar with the starter).
# PAIRS, FFM_JAVA and JNR_JAVA: see scripts/lib/startup-pairs.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/startup-pairs.sh
cp sample-daemon/target/sample-daemon.jar "$WORK/with-starter.jar"

# The same jar without fifo-liveness's libraries, in its lib folder and its classpath index;
# nested jars stay stored, as Spring Boot's loader needs.
python3 - "$WORK/with-starter.jar" "$WORK/without-starter.jar" <<'PY'
import re, sys, zipfile

ours = re.compile(r"BOOT-INF/lib/(fifo-liveness-|jnr-|jffi-|asm-)[^/]*\.jar")
with zipfile.ZipFile(sys.argv[1]) as source, zipfile.ZipFile(sys.argv[2], "w") as target:
    removed = [name for name in source.namelist() if ours.fullmatch(name)]
    if not any("/fifo-liveness-" in name for name in removed):
        sys.exit("No fifo-liveness library in " + sys.argv[1])
    for info in source.infolist():
        if info.filename in removed:
            continue
        data = source.read(info.filename)
        if info.filename in ("BOOT-INF/classpath.idx", "BOOT-INF/layers.idx"):
            data = "".join(line for line in data.decode().splitlines(True)
                           if not ours.search(line)).encode()
        target.writestr(info, data, compress_type=info.compress_type)
    print("Without: " + ", ".join(name.rsplit("/", 1)[1] for name in removed), file=sys.stderr)
PY

compare_on_both_jdks --beacon-off "$WORK/with-starter.jar" "$WORK/without-starter.jar"
