package io.github.fifoliveness.sample.monitor;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

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
 * The alert rules shipped in {@code docs/prometheus} pass their unit tests under
 * {@code promtool}, and they and their tests speak of the metric and labels this monitor
 * really exposes at {@code /actuator/prometheus}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class PrometheusAlertRulesIT {

	private static final Path RULES = Commands.repositoryFile("docs/prometheus/fifo-liveness-alerts.yml");

	private static final Path RULE_TESTS = Commands.repositoryFile("docs/prometheus/fifo-liveness-alerts.test.yml");

	/** Labels that Prometheus adds to every series it scrapes. */
	private static final Set<String> TARGET_LABELS = Set.of("job", "instance");

	private static final Pattern SERIES = Pattern.compile("^(fifo_liveness_\\w+)\\{([^}]*)}", Pattern.MULTILINE);

	@TempDir
	static Path dir;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void peers(DynamicPropertyRegistry registry) {
		registry.add("fifo-liveness.beacon.path", () -> dir.resolve("monitor/sample-monitor.fifo").toString());
		registry.add("fifo-liveness.peers.sample-daemon.path",
				() -> dir.resolve("daemon/sample-daemon.fifo").toString());
		registry.add("fifo-liveness.peers.sample-daemon-ready.path",
				() -> dir.resolve("daemon/sample-daemon-ready.fifo").toString());
		registry.add("fifo-liveness.peers.nginx.pid-file", () -> dir.resolve("nginx.pid").toString());
		registry.add("fifo-liveness.peer-folders.workers.path", () -> dir.resolve("workers").toString());
	}

	@Test
	void rulesPassTheirPromtoolUnitTests() {
		assumeTrue(Commands.installed("promtool"),
				"promtool is not installed (Debian: apt-get install --no-install-recommends prometheus; .ci/run does it)");
		Commands.Result check = Commands.run(Duration.ofSeconds(60), Map.of(), "promtool", "check", "rules",
				RULES.toString());
		assertThat(check.status()).as(check.output()).isZero();
		Commands.Result test = Commands.run(Duration.ofSeconds(60), Map.of(), "promtool", "test", "rules",
				RULE_TESTS.toString());
		assertThat(test.status()).as(test.output()).isZero();
		assertThat(test.output()).contains("SUCCESS");
	}

	@Test
	void rulesAndTheirTestsUseTheMetricsAndLabelsTheMonitorExposes() throws Exception {
		seeADown();
		Map<String, Set<String>> exposed = labelsByMetric(scrape());
		assertThat(exposed).containsKey("fifo_liveness_peer_up")
			.containsKey("fifo_liveness_peer_downs_total")
			.containsKey("fifo_liveness_peer_folder_up");

		List<Map<String, Object>> rules = rules();
		assertThat(rules).isNotEmpty();
		for (Map<String, Object> rule : rules) {
			Matcher metric = Pattern.compile("fifo_liveness_\\w+").matcher((String) rule.get("expr"));
			while (metric.find()) {
				assertThat(exposed).as("rule %s uses a metric the monitor exposes", rule.get("alert"))
					.containsKey(metric.group());
				Set<String> labels = withTargetLabels(exposed.get(metric.group()));
				assertThat(labels).as("labels the annotations of %s use", rule.get("alert"))
					.containsAll(labelsUsedIn(rule.get("annotations").toString()));
			}
		}

		String inputSeries = Files.readString(RULE_TESTS).replace("'", "").replaceAll("(?m)^\\s*- series: ", "");
		Map<String, Set<String>> tested = labelsByMetric(inputSeries);
		assertThat(tested).as("the rule tests' input series").containsKey("fifo_liveness_peer_up");
		tested.forEach((name, labels) -> assertThat(labels).as("labels of %s in the rule tests", name)
			.isEqualTo(withTargetLabels(exposed.get(name))));
	}

	// The downs counter of a peer appears with its first down: a daemon dies once.
	private void seeADown() throws Exception {
		Path fifo = dir.resolve("daemon/sample-daemon.fifo");
		Files.createDirectories(fifo.getParent());
		Commands.run(Duration.ofSeconds(10), Map.of(), "mkfifo", "-m", "0600", fifo.toString());
		Process daemon = FifoHolder.holdReadEnd(fifo);
		try {
			await().atMost(Duration.ofSeconds(10))
				.until(() -> Pattern.compile("(?m)^fifo_liveness_peer_up\\{[^}]*peer=\"sample-daemon\"[^}]*} 1\\.0$")
					.matcher(scrape())
					.find());
		}
		finally {
			daemon.destroyForcibly().waitFor();
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> scrape().contains("fifo_liveness_peer_downs_total{"));
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> rules() throws Exception {
		Map<String, Object> document = new Yaml().load(Files.readString(RULES));
		List<Map<String, Object>> groups = (List<Map<String, Object>>) document.get("groups");
		return groups.stream().flatMap((group) -> ((List<Map<String, Object>>) group.get("rules")).stream()).toList();
	}

	private String scrape() throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/prometheus"))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	/**
	 * Metric name to the names of its labels, from lines such as {@code name{a="1",b="2"}
	 * 1.0}.
	 */
	private static Map<String, Set<String>> labelsByMetric(String exposition) {
		Map<String, Set<String>> labels = new TreeMap<>();
		Matcher series = SERIES.matcher(exposition);
		while (series.find()) {
			Set<String> names = new HashSet<>();
			Matcher label = Pattern.compile("(\\w+)=\"").matcher(series.group(2));
			while (label.find()) {
				names.add(label.group(1));
			}
			Set<String> previous = labels.putIfAbsent(series.group(1), names);
			assertThat(previous == null || previous.equals(names))
				.as("every %s series has the same labels", series.group(1))
				.isTrue();
		}
		return labels;
	}

	private static Set<String> labelsUsedIn(String template) {
		Set<String> names = new HashSet<>();
		Matcher label = Pattern.compile("\\$labels\\.(\\w+)").matcher(template);
		while (label.find()) {
			names.add(label.group(1));
		}
		return names;
	}

	private static Set<String> withTargetLabels(Set<String> labels) {
		Set<String> all = new HashSet<>(labels);
		all.addAll(TARGET_LABELS);
		return all;
	}

}
