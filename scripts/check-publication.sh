#!/usr/bin/env bash
# Checks what a release would publish, the way Maven Central judges it: deploys the build
# into a temporary file repository and fails unless exactly the parent POM, the core, the
# Spring Boot module and the starter are there, each jar with its -sources and -javadoc
# jars, and every published POM names, describes, licenses and locates the project.
# Run from anywhere; .ci/run runs it after the tests. Leaves nothing behind.
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "Deploying into a temporary repository" >&2
mvn -B -q deploy -DskipTests -DaltDeploymentRepository="publication-check::file://$work/repo"

group=$work/repo/io/github/fifoliveness
published=$(cd "$group" && ls | sort | tr '\n' ' ')
expected="fifo-liveness-core fifo-liveness-parent fifo-liveness-spring-boot fifo-liveness-spring-boot-starter "
if [ "$published" != "$expected" ]; then
	echo "FAIL: published artifacts are: $published; expected exactly: $expected" >&2
	exit 1
fi

fail=0
for artifact in fifo-liveness-core fifo-liveness-spring-boot fifo-liveness-spring-boot-starter; do
	for kind in .jar -sources.jar -javadoc.jar .pom; do
		if ! ls "$group/$artifact"/*/"$artifact"-*"$kind" >/dev/null 2>&1; then
			echo "FAIL: $artifact has no $kind" >&2
			fail=1
		fi
	done
done
ls "$group"/fifo-liveness-parent/*/fifo-liveness-parent-*.pom >/dev/null || { echo "FAIL: no parent POM" >&2; fail=1; }
core=$group/fifo-liveness-core
# grep reads the whole listing (no -q): with pipefail, an early exit would fail unzip with SIGPIPE.
unzip -l "$(ls "$core"/*/*-javadoc.jar)" | grep >/dev/null 'io/github/fifoliveness/peer/FifoPeerProbe.html' \
	|| { echo "FAIL: the core's Javadoc jar has no FifoPeerProbe.html" >&2; fail=1; }
jar=$(ls "$core"/*/*.jar | grep -v -e '-sources\.jar$' -e '-javadoc\.jar$' -e '-tests\.jar$')
unzip -l "$jar" | grep >/dev/null 'META-INF/versions/22/io/github/fifoliveness/posix/ForeignSyscall.class' \
	|| { echo "FAIL: the core's jar has no META-INF/versions/22/.../ForeignSyscall.class (java.lang.foreign, JDK 22+)" >&2; fail=1; }
unzip -p "$jar" META-INF/MANIFEST.MF | grep >/dev/null '^Multi-Release: true' \
	|| { echo "FAIL: the core's jar is not Multi-Release" >&2; fail=1; }
unzip -l "$(ls "$core"/*/*-sources.jar)" | grep >/dev/null 'io/github/fifoliveness/peer/FifoPeerProbe.java' \
	|| { echo "FAIL: the core's sources jar has no FifoPeerProbe.java" >&2; fail=1; }
unzip -l "$(ls "$group"/fifo-liveness-spring-boot/*/*-javadoc.jar)" | grep >/dev/null \
	'io/github/fifoliveness/autoconfigure/peer/PeerStatusChangedEvent.html' \
	|| { echo "FAIL: the Spring Boot module's Javadoc jar has no PeerStatusChangedEvent.html" >&2; fail=1; }

# The published modules' effective POMs: what a consumer (and Central's validation) sees once
# the parent is applied.
mvn -B -q help:effective-pom -pl .,core,autoconfigure,starter -Doutput="$work/effective-pom.xml"
python3 - "$work/effective-pom.xml" <<'PY' || fail=1
import sys
import xml.etree.ElementTree as ET

ns = {"m": "http://maven.apache.org/POM/4.0.0"}
root = ET.parse(sys.argv[1]).getroot()
projects = root.findall("m:project", ns) if root.tag.endswith("projects") else [root]
required = ["m:name", "m:description", "m:url", "m:licenses/m:license/m:name", "m:licenses/m:license/m:url",
            "m:developers/m:developer/m:name", "m:scm/m:url", "m:scm/m:connection", "m:scm/m:developerConnection"]
expected_url = "https://github.com/fifo-liveness/fifo-liveness"
ok = True
for project in projects:
    artifact = project.findtext("m:artifactId", namespaces=ns)
    for path in required:
        if not (project.findtext(path, namespaces=ns) or "").strip():
            print(f"FAIL: {artifact} has no {path.replace('m:', '')}", file=sys.stderr)
            ok = False
    for path in ["m:url", "m:scm/m:url"]:
        value = project.findtext(path, namespaces=ns)
        if value != expected_url:
            print(f"FAIL: {artifact} {path.replace('m:', '')} is {value}, not {expected_url}", file=sys.stderr)
            ok = False
    if project.findtext("m:licenses/m:license/m:name", namespaces=ns) != "Apache License, Version 2.0":
        print(f"FAIL: {artifact} is not licensed under the Apache License, Version 2.0", file=sys.stderr)
        ok = False
print(f"{len(projects)} published POMs checked", file=sys.stderr)
sys.exit(0 if ok else 1)
PY

if [ "$fail" -ne 0 ]; then
	exit 1
fi
echo "OK: publishes fifo-liveness-parent, -core, -spring-boot and -spring-boot-starter (each jar with -sources and -javadoc); complete POMs" >&2
