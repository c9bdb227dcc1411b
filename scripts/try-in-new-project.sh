#!/usr/bin/env bash
# Follows the README's "Adding it to your applications" into a brand-new Spring Boot 4
# project, as a new user would:
#   1. installs this repository's artifacts into the local Maven repository (mvn -B install);
#   2. writes a new project from scripts/new-project-template (not a module of this build),
#      adds the starter with the README's own <dependency> snippet and configures one peer,
#      'orders', in application.yml;
#   3. starts it on a free port and reads /actuator/health/peers/orders over HTTP: DOWN while
#      nothing is at the path, DOWN once the FIFO exists without a reader, UP once a process
#      holds it, DOWN again after that process's SIGKILL;
#   4. checks the health-group trap docs/health.md documents: a group that includes 'peers' fails
#      startup where no peer is configured, unless
#      management.endpoint.health.validate-group-membership=false;
#   5. runs the project's three @SpringBootTest classes (different configurations, so three
#      contexts) in one test JVM, then in two at once, while the packaged application runs
#      beside them with its default beacon and a PID file: the tests pass, and the running
#      application's beacon stays held and its PID file untouched.
# Needs Maven, a JDK, python3 and curl. .ci/run runs it after the tests. Leaves nothing behind
# but the artifacts installed in the local Maven repository.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
app_pid=
holder_pid=
cleanup() {
	for pid in $app_pid $holder_pid; do
		kill -9 "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	done
	rm -rf "$work"
}
trap cleanup EXIT

step() { printf '== %s\n' "$*" >&2; }
fail() {
	printf 'FAIL: %s\n' "$*" >&2
	exit 1
}

step "mvn -B install -DskipTests (the README's first step)"
(cd "$repo" && mvn -B -q install -DskipTests)

step "A brand-new Spring Boot project, with the starter as the README adds it"
project=$work/orders-monitor
cp -R "$repo/scripts/new-project-template" "$project"
python3 - "$repo" "$project/pom.xml" <<'PY'
import re
import sys
import xml.etree.ElementTree as ET

repo, pom = sys.argv[1], sys.argv[2]
ns = {"m": "http://maven.apache.org/POM/4.0.0"}
root = ET.parse(f"{repo}/pom.xml").getroot()
boot_version = root.findtext("m:parent/m:version", namespaces=ns)
version = root.findtext("m:version", namespaces=ns)

readme = open(f"{repo}/README.md", encoding="utf-8").read()
section = readme.split("## Adding it to your applications", 1)[1].split("\n## ", 1)[0]
snippet = re.search(r"```xml\n(.*?)```", section, re.S).group(1)
if "<artifactId>fifo-liveness-spring-boot-starter</artifactId>" not in snippet:
    sys.exit("FAIL: the README's first XML snippet does not add the starter:\n" + snippet)
if f"<version>{version}</version>" not in snippet:
    sys.exit(f"FAIL: the README's snippet does not name this repository's version {version}:\n" + snippet)

text = open(pom, encoding="utf-8").read().replace("@SPRING_BOOT_VERSION@", boot_version)
indented = "".join("\t\t" + line + "\n" if line else "\n" for line in snippet.splitlines())
text = text.replace("\t</dependencies>", indented + "\t</dependencies>", 1)
open(pom, "w", encoding="utf-8").write(text)
print(f"Spring Boot {boot_version}, fifo-liveness {version}", file=sys.stderr)
PY

peer_fifo=$work/run/orders/orders.fifo
cat >>"$project/src/main/resources/application.yml" <<YAML
fifo-liveness:
  peers:
    orders:
      path: $peer_fifo
  beacon:
    path: $work/run/orders-monitor/orders-monitor.fifo
management:
  endpoint:
    health:
      show-details: when-authorized
YAML
(cd "$project" && mvn -B -q package -DskipTests)
jar=$project/target/orders-monitor.jar

# Starts the new application on a port the kernel picks (server.port=0) and sets $port, or
# returns 1 with its output in $log if it stops before serving.
start_app() {
	log=$work/app-$1.log
	shift
	: >"$log"
	# The configuration shows details only to authorized users, as the README says; this
	# script reads them, so it asks for them on the command line.
	# Its own temporary folder, removed with $work: Tomcat leaves its folders there.
	mkdir -p "$work/tmp"
	java -Djava.io.tmpdir="$work/tmp" -jar "$jar" --server.port=0 \
		--management.endpoint.health.show-details=always "$@" >"$log" 2>&1 &
	app_pid=$!
	for _ in $(seq 1200); do
		port=$(sed -n 's/.*Tomcat started on port \([0-9]*\).*/\1/p' "$log" | head -n 1)
		[ -n "$port" ] && return 0
		kill -0 "$app_pid" 2>/dev/null || { wait "$app_pid" || true; app_pid=; return 1; }
		sleep 0.1
	done
	fail "the application did not start within 120 s; its output: $(cat "$log")"
}

stop_app() {
	kill "$app_pid"
	wait "$app_pid" || true
	app_pid=
}

# Prints "<HTTP status> <health status> <reason>" for a peer.
peer() {
	curl -s -w '\n%{http_code}' "http://localhost:$port/actuator/health/peers/$1" | python3 -c '
import json, sys
body, code = sys.stdin.read().rsplit("\n", 1)
health = json.loads(body)
print(code, health["status"], health.get("details", {}).get("reason", "-"))'
}

expect_peer() {
	local got
	got=$(peer orders)
	[ "$got" = "$1" ] || fail "GET /actuator/health/peers/orders: expected '$1', got '$got'"
	printf '   GET /actuator/health/peers/orders -> %s\n' "$got" >&2
}

