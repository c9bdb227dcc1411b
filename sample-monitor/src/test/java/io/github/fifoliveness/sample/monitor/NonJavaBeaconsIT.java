package io.github.fifoliveness.sample.monitor;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;
import io.github.fifoliveness.peer.FifoPeerProbe;
import io.github.fifoliveness.posix.NativePosix;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The beacons in {@code examples/beacons} for daemons written in shell, Python and Go,
 * run as real processes and watched by this monitor over HTTP: DOWN before they start, UP
 * while they run, DOWN once killed with SIGKILL although the child process each has
 * started lives on (none of them lets a child inherit the FIFO), and UP again when
 * restarted on the FIFO the killed one left behind.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "management.endpoint.health.show-details=always")
@DirtiesContext
class NonJavaBeaconsIT {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

	private static final List<String> PEERS = List.of("shell-beacon", "python-beacon", "go-beacon",
			"shell-without-close");

	@TempDir
	static Path dir;

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	private final List<ProcessHandle> started = new ArrayList<>();

	@DynamicPropertySource
	static void peers(DynamicPropertyRegistry registry) {
		registry.add("fifo-liveness.beacon.path", () -> dir.resolve("monitor/sample-monitor.fifo").toString());
		PEERS.forEach((peer) -> registry.add("fifo-liveness.peers." + peer + ".path", () -> fifo(peer).toString()));
	}

	@AfterEach
	void killEverythingStarted() {
		this.started.forEach((process) -> {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
		});
	}

	@Test
	void shellBeacon() throws Exception {
		Path script = Commands.repositoryFile("examples/beacons/shell/beacon.sh");
		assertUpWhileRunningAndDownOnceKilled("shell-beacon", List.of("sh", script.toString()));
	}

	@Test
	void pythonBeacon() throws Exception {
		assumeTrue(Commands.installed("python3"), "python3 is not installed (Debian: apt-get install python3)");
		Path script = Commands.repositoryFile("examples/beacons/python/beacon.py");
		assertUpWhileRunningAndDownOnceKilled("python-beacon", List.of("python3", script.toString()));
	}

	@Test
	void goBeacon() throws Exception {
		assumeTrue(Commands.installed("go"),
				"Go is not installed (Debian: apt-get install golang-go; .ci/run does it)");
		assertUpWhileRunningAndDownOnceKilled("go-beacon", List.of(builtGoBeacon().toString()));
	}

	@Test
	void eachBeaconHoldsItsFifoInAFolderMadeSetgidByItsParentAsAnFsGroupVolumeDoes() throws Exception {
		Path volume = Files.createDirectories(dir.resolve("fs-group-volume"));
		assertThat(Commands.run(Duration.ofSeconds(10), Map.of(), "chmod", "2777", volume.toString()).status())
			.isZero();
		for (List<String> command : beacons()) {
			Path fifo = volume.resolve(Path.of(command.get(command.size() - 1)).getFileName() + "/beacon.fifo");
			List<String> withPath = new ArrayList<>(command);
			withPath.add(fifo.toString());
			Process beacon = start("setgid-" + fifo.getParent().getFileName(), withPath);
			await().atMost(START_TIMEOUT)
				.until(() -> !beacon.isAlive() || new FifoPeerProbe(fifo, NativePosix.get()).probe().alive());
			assertThat(beacon.isAlive()).as("%s holds %s", command, fifo).isTrue();
			assertThat(Commands.run(Duration.ofSeconds(10), Map.of(), "stat", "-c", "%a", fifo.getParent().toString())
				.output()
				.trim()).as("the folder it made, setgid as the volume is").isEqualTo("2700");
			kill(beacon);
		}
	}

