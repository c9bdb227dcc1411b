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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import io.github.fifoliveness.posix.NativeImplementation;
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

/**
 * The sample monitor, serving real HTTP, watches the packaged sample daemon run as a
 * separate OS process: UP while it runs, DOWN on the first request after SIGKILL, UP
 * again once it is restarted; DOWN while the running daemon says it is BROKEN.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "management.endpoint.health.show-details=always")
@DirtiesContext
class SampleDaemonEndToEndIT {

	private static final Duration DAEMON_START_TIMEOUT = Duration.ofSeconds(90);

	@TempDir
	static Path dir;

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	private Process daemon;

	@DynamicPropertySource
	static void fifoPaths(DynamicPropertyRegistry registry) {
		registry.add("fifo-liveness.peers.sample-daemon.path", SampleDaemonEndToEndIT::daemonFifo);
		registry.add("fifo-liveness.peers.sample-daemon-ready.path", SampleDaemonEndToEndIT::readinessFifo);
		registry.add("fifo-liveness.beacon.path", () -> dir.resolve("monitor/sample-monitor.fifo").toString());
	}

	@AfterEach
	void killDaemon() throws InterruptedException {
		if (this.daemon != null) {
			this.daemon.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
	}

	@Test
	void bothSidesRunTheNativeImplementationOfTheirJavaVersionAndTheDaemonLogsNoWarning() throws Exception {
		NativeImplementation expected = (Runtime.version().feature() >= 22) ? NativeImplementation.FFM
				: NativeImplementation.JNR;
		assertThat(NativePosix.get().implementation()).isEqualTo(expected);
		assertThat(expected.name()).as("the implementation this test run is for")
			.isEqualTo(System.getProperty("fifo-liveness.test.expected-implementation", expected.name()));
		this.daemon = startDaemon("native");
		awaitPeerUp();
		List<String> jffiMappings = Files.readAllLines(Path.of("/proc", String.valueOf(this.daemon.pid()), "maps"))
			.stream()
			.filter((line) -> line.contains("jffi"))
			.toList();
		if (expected == NativeImplementation.FFM) {
			assertThat(jffiMappings).as("jnr's native library in the daemon").isEmpty();
		}
		else {
			assertThat(jffiMappings).as("jnr's native library in the daemon").isNotEmpty();
		}
		assertThat(Files.readAllLines(dir.resolve("logs/sample-daemon-native.log"))).isNotEmpty()
			.noneMatch((line) -> line.contains("WARNING:"));
	}

	@Test
	void brokenDaemonIsDownWhileItRunsAndUpAgainWhenCorrect() throws Exception {
		this.daemon = startDaemon("broken");
		awaitPeerUp();
		// Ready, so started: Spring Boot publishes LivenessState.CORRECT once started,
		// which would hold the FIFO again if BROKEN came before it.
		awaitDaemonReady();
		int daemonPort = daemonPort("broken");
		assertThat(post(daemonPort, "/demo/liveness?state=BROKEN").statusCode()).isEqualTo(200);
		HttpResponse<String> broken = peer();
		assertThat(this.daemon.isAlive()).isTrue();
		assertThat(broken.statusCode()).isEqualTo(503);
		assertThat(reason(broken)).isEqualTo("NO_READER");
		// Broken is a liveness matter: the daemon's readiness FIFO does not change.
		assertThat(get("/actuator/health/peers/sample-daemon-ready").statusCode()).isEqualTo(200);
		// The monitor's watcher learnt it from the kernel, and published it: the sample
		// keeps it as an alert.
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(daemonAlerts()).first().isEqualTo("DOWN NO_READER"));
		assertThat(post(daemonPort, "/demo/liveness?state=CORRECT").statusCode()).isEqualTo(200);
		assertThat(status(peer())).isEqualTo("UP");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(daemonAlerts()).first().isEqualTo("RECOVERED"));
	}

	@Test
	void daemonIsUpThenDownOnTheFirstRequestAfterSigkillThenUpAfterRestart() throws Exception {
		assertThat(peer().statusCode()).isEqualTo(503);
		assertThat(reason(peer())).isEqualTo("MISSING");

		this.daemon = startDaemon("first");
		awaitPeerUp();
		awaitDaemonReady();
		assertThat(get("/actuator/health/dependencies").statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(get("/actuator/prometheus").body())
				.contains("fifo_liveness_peer_up{kind=\"fifo\",peer=\"sample-daemon\"} 1.0"));

		this.daemon.destroyForcibly();
		assertThat(this.daemon.waitFor(30, TimeUnit.SECONDS)).isTrue();
		HttpResponse<String> afterKill = peer();
		assertThat(afterKill.statusCode()).isEqualTo(503);
		assertThat(status(afterKill)).isEqualTo("DOWN");
		assertThat(reason(afterKill)).isEqualTo("NO_READER");
		assertThat(get("/actuator/health").statusCode()).isEqualTo(503);
		assertThat(get("/actuator/health/dependencies").statusCode()).isEqualTo(503);
		assertThat(reason(get("/actuator/health/peers/sample-daemon-ready"))).isEqualTo("NO_READER");
		// The gauge and the alerts follow the watcher, which the kernel tells within
		// milliseconds.
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(get("/actuator/prometheus").body())
				.contains("fifo_liveness_peer_up{kind=\"fifo\",peer=\"sample-daemon\"} 0.0"));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(JsonPath.<List<String>>read(get("/alerts").body(), "$[*].what"))
				.contains("DOWN NO_READER"));

		this.daemon = startDaemon("restarted");
		awaitPeerUp();
		assertThat(JsonPath.<String>read(peer().body(), "$.details.path")).isEqualTo(daemonFifo());
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(JsonPath.<List<String>>read(get("/alerts").body(), "$[*].what"))
				.containsSubsequence("RECOVERED", "DOWN NO_READER"));
	}

	// The sample-daemon peer's alerts, the latest first.
	private List<String> daemonAlerts() throws IOException, InterruptedException {
		return JsonPath.read(get("/alerts").body(), "$[?(@.peer == 'sample-daemon')].what");
	}

	private void awaitDaemonReady() {
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(
					() -> assertThat(get("/actuator/health/peers/sample-daemon-ready").statusCode()).isEqualTo(200));
	}

	private void awaitPeerUp() {
		await().atMost(DAEMON_START_TIMEOUT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			assertThat(this.daemon.isAlive()).as("daemon process is running").isTrue();
			HttpResponse<String> response = peer();
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(status(response)).isEqualTo("UP");
		});
	}

	private Process startDaemon(String run) throws IOException {
		Path jar = Path.of(System.getProperty("sample-daemon.jar", "../sample-daemon/target/sample-daemon.jar"));
		assertThat(jar).as("packaged sample-daemon (run 'mvn verify' from the root)").isRegularFile();
		List<String> command = new ArrayList<>(Commands.java(dir));
		command.addAll(List.of("-jar", jar.toString(), "--server.port=0", "--fifo-liveness.beacon.path=" + daemonFifo(),
				"--fifo-liveness.beacon.readiness-path=" + readinessFifo()));
		Path log = Files.createDirectories(dir.resolve("logs")).resolve("sample-daemon-" + run + ".log");
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
	}

	private int daemonPort(String run) throws IOException {
		Matcher port = Pattern.compile("Tomcat started on port (\\d+)")
			.matcher(Files.readString(dir.resolve("logs/sample-daemon-" + run + ".log")));
		assertThat(port.find()).as("the daemon logged its port").isTrue();
		return Integer.parseInt(port.group(1));
	}

	private HttpResponse<String> post(int port, String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> peer() throws IOException, InterruptedException {
		return get("/actuator/health/peers/sample-daemon");
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static String status(HttpResponse<String> response) {
		return JsonPath.read(response.body(), "$.status");
	}

	private static String reason(HttpResponse<String> response) {
		return JsonPath.read(response.body(), "$.details.reason");
	}

	private static String daemonFifo() {
		return dir.resolve("daemon/sample-daemon.fifo").toString();
	}

	private static String readinessFifo() {
		return dir.resolve("daemon/sample-daemon-ready.fifo").toString();
	}

}
