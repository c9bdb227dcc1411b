#!/usr/bin/env bash
# What the native-layer preloader saves at start-up: the sample daemon (beacon on) as built,
# against the same jar with the preloader's entry taken out of the auto-configuration's
# META-INF/spring.factories, in pairs, on a JDK 22+ (java.lang.foreign) and a JDK 17-21
# (jnr-posix), measured by the same driver as bench.sh's start-up table (StartupCost, each pair the
# jar with the preloader first).
# PAIRS, FFM_JAVA and JNR_JAVA: see scripts/lib/startup-pairs.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/startup-pairs.sh
cp sample-daemon/target/sample-daemon.jar "$WORK/with-preloader.jar"

# The same jar without the preloader; nested jars stay stored, as Spring Boot's loader needs.
python3 - "$WORK/with-preloader.jar" "$WORK/without-preloader.jar" <<'PY'
import io, re, sys, zipfile

preloader = "org.springframework.context.ApplicationListener=\\\nio.github.fifoliveness.autoconfigure.NativePosixPreloader"
found = False
with zipfile.ZipFile(sys.argv[1]) as source, zipfile.ZipFile(sys.argv[2], "w") as target:
    for info in source.infolist():
        data = source.read(info.filename)
        # fifo-liveness-spring-boot-<version>.jar, not the starter's jar.
        if re.search(r"BOOT-INF/lib/fifo-liveness-spring-boot-[0-9][^/]*\.jar$", info.filename):
            found = True
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
if not found:
    sys.exit("No fifo-liveness-spring-boot jar in " + sys.argv[1])
PY

compare_on_both_jdks "$WORK/with-preloader.jar" "$WORK/without-preloader.jar"
