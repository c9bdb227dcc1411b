package io.github.fifoliveness.autoconfigure;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every property a user can set has generated metadata with a description, so IDEs
 * complete and document it.
 */
class ConfigurationMetadataTests {

	@ParameterizedTest
	@ValueSource(strings = { "fifo-liveness.beacon.enabled", "fifo-liveness.beacon.path",
			"fifo-liveness.beacon.single-instance", "fifo-liveness.beacon.watch-interval",
			"fifo-liveness.beacon.follow-liveness-state", "fifo-liveness.beacon.pid-file",
			"fifo-liveness.beacon.readiness-path", "fifo-liveness.pid-file", "fifo-liveness.peers",
			"fifo-liveness.peer-folders", "fifo-liveness.monitor.poll-interval", "fifo-liveness.monitor.down-after",
			"fifo-liveness.monitor.startup-grace", "fifo-liveness.monitor.watch.enabled",
			"fifo-liveness.monitor.watch.safety-net-interval", "fifo-liveness.test.beacon",
			"fifo-liveness.test.pid-file", "fifo-liveness.systemd.enabled", "fifo-liveness.systemd.extend-timeout",
			"management.health.peers.enabled", "management.health.beacon.enabled" })
	void propertyHasTypeAndDescription(String name) throws Exception {
		try (InputStream metadata = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(metadata).as("generated metadata").isNotNull();
			List<Map<String, Object>> matches = JsonPath.parse(metadata)
				.read("$.properties[?(@.name == '" + name + "')]");
			assertThat(matches).hasSize(1);
			assertThat(matches.get(0)).containsKey("type");
			assertThat((String) matches.get(0).get("description")).hasSizeGreaterThan(20);
		}
	}

	@Test
	void theBeaconsWatchIntervalHasItsDefault() throws Exception {
		try (InputStream metadata = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			List<Map<String, Object>> matches = JsonPath.parse(metadata)
				.read("$.properties[?(@.name == 'fifo-liveness.beacon.watch-interval')]");
			assertThat(matches).singleElement()
				.satisfies((found) -> assertThat(found).containsEntry("defaultValue", "2s"));
		}
	}

	@Test
	void aPeersStartupGraceHasHandWrittenMetadata() throws Exception {
		try (InputStream metadata = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			List<Map<String, Object>> matches = JsonPath.parse(metadata)
				.read("$.properties[?(@.name == 'fifo-liveness.peers.*.startup-grace')]");
			assertThat(matches).singleElement().satisfies((property) -> {
				assertThat(property).containsEntry("type", "java.time.Duration");
				assertThat((String) property.get("description")).contains("NOT_SEEN_YET");
			});
		}
	}

	// A map's values have no generated metadata: theirs come from the hand-written file.
	@ParameterizedTest
	@CsvSource({ "peers, path, java.lang.String", "peers, pid-file, java.lang.String", "peers, owner, java.lang.String",
			"peers, down-after, java.time.Duration", "peers, startup-grace, java.time.Duration",
			"peer-folders, path, java.lang.String", "peer-folders, pattern, java.lang.String",
			"peer-folders, min-up, java.lang.Integer", "peer-folders, owner, java.lang.String",
			"peer-folders, max-members, java.lang.Integer", "peer-folders, down-after, java.time.Duration",
			"peer-folders, startup-grace, java.time.Duration" })
	void everyPropertyOfAPeerAndAPeerFolderHasHandWrittenMetadata(String map, String property, String type)
			throws Exception {
		try (InputStream metadata = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			List<Map<String, Object>> matches = JsonPath.parse(metadata)
				.read("$.properties[?(@.name == 'fifo-liveness." + map + ".*." + property + "')]");
			assertThat(matches).singleElement().satisfies((found) -> {
				assertThat(found).containsEntry("type", type);
				assertThat((String) found.get("description")).hasSizeGreaterThan(20);
			});
		}
	}

	@Test
	void beaconPidFileIsDeprecatedInFavourOfPidFile() throws Exception {
		try (InputStream metadata = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			List<Map<String, Object>> matches = JsonPath.parse(metadata)
				.read("$.properties[?(@.name == 'fifo-liveness.beacon.pid-file')].deprecation");
			assertThat(matches).singleElement()
				.satisfies((deprecation) -> assertThat(deprecation).containsEntry("replacement",
						"fifo-liveness.pid-file"));
		}
	}

}