step "The new application watches peer 'orders'"
start_app watching || fail "the new application did not start: $(cat "$log")"
expect_peer "503 DOWN MISSING"
mkdir -m 700 -p "$(dirname "$peer_fifo")"
mkfifo -m 600 "$peer_fifo"
expect_peer "503 DOWN NO_READER"
# A holder: a process that keeps the FIFO's read end open, as a daemon's beacon does.
sleep 600 3<>"$peer_fifo" &
holder_pid=$!
expect_peer "200 UP -"
kill -9 "$holder_pid"
wait "$holder_pid" 2>/dev/null || true
holder_pid=
expect_peer "503 DOWN NO_READER"
stop_app

step "The health-group trap: a group that includes 'peers' where no peer is configured"
cat >"$work/no-peers.yml" <<YAML
spring:
  application:
    name: orders-monitor
fifo-liveness:
  beacon:
    path: $work/run/orders-monitor/orders-monitor.fifo
management:
  endpoint:
    health:
      group:
        dependencies:
          include: peers
YAML
if start_app group-without-peers --spring.config.location="file:$work/no-peers.yml"; then
	fail "the application started although its health group includes 'peers' and no peer is configured"
fi
trap_message="Health contributor 'peers' defined in 'management.endpoint.health.group.dependencies.include' does not exist"
grep -qF "$trap_message" "$log" || fail "startup failed, but not for the health group: $(cat "$log")"
printf '   startup fails: %s\n' "$trap_message" >&2
# Without the validation it starts; a group left with no member answers 404, while one that
# has another member (ping) answers for that member.
start_app group-not-validated --spring.config.location="file:$work/no-peers.yml" \
	--management.endpoint.health.validate-group-membership=false \
	--management.endpoint.health.group.ready.include=ping,peers \
	|| fail "validate-group-membership=false did not let it start: $(cat "$log")"
dependencies=$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port/actuator/health/dependencies")
[ "$dependencies" = 404 ] || fail "GET /actuator/health/dependencies (no member): expected 404, got $dependencies"
ready=$(curl -s -w ' %{http_code}' "http://localhost:$port/actuator/health/ready")
# Details are shown (start_app shows them), so the group lists its one member left: ping.
[ "$ready" = '{"components":{"ping":{"status":"UP"}},"status":"UP"} 200' ] ||
	fail "GET /actuator/health/ready (ping, peers): expected UP with ping alone, got $ready"
printf '   validate-group-membership=false: starts; group of peers only -> %s, group of ping and peers -> %s\n' \
	"$dependencies" "$ready" >&2
stop_app

step "The project's tests while the application runs beside them with its default beacon"
# The default beacon path, the same for the application and its tests: under XDG_RUNTIME_DIR.
export XDG_RUNTIME_DIR=$work/xdg
mkdir -m 700 "$XDG_RUNTIME_DIR"
default_fifo=$XDG_RUNTIME_DIR/orders-monitor/orders-monitor.fifo
pid_file=$work/run/orders-monitor.pid
cp "$repo/scripts/new-project-template/src/main/resources/application.yml" "$project/src/main/resources/"
cat >>"$project/src/main/resources/application.yml" <<YAML
fifo-liveness:
  pid-file: $pid_file
  peers:
    orders:
      path: $peer_fifo
management:
  endpoint:
    health:
      show-details: when-authorized
YAML
(cd "$project" && mvn -B -q package -DskipTests)
start_app beside-tests || fail "the application did not start: $(cat "$log")"
# Opens the FIFO's write end without blocking, as a probe does: fails unless a reader holds it.
held() { python3 -c 'import os, sys; os.close(os.open(sys.argv[1], os.O_WRONLY | os.O_NONBLOCK))' "$1" 2>/dev/null; }
held "$default_fifo" || fail "the application does not hold its default beacon '$default_fifo'"
pid_before=$(cat "$pid_file")
[ "$pid_before" = "$app_pid" ] || fail "PID file '$pid_file' holds '$pid_before', not the application's $app_pid"
pid_inode=$(stat -c %i "$pid_file")
printf '   the application (pid %s) holds %s and wrote %s\n' "$app_pid" "$default_fifo" "$pid_file" >&2
untouched() {
	held "$default_fifo" || fail "after $1, the application's beacon '$default_fifo' is not held"
	[ "$(cat "$pid_file")" = "$app_pid" ] && [ "$(stat -c %i "$pid_file")" = "$pid_inode" ] \
		|| fail "after $1, the application's PID file was replaced or changed"
	beacon=$(curl -s "http://localhost:$port/actuator/health/beacon")
	case $beacon in *'"status":"UP"'*) ;; *) fail "after $1, the application's beacon health is $beacon" ;; esac
	printf '   after %s: beacon held, PID file untouched, beacon health UP\n' "$1" >&2
}
(cd "$project" && mvn -B -q test) >"$work/test-one-jvm.log" 2>&1 \
	|| fail "mvn test in one JVM failed beside the running application: $(tail -n 80 "$work/test-one-jvm.log")"
untouched "mvn test (three contexts in one JVM)"
(cd "$project" && mvn -B -q test -DforkCount=2 -DreuseForks=false) >"$work/test-two-jvms.log" 2>&1 \
	|| fail "mvn test in two JVMs at once failed beside the running application: $(tail -n 80 "$work/test-two-jvms.log")"
untouched "mvn test -DforkCount=2 -DreuseForks=false (two test JVMs at once)"
stop_app

step "OK: from 'mvn install' to a new application that sees its peer DOWN, UP and DOWN again, and whose tests pass beside it"
