package io.github.fifoliveness.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.fifoliveness.testsupport.ChildProcesses;
import io.github.fifoliveness.testsupport.RunApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Peers named in a YAML file and overridden from real environment variables, in a child
 * JVM: environment variables cannot carry a dash, so a dashed peer is overridden with
 * {@code SPRING_APPLICATION_JSON}, and an environment variable that would make a second
 * peer fails startup. The start-up grace is set from environment variables as any other
 * duration.
 */
class PeerNamesFromTheEnvironmentTests {

	private static final String YAML = """
			fifo-liveness:
			  beacon:
			    enabled: false
			  peers:
			    sample-daemon:
			      path: /run/yaml/sample-daemon.fifo
			    orders:
			      path: /run/yaml/orders.fifo
			""";

	@RegisterExtension
	final ChildProcesses children = new ChildProcesses();

	@TempDir
	Path dir;

	@Test
	void environmentVariableForADashedPeerFailsStartupNamingBothSpellings() throws Exception {
		String output = runMonitor("FIFOLIVENESS_PEERS_SAMPLEDAEMON_PATH=/run/env/sample-daemon.fifo");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Peer names 'sample-daemon' and 'sampledaemon' bind to one peer")
			.containsPattern(
					"'sample-daemon' from 'fifo-liveness.peers.sample-daemon.path' \\(URL \\[file:.*application.yml\\]")
			.contains("'sampledaemon' from 'FIFOLIVENESS_PEERS_SAMPLEDAEMON_PATH' (System Environment Property"
					+ " \"FIFOLIVENESS_PEERS_SAMPLEDAEMON_PATH\")")
			.contains("SPRING_APPLICATION_JSON")
			.doesNotContain("peer sampledaemon");
	}

	@Test
	void springApplicationJsonOverridesADashedPeerAndAVariableAnUndashedOne() throws Exception {
		String output = runMonitor(
				"SPRING_APPLICATION_JSON={\"fifo-liveness.peers.sample-daemon.path\":\"/run/json/sample-daemon.fifo\"}",
				"FIFOLIVENESS_PEERS_ORDERS_PATH=/run/env/orders.fifo");
		assertThat(output.lines().filter((line) -> line.startsWith("peer "))).containsExactlyInAnyOrder(
				"peer sample-daemon /run/json/sample-daemon.fifo", "peer orders /run/env/orders.fifo");
	}

	@Test
	void environmentVariablesSetTheStartupGraceOfEveryPeerAndOfOne() throws Exception {
		String output = runMonitor("FIFOLIVENESS_MONITOR_STARTUPGRACE=30s",
				"FIFOLIVENESS_PEERS_ORDERS_STARTUPGRACE=5s");
		assertThat(output.lines().filter((line) -> line.startsWith("startup-grace ")))
			.containsExactlyInAnyOrder("startup-grace sample-daemon PT30S", "startup-grace orders PT5S");
	}

	private String runMonitor(String... environment) throws IOException {
		Path yaml = Files.writeString(this.dir.resolve("application.yml"), YAML);
		List<String> env = new ArrayList<>(List.of("env"));
		env.addAll(List.of(environment));
		Process monitor = this.children.startJava(env, RunApplication.class, this.dir.toString(),
				"--spring.config.location=file:" + yaml);
		return RunApplication.outputUntilStarted(monitor);
	}

}
