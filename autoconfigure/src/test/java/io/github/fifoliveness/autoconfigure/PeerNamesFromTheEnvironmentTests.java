package io.github.fifoliveness.autoconfigure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.fifoliveness.peer.Peers;
import io.github.fifoliveness.testsupport.ChildProcesses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Peers named in a YAML file and overridden from real environment variables, in a child
 * JVM: environment variables cannot carry a dash, so a dashed peer is overridden with
 * {@code SPRING_APPLICATION_JSON}, and an environment variable that would make a second
 * peer fails startup.
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
			.containsPattern("'sample-daemon' from 'fifo-liveness.peers.sample-daemon.path' \\(URL \\[file:.*application.yml\\]")
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

	private String runMonitor(String... environment) throws IOException, InterruptedException {
		Path yaml = Files.writeString(this.dir.resolve("application.yml"), YAML);
		List<String> env = new ArrayList<>(List.of("env"));
		env.addAll(List.of(environment));
		Process monitor = this.children.startJava(env, Monitor.class, "--spring.config.location=file:" + yaml);
		String output = new String(monitor.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(monitor.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return output;
	}

	/**
	 * The monitor in the child JVM: prints each peer it watches as {@code peer <name> <path>}.
	 */
	public static final class Monitor {

		private Monitor() {
		}

		public static void main(String[] args) {
			try (ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
				.web(WebApplicationType.NONE)
				.run(args)) {
				context.getBean(Peers.class)
					.probes()
					.forEach((name, probe) -> System.out.println("peer " + name + " " + probe.inputs().get("path")));
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ LivenessBeaconAutoConfiguration.class, PeersAutoConfiguration.class })
	static class App {

	}

}