	@Test
	void eachBeaconRefusesAFifoOtherUsersCouldOpenAndLeavesItAsItWas() throws Exception {
		for (List<String> command : beacons()) {
			Path folder = Files.createDirectories(
					dir.resolve("open-to-others")
						.resolve(Path.of(command.get(command.size() - 1)).getFileName().toString()),
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
			Path fifo = folder.resolve("beacon.fifo");
			assertThat(Commands.run(Duration.ofSeconds(10), Map.of(), "mkfifo", "-m", "644", fifo.toString()).status())
				.isZero();
			List<String> withPath = new ArrayList<>(command);
			withPath.add(fifo.toString());
			Commands.Result refused = Commands.run(START_TIMEOUT, Map.of(), withPath.toArray(String[]::new));
			assertThat(refused.status()).as(refused.output()).isNotZero();
			assertThat(refused.output()).contains("has mode 0644, so other users could open it")
				.contains("chmod 600 '" + fifo + "'");
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fifo))).isEqualTo("rw-r--r--");
		}
	}

	// The beacons this machine can run: the shell's always, Python's and Go's where
	// installed.
	private static List<List<String>> beacons() {
		List<List<String>> beacons = new ArrayList<>();
		beacons.add(List.of("sh", Commands.repositoryFile("examples/beacons/shell/beacon.sh").toString()));
		if (Commands.installed("python3")) {
			beacons.add(List.of("python3", Commands.repositoryFile("examples/beacons/python/beacon.py").toString()));
		}
		if (Commands.installed("go")) {
			beacons.add(List.of(builtGoBeacon().toString()));
		}
		return beacons;
	}

	// Built once per run, its caches in the temporary folder: nothing is left in the home
	// folder.
	private static synchronized Path builtGoBeacon() {
		Path goHome = dir.resolve("go-build");
		Path binary = goHome.resolve("beacon");
		if (!Files.isExecutable(binary)) {
			Commands.Result build = Commands.run(Duration.ofMinutes(3),
					Map.of("GOCACHE", goHome.resolve("cache").toString(), "GOPATH", goHome.resolve("path").toString(),
							"CGO_ENABLED", "0", "GOTOOLCHAIN", "local", "GOFLAGS", "-modcacherw"),
					"sh", "-c", "cd \"$0\" && go build -o \"$1\" .",
					Commands.repositoryFile("examples/beacons/go").toString(), binary.toString());
			assertThat(build.status()).as(build.output()).isZero();
		}
		return binary;
	}

	@Test
	void shellChildThatInheritsDescriptor3KeepsTheFifoHeldAfterTheShellDied() throws Exception {
		// What beacon.sh avoids with 3>&-: the child inherits the read end and holds it.
		Path fifo = fifo("shell-without-close");
		Files.createDirectories(fifo.getParent());
		Process shell = start("shell-without-close",
				List.of("sh", "-c", "mkfifo -m 600 \"$0\" && exec 3<>\"$0\" && sleep 600; exit", fifo.toString()));
		awaitUp("shell-without-close", shell);
		List<ProcessHandle> children = awaitChildren(shell);

		kill(shell);
		assertThat(children).allMatch(ProcessHandle::isAlive);
		assertThat(status(peer("shell-without-close"))).as("a child that inherited descriptor 3 holds the FIFO")
			.isEqualTo("UP");

		children.forEach(ProcessHandle::destroyForcibly);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(reason(peer("shell-without-close"))).isEqualTo("NO_READER"));
	}

	private void assertUpWhileRunningAndDownOnceKilled(String peer, List<String> command) throws Exception {
		Path fifo = fifo(peer);
		List<String> withPath = new ArrayList<>(command);
		withPath.add(fifo.toString());
		assertThat(reason(peer(peer))).isEqualTo("MISSING");

		Process beacon = start(peer, withPath);
		awaitUp(peer, beacon);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fifo.getParent())))
			.isEqualTo("rwx------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fifo))).isEqualTo("rw-------");
		List<ProcessHandle> children = awaitChildren(beacon);

		kill(beacon);
		HttpResponse<String> afterKill = peer(peer);
		assertThat(children).as("the beacon's child lives on").allMatch(ProcessHandle::isAlive);
		assertThat(afterKill.statusCode()).isEqualTo(503);
		assertThat(reason(afterKill)).isEqualTo("NO_READER");

		// A restart after a crash reuses the FIFO left behind.
		Process restarted = start(peer, withPath);
		awaitUp(peer, restarted);
		kill(restarted);
		assertThat(reason(peer(peer))).isEqualTo("NO_READER");
	}

	private Process start(String peer, List<String> command) throws IOException {
		Path log = Files.createDirectories(dir.resolve("logs")).resolve(peer + ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.start();
		this.started.add(process.toHandle());
		return process;
	}

	private void awaitUp(String peer, Process beacon) {
		await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
			assertThat(beacon.isAlive()).as("%s is running (see %s)", peer, dir.resolve("logs/" + peer + ".log"))
				.isTrue();
			HttpResponse<String> response = peer(peer);
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(status(response)).isEqualTo("UP");
		});
	}

	/** The beacon's running child processes, which the test kills in the end. */
	private List<ProcessHandle> awaitChildren(Process beacon) {
		List<ProcessHandle> children = await().atMost(START_TIMEOUT)
			.until(() -> beacon.toHandle().children().toList(), (list) -> !list.isEmpty());
		this.started.addAll(children);
		return children;
	}

	/**
	 * SIGKILL, after noting its children: once it is dead they are no longer its
	 * descendants.
	 */
	private void kill(Process process) throws InterruptedException {
		process.descendants().forEach(this.started::add);
		process.destroyForcibly();
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("killed with SIGKILL").isTrue();
	}

	private HttpResponse<String> peer(String name) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/health/peers/" + name))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static String status(HttpResponse<String> response) {
		return JsonPath.read(response.body(), "$.status");
	}

	private static String reason(HttpResponse<String> response) {
		return JsonPath.read(response.body(), "$.details.reason");
	}

	private static Path fifo(String peer) {
		return dir.resolve(peer + "/" + peer + ".fifo");
	}

}
