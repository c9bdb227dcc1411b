#!/usr/bin/env bash
# What the native-layer preloader saves at start-up: the sample daemon (beacon on) as built,
# against the same jar whose NativePosixPreloader starts nothing (a class of that name compiled
# here, with the same method doing nothing, put in place of the real one in the nested
# auto-configuration jar), in pairs, on a JDK 22+ (java.lang.foreign) and a JDK 17-21 (jffi),
# measured by the same driver as bench.sh's start-up table (StartupCost, every other pair the jar
# with the preloader first).
# PAIRS, FFM_JAVA and JNR_JAVA: see scripts/lib/startup-pairs.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/startup-pairs.sh
cp sample-daemon/target/sample-daemon.jar "$WORK/with-preloader.jar"

PRELOADER=io/github/fifoliveness/autoconfigure/NativePosixPreloader
mkdir -p "$WORK/src/$(dirname "$PRELOADER")" "$WORK/classes"
cat > "$WORK/src/$PRELOADER.java" <<'JAVA'
package io.github.fifoliveness.autoconfigure;

final class NativePosixPreloader {

	private NativePosixPreloader() {
	}

	static void startIfNeeded(Features features) {
	}

}
JAVA
"$(dirname "$FFM_JAVA")/javac" --release 17 -d "$WORK/classes" -cp "$(ls autoconfigure/target/fifo-liveness-spring-boot-*[0-9T].jar)" \
	"$WORK/src/$PRELOADER.java"

# The same jar with that class; nested jars stay stored, as Spring Boot's loader needs.
python3 - "$WORK/with-preloader.jar" "$WORK/without-preloader.jar" "$WORK/classes/$PRELOADER.class" "$PRELOADER.class" <<'PY'
import io, re, sys, zipfile

source_jar, target_jar, stub, entry = sys.argv[1:5]
replaced = False
with zipfile.ZipFile(source_jar) as source, zipfile.ZipFile(target_jar, "w") as target:
    for info in source.infolist():
        data = source.read(info.filename)
        # fifo-liveness-spring-boot-<version>.jar, not the starter's jar.
        if re.search(r"BOOT-INF/lib/fifo-liveness-spring-boot-[0-9][^/]*\.jar$", info.filename):
            out = io.BytesIO()
            with zipfile.ZipFile(io.BytesIO(data)) as inner, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
                for nested in inner.infolist():
                    content = inner.read(nested.filename)
                    if nested.filename == entry:
                        content = open(stub, "rb").read()
                        replaced = True
                    copy.writestr(nested, content)
            data = out.getvalue()
        target.writestr(info, data, compress_type=info.compress_type)
if not replaced:
    sys.exit("No " + entry + " in the fifo-liveness-spring-boot jar of " + source_jar)
PY

compare_on_both_jdks "$WORK/with-preloader.jar" "$WORK/without-preloader.jar"
