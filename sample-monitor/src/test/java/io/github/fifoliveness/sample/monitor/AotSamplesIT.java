package io.github.fifoliveness.sample.monitor;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample jars built with Spring AOT ({@code spring-boot:process-aot}) and run with
 * {@code -Dspring.aot.enabled=true}: the daemon holds its beacon, the monitor's peers
 * answer UP and, once the daemon is killed with SIGKILL, DOWN. Peer paths are bound at
 * run time, but conditions were evaluated at build time: a run-time switch cannot remove
 * the beacon, and a peer given at run time to an application built without peers is not
 * seen.
 */
class AotSamplesIT {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

	/** The samples show details only to authorized users; these tests read them. */
	private static final String SHOW_DETAILS = "--management.endpoint.health.show-details=always";

	private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

	@TempDir
	Path dir;

	private final HttpClient http = HttpClient.newHttpClient();

	private final List<Process> started = new ArrayList<>();

	private final Set<String> aotRuns = new HashSet<>();

	@AfterEach
	void killEverythingStarted() throws InterruptedException {
		for (Process process : this.started) {
			process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
	}

	@Test
	void aotMonitorSeesAotDaemonUpThenDownAfterSigkill() throws Exception {
		String daemonFifo = this.dir.resolve("daemon/sample-daemon.fifo").toString();
		String readinessFifo = this.dir.resolve("daemon/sample-daemon-ready.fifo").toString();
		Process daemon = startAot("daemon", sampleDaemonJar(), "--fifo-liveness.beacon.path=" + daemonFifo,
				"--fifo-liveness.beacon.readiness-path=" + readinessFifo,
				"--fifo-liveness.peers.given-at-run-time.path=" + readinessFifo);
		startAot("monitor", sampleMonitorJar(), "--fifo-liveness.beacon.path=" + this.dir.resolve("monitor/m.fifo"),
				"--fifo-liveness.peers.sample-daemon.path=" + daemonFifo,
				"--fifo-liveness.peers.sample-daemon-ready.path=" + readinessFifo,
				"--fifo-liveness.peers.added-at-run-time.path=" + daemonFifo);
		int daemonPort = awaitPort("daemon");
		int monitorPort = awaitPort("monitor");

		await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			assertThat(status(get(monitorPort, "/actuator/health/peers/sample-daemon"))).isEqualTo("UP");
			assertThat(status(get(monitorPort, "/actuator/health/peers/sample-daemon-ready"))).isEqualTo("UP");
		});
		// The monitor was built with peers: its peers contributor exists, and reads the
		// peers
		// (their set and their paths) from the run-time configuration.
		HttpResponse<String> added = get(monitorPort, "/actuator/health/peers/added-at-run-time");
		assertThat(status(added)).isEqualTo("UP");
		assertThat(JsonPath.<String>read(added.body(), "$.details.path")).isEqualTo(daemonFifo);

		HttpResponse<String> daemonHealth = get(daemonPort, "/actuator/health");
		assertThat(JsonPath.<String>read(daemonHealth.body(), "$.components.beacon.status")).isEqualTo("UP");
		assertThat(JsonPath.<String>read(daemonHealth.body(), "$.components.beacon.details.path"))
			.isEqualTo(daemonFifo);
		// The daemon was built without peers: the peer it was given at run time is not
		// seen.
		assertThat(JsonPath.<Map<String, Object>>read(daemonHealth.body(), "$.components")).doesNotContainKey("peers");
		assertThat(get(daemonPort, "/actuator/health/peers").statusCode()).isEqualTo(404);

		daemon.destroyForcibly();
		assertThat(daemon.waitFor(30, TimeUnit.SECONDS)).isTrue();
		HttpResponse<String> afterKill = get(monitorPort, "/actuator/health/peers/sample-daemon");
		assertThat(afterKill.statusCode()).isEqualTo(503);
		assertThat(JsonPath.<String>read(afterKill.body(), "$.details.reason")).isEqualTo("NO_READER");
	}

	@Test
	void beaconEnabledIsFrozenAtBuildTime() throws Exception {
		Path aotFifo = this.dir.resolve("aot/sample-daemon.fifo");
		Path jvmFifo = this.dir.resolve("jvm/sample-daemon.fifo");
		startAot("aot-disabled", sampleDaemonJar(), "--fifo-liveness.beacon.enabled=false",
				"--fifo-liveness.beacon.path=" + aotFifo,
				"--fifo-liveness.beacon.readiness-path=" + aotFifo + ".ready");
		start("jvm-disabled",
				java("-jar", sampleDaemonJar(), "--server.port=0", SHOW_DETAILS, "--fifo-liveness.beacon.enabled=false",
						"--fifo-liveness.beacon.path=" + jvmFifo,
						"--fifo-liveness.beacon.readiness-path=" + jvmFifo + ".ready"));
		int aotPort = awaitPort("aot-disabled");
		int jvmPort = awaitPort("jvm-disabled");

		Map<String, Object> aot = JsonPath.read(get(aotPort, "/actuator/health").body(), "$.components");
		assertThat(aot).as("built with the beacon on, it holds it although disabled at run time").containsKey("beacon");
		assertThat(aotFifo).exists();
		Map<String, Object> jvm = JsonPath.read(get(jvmPort, "/actuator/health").body(), "$.components");
		assertThat(jvm).as("the same jar without AOT").doesNotContainKey("beacon");
		assertThat(jvmFifo).doesNotExist();
	}

	private Process startAot(String name, String jar, String... args) throws IOException {
		List<String> command = java("-Dspring.aot.enabled=true", "-jar", jar, "--server.port=0", SHOW_DETAILS);
		command.addAll(List.of(args));
		this.aotRuns.add(name);
		return start(name, command);
	}

	private Process start(String name, List<String> command) throws IOException {
		Path log = Files.createDirectories(this.dir.resolve("logs")).resolve(name + ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		this.started.add(process);
		return process;
	}

	/**
	 * Waits for the application's port; an AOT run must say it runs the AOT-processed
	 * application.
	 */
	private int awaitPort(String name) {
		Path log = this.dir.resolve("logs/" + name + ".log");
		String output = await().atMost(START_TIMEOUT)
			.pollInterval(Duration.ofMillis(200))
			.until(() -> Files.readString(log),
					(text) -> PORT.matcher(text).find() || text.contains("APPLICATION FAILED"));
		Matcher port = PORT.matcher(output);
		assertThat(port.find()).as("%s started: %s", name, output).isTrue();
		if (this.aotRuns.contains(name)) {
			assertThat(output).contains("Starting AOT-processed");
		}
		return Integer.parseInt(port.group(1));
	}

	private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static String status(HttpResponse<String> response) {
		return JsonPath.read(response.body(), "$.status");
	}

	private List<String> java(String... arguments) {
		List<String> command = new ArrayList<>(Commands.java(this.dir));
		command.addAll(List.of(arguments));
		return command;
	}

	private static String sampleDaemonJar() {
		Path jar = Path.of(System.getProperty("sample-daemon.jar", "../sample-daemon/target/sample-daemon.jar"));
		assertThat(jar).as("packaged sample-daemon (run 'mvn verify' from the root)").isRegularFile();
		return jar.toString();
	}

	private static String sampleMonitorJar() {
		Path jar = Path.of(System.getProperty("sample-monitor.jar", "target/sample-monitor.jar")).toAbsolutePath();
		assertThat(jar).as("packaged sample-monitor").isRegularFile();
		return jar.toString();
	}

}
