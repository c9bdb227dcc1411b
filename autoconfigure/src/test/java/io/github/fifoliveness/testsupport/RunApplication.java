package io.github.fifoliveness.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import io.github.fifoliveness.autoconfigure.ApplicationPidFileAutoConfiguration;
import io.github.fifoliveness.autoconfigure.LivenessBeaconAutoConfiguration;
import io.github.fifoliveness.autoconfigure.NativePosixAutoConfiguration;
import io.github.fifoliveness.autoconfigure.PeersAutoConfiguration;
import io.github.fifoliveness.autoconfigure.beacon.LivenessBeacon;
import io.github.fifoliveness.peer.Peers;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs an application with fifo-liveness's beacon and peers in a process of its own until
 * it is killed, for tests that need real environment variables or a second application.
 * The first argument is the folder to use as {@code java.io.tmpdir}, the others are the
 * application's arguments. Prints {@code beacon <path>} and {@code peer <name> <path>}
 * for what it holds and watches, {@code startup-grace <name> <duration>} for each peer
 * with a start-up grace, then {@code started}; a failed start prints Spring Boot's
 * failure analysis and exits. A lifecycle bean of the default phase, as a web server or a
 * message listener would be, prints {@code lifecycle started} when it starts.
 */
public final class RunApplication {

	private RunApplication() {
	}

	public static void main(String[] args) throws InterruptedException {
		System.setProperty("java.io.tmpdir", args[0]);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
			.run(Arrays.copyOfRange(args, 1, args.length));
		context.getBeanProvider(LivenessBeacon.class)
			.ifAvailable((beacon) -> System.out.println("beacon " + beacon.getPath()));
		context.getBeanProvider(Peers.class)
			.ifAvailable((peers) -> peers.probes()
				.forEach((name, probe) -> System.out.println("peer " + name + " " + probe.inputs().get("path"))));
		context.getBeanProvider(Peers.class)
			.ifAvailable((peers) -> peers.probes()
				.keySet()
				.stream()
				.filter((name) -> !peers.startupGrace(name).isZero())
				.forEach((name) -> System.out.println("startup-grace " + name + " " + peers.startupGrace(name))));
		System.out.println("started");
		System.out.flush();
		Thread.sleep(Duration.ofMinutes(10).toMillis());
	}

	/**
	 * Read a process's output until it prints {@code started} or ends.
	 * @param process the process running this class
	 * @return the output read
	 */
	public static String outputUntilStarted(Process process) throws IOException {
		BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		StringBuilder output = new StringBuilder();
		for (String line = reader.readLine(); line != null; line = reader.readLine()) {
			output.append(line).append('\n');
			if (line.equals("started")) {
				break;
			}
		}
		return output.toString();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ NativePosixAutoConfiguration.class, LivenessBeaconAutoConfiguration.class,
			PeersAutoConfiguration.class, ApplicationPidFileAutoConfiguration.class })
	static class App {

		@Bean
		SmartLifecycle listener() {
			return new SmartLifecycle() {

				private volatile boolean running;

				@Override
				public void start() {
					System.out.println("lifecycle started");
					this.running = true;
				}

				@Override
				public void stop() {
					this.running = false;
				}

				@Override
				public boolean isRunning() {
					return this.running;
				}

			};
		}

	}

}
