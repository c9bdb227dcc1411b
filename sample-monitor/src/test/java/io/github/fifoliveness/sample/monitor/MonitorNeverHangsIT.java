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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged sample monitor, run as users run it, pointed at files that would block a
 * careless reader: a PID-file peer that is a FIFO without writer, and its own PID file
 * replaced by a FIFO while it runs. Every endpoint keeps answering, and SIGTERM stops it
 * within its shutdown timeout.
 */
class MonitorNeverHangsIT {

	private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

	@TempDir
	Path dir;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private Process monitor;

	@AfterEach
	void killMonitor() throws InterruptedException {
		if (this.monitor != null) {
			this.monitor.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
	}

	@Test
	void fifosWhereFilesAreExpectedNeverHangTheMonitor() throws Exception {
		Path peerPidFile = mkfifo(this.dir.resolve("app.pid"));
		Path ownPidFile = this.dir.resolve("monitor/sample-monitor.pid");
		Path log = this.dir.resolve("sample-monitor.log");
		this.monitor = start(log, "--fifo-liveness.peers.app.pid-file=" + peerPidFile,
				"--fifo-liveness.pid-file=" + ownPidFile);
		int port = awaitPort(log);

		HttpResponse<String> peer = get(port, "/actuator/health/peers/app");
		assertThat(peer.statusCode()).isEqualTo(503);
		assertThat(JsonPath.<String>read(peer.body(), "$.details.reason")).isEqualTo("INVALID_PID_FILE");
		assertThat(JsonPath.<String>read(peer.body(), "$.details.message")).startsWith("A FIFO is at the path");
		assertThat(get(port, "/actuator/health").statusCode()).isEqualTo(503);
		assertThat(get(port, "/actuator/prometheus").body())
			.contains("fifo_liveness_peer_up{kind=\"pid-file\",peer=\"app\"} 0.0");
		assertThat(get(port, "/alerts").statusCode()).isEqualTo(200);

		Files.delete(ownPidFile);
		mkfifo(ownPidFile);
		this.monitor.destroy();
		assertThat(this.monitor.waitFor(SHUTDOWN_TIMEOUT.toSeconds(), TimeUnit.SECONDS))
			.as("SIGTERM stopped the monitor within its shutdown timeout")
			.isTrue();
		assertThat(Files.readString(log)).contains("no longer holds this process's PID (a FIFO is there); leaving it");
	}

	private Process start(Path log, String... args) throws IOException {
		Path jar = Path.of(System.getProperty("sample-monitor.jar", "target/sample-monitor.jar"));
		assertThat(jar).as("packaged sample-monitor (run 'mvn verify' from the root)").isRegularFile();
		List<String> command = new ArrayList<>(Commands.java(this.dir));
		command.addAll(
				List.of("-jar", jar.toString(), "--server.port=0", "--management.endpoint.health.show-details=always",
						"--fifo-liveness.beacon.path=" + this.dir.resolve("monitor/sample-monitor.fifo"),
						"--fifo-liveness.peers.sample-daemon.path=" + this.dir.resolve("daemon/sample-daemon.fifo"),
						"--fifo-liveness.peers.sample-daemon-ready.path="
								+ this.dir.resolve("daemon/sample-daemon-ready.fifo")));
		command.addAll(List.of(args));
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
	}

	private int awaitPort(Path log) {
		Pattern started = Pattern.compile("Tomcat started on port (\\d+)");
		return await().atMost(Duration.ofSeconds(90)).until(() -> {
			assertThat(this.monitor.isAlive()).as("monitor is running").isTrue();
			Matcher matcher = started.matcher(Files.readString(log));
			return matcher.find() ? Integer.parseInt(matcher.group(1)) : null;
		}, (port) -> port != null);
	}

	private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(10))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static Path mkfifo(Path path) throws IOException, InterruptedException {
		Files.createDirectories(path.getParent());
		Process mkfifo = new ProcessBuilder("mkfifo", "-m", "600", path.toString()).inheritIO().start();
		assertThat(mkfifo.waitFor()).isZero();
		return path;
	}

}
