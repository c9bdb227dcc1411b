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
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;
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
 * The sample monitor, serving real HTTP, follows a folder of workers held by shell
 * processes: one health component for the group, in a health group as a Kubernetes probe
 * would use it, UP while two members live, DOWN with QUORUM_LOST once one is killed, and
 * gauges per group.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "fifo-liveness.peer-folders.workers.min-up=2",
				"management.endpoint.health.group.pool.include=peers/workers",
				"management.endpoint.health.show-details=always" })
@DirtiesContext
class PeerFolderOverHttpIT {

	@TempDir
	static Path dir;

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	private final List<Process> workers = new ArrayList<>();

	@DynamicPropertySource
	static void paths(DynamicPropertyRegistry registry) {
		registry.add("fifo-liveness.peer-folders.workers.path", () -> dir.resolve("workers").toString());
		registry.add("fifo-liveness.beacon.path", () -> dir.resolve("monitor/sample-monitor.fifo").toString());
	}

	@AfterEach
	void killWorkers() throws InterruptedException {
		for (Process worker : this.workers) {
			worker.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
	}

	@Test
	void groupIsUpWhileItsQuorumLivesAndDownOnceAMemberIsKilled() throws Exception {
		assertThat(reason(get("/actuator/health/peers/workers"))).isEqualTo("FOLDER_MISSING");
		Files.createDirectory(dir.resolve("workers"));
		startWorker("worker-1");
		Process second = startWorker("worker-2");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(get("/actuator/health/pool").statusCode()).isEqualTo(200));
		HttpResponse<String> up = get("/actuator/health/peers/workers");
		assertThat(up.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<Map<String, Object>>read(up.body(), "$.details.members")).containsOnlyKeys("worker-1",
				"worker-2");
		assertThat(JsonPath.<Integer>read(up.body(), "$.details.minUp")).isEqualTo(2);
		assertThat(get("/actuator/prometheus").body())
			.contains("fifo_liveness_peer_folder_members{folder=\"workers\",status=\"up\"} 2.0");

		second.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(get("/actuator/health/pool").statusCode()).isEqualTo(503));
		HttpResponse<String> down = get("/actuator/health/peers/workers");
		assertThat(reason(down)).isEqualTo("QUORUM_LOST");
		assertThat(JsonPath.<String>read(down.body(), "$.details.members['worker-2'].reason")).isEqualTo("NO_READER");
		assertThat(get("/actuator/prometheus").body()).contains("fifo_liveness_peer_folder_up{folder=\"workers\"} 0.0");
	}

	private Process startWorker(String name) throws IOException {
		Path fifo = dir.resolve("workers/" + name + ".fifo");
		Process worker = new ProcessBuilder("sh", "-c", "mkfifo -m 600 \"$0\" && exec 3<>\"$0\" && exec sleep 600",
				fifo.toString())
			.start();
		this.workers.add(worker);
		return worker;
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static String reason(HttpResponse<String> response) {
		return JsonPath.read(response.body(), "$.details.reason");
	}

}
