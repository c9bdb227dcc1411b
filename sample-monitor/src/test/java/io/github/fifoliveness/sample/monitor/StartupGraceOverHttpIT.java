package io.github.fifoliveness.sample.monitor;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample monitor, serving real HTTP, started before its peers with a start-up grace
 * of 10 s: in its first seconds it answers 200 with both peers UNKNOWN (not seen yet) and
 * publishes no DOWN; the peer that starts in time is UP with no DOWN ever published, and
 * the one that never starts is DOWN, with its event, once the 10 s have passed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "fifo-liveness.monitor.startup-grace=10s", "management.endpoint.health.show-details=always" })
@DirtiesContext
class StartupGraceOverHttpIT {

	private static final Duration GRACE = Duration.ofSeconds(10);

	@TempDir
	static Path dir;

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	private final HttpClient http = HttpClient.newHttpClient();

	private Process daemon;

	@DynamicPropertySource
	static void paths(DynamicPropertyRegistry registry) {
		// The peer that starts in time, and the one that never starts.
		registry.add("fifo-liveness.peers.sample-daemon.path", () -> dir.resolve("daemon/daemon.fifo").toString());
		registry.add("fifo-liveness.peers.sample-daemon-ready.path", () -> dir.resolve("never/never.fifo").toString());
		registry.add("fifo-liveness.beacon.path", () -> dir.resolve("monitor/sample-monitor.fifo").toString());
	}

	@AfterEach
	void killDaemon() throws InterruptedException {
		if (this.daemon != null) {
			this.daemon.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
	}

	@Test
	void peersNotSeenYetAreUnknownWithinTheGraceThenUpInTimeOrDownAfterIt() throws Exception {
		HttpResponse<String> health = get("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<String>read(health.body(), "$.status")).isEqualTo("UP");
		for (String peer : List.of("sample-daemon", "sample-daemon-ready")) {
			HttpResponse<String> unknown = get("/actuator/health/peers/" + peer);
			assertThat(unknown.statusCode()).isEqualTo(200);
			assertThat(JsonPath.<String>read(unknown.body(), "$.status")).isEqualTo("UNKNOWN");
			assertThat(JsonPath.<String>read(unknown.body(), "$.details.reason")).isEqualTo("NOT_SEEN_YET");
			assertThat(JsonPath.<String>read(unknown.body(), "$.details.found")).isEqualTo("MISSING");
		}
		assertThat(get("/actuator/prometheus").body())
			.contains("fifo_liveness_peer_up{kind=\"fifo\",peer=\"sample-daemon-ready\"} NaN");
		assertThat(alerts()).isEmpty();

		startDaemon(dir.resolve("daemon/daemon.fifo"));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(status("/actuator/health/peers/sample-daemon")).isEqualTo("UP"));

		await().atMost(GRACE.multipliedBy(3))
			.untilAsserted(() -> assertThat(get("/actuator/health").statusCode()).isEqualTo(503));
		HttpResponse<String> down = get("/actuator/health/peers/sample-daemon-ready");
		assertThat(JsonPath.<String>read(down.body(), "$.status")).isEqualTo("DOWN");
		assertThat(JsonPath.<String>read(down.body(), "$.details.reason")).isEqualTo("MISSING");
		await().atMost(Duration.ofSeconds(10)).until(() -> !alerts().isEmpty());
		List<Map<String, Object>> alerts = alerts();
		assertThat(alerts).singleElement().satisfies((alert) -> {
			assertThat(alert).containsEntry("peer", "sample-daemon-ready").containsEntry("what", "DOWN MISSING");
			Instant started = Instant.ofEpochMilli(this.context.getStartupDate());
			assertThat(Duration.between(started, Instant.parse((String) alert.get("at"))))
				.as("published once the grace has passed")
				.isGreaterThanOrEqualTo(GRACE);
		});
		assertThat(status("/actuator/health/peers/sample-daemon")).isEqualTo("UP");
		assertThat(get("/actuator/prometheus").body())
			.contains("fifo_liveness_peer_up{kind=\"fifo\",peer=\"sample-daemon-ready\"} 0.0")
			.contains("fifo_liveness_peer_up{kind=\"fifo\",peer=\"sample-daemon\"} 1.0");
	}

	private void startDaemon(Path fifo) throws IOException {
		Files.createDirectories(fifo.getParent());
		this.daemon = new ProcessBuilder("sh", "-c", "mkfifo -m 600 \"$0\" && exec 3<>\"$0\" && exec sleep 600",
				fifo.toString())
			.start();
	}

	private List<Map<String, Object>> alerts() throws IOException, InterruptedException {
		return JsonPath.read(get("/alerts").body(), "$");
	}

	private String status(String path) throws IOException, InterruptedException {
		return JsonPath.read(get(path).body(), "$.status");
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
