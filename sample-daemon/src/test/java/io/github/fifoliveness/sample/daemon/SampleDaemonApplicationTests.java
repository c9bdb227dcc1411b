package io.github.fifoliveness.sample.daemon;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import com.jayway.jsonpath.JsonPath;
import io.github.fifoliveness.autoconfigure.AutoConfigureFifoLiveness;
import io.github.fifoliveness.peer.FifoPeerProbe;
import io.github.fifoliveness.posix.NativePosix;
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
 * The sample daemon holds its liveness FIFO and does its work. Its beacons are what it is
 * for, so the test asks for them, on paths of its own.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "management.endpoint.health.show-details=always")
@AutoConfigureFifoLiveness
@DirtiesContext
class SampleDaemonApplicationTests {

	@TempDir
	static Path dir;

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@DynamicPropertySource
	static void beaconPath(DynamicPropertyRegistry registry) {
		registry.add("fifo-liveness.beacon.path", () -> dir.resolve("sample-daemon.fifo").toString());
		registry.add("fifo-liveness.beacon.readiness-path", () -> dir.resolve("sample-daemon-ready.fifo").toString());
	}

	@Test
	void healthShowsTheBeaconHoldingItsFifo() throws Exception {
		String body = get("/actuator/health");
		assertThat(JsonPath.<String>read(body, "$.components.beacon.status")).isEqualTo("UP");
		assertThat(JsonPath.<String>read(body, "$.components.beacon.details.path"))
			.isEqualTo(dir.resolve("sample-daemon.fifo").toString());
	}

	@Test
	void readinessFifoIsHeldOnceTheDaemonIsReady() {
		FifoPeerProbe readiness = new FifoPeerProbe(dir.resolve("sample-daemon-ready.fifo"), NativePosix.get());
		await().atMost(Duration.ofSeconds(10)).until(() -> readiness.probe().alive());
	}

	@Test
	void workProgressesOnSchedule() {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> JsonPath.<Integer>read(get("/work"), "$.blocksChecked") >= 2);
	}

	private String get(String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString()).body();
	}

}
