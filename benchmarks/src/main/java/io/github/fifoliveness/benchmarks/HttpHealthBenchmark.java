package io.github.fifoliveness.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * HTTP health polling: GET a running Spring Boot application's {@code /actuator/health}
 * on loopback over a kept-alive connection. The URL comes from the system property
 * {@code bench.health.url}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class HttpHealthBenchmark {

	private HttpClient client;

	private HttpRequest request;

	@Setup
	public void setUp() throws Exception {
		String url = System.getProperty("bench.health.url");
		if (url == null) {
			throw new IllegalStateException("Set -Dbench.health.url to a running application's /actuator/health");
		}
		this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		this.request = HttpRequest.newBuilder(URI.create(url)).build();
		if (httpHealthPoll() != 200) {
			throw new IllegalStateException(url + " is not UP");
		}
	}

	@Benchmark
	public int httpHealthPoll() throws IOException, InterruptedException {
		return this.client.send(this.request, HttpResponse.BodyHandlers.ofString()).statusCode();
	}

}
