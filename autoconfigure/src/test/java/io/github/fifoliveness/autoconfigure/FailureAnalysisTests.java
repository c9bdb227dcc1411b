package io.github.fifoliveness.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Startup failures as a user sees them: a real {@code SpringApplication} run, with the
 * failure analyzers registered in {@code META-INF/spring.factories}.
 */
@ExtendWith(OutputCaptureExtension.class)
class FailureAnalysisTests {

	@TempDir
	Path dir;

	@Test
	void regularFileAtTheBeaconPathIsExplainedWithPropertyAndAction(CapturedOutput output) throws Exception {
		Path file = Files.writeString(this.dir.resolve("app.fifo"), "precious");
		assertThatException().isThrownBy(() -> run("--fifo-liveness.beacon.path=" + file));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The liveness beacon cannot hold a FIFO at '" + file + "' (fifo-liveness.beacon.path):"
					+ " a regular file is there.")
			.contains("fifo-liveness never replaces a file it did not create");
		assertThat(file).hasContent("precious");
	}

	@Test
	void relativeBeaconPathIsExplainedWithPropertyAndValue(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--fifo-liveness.beacon.path=app.fifo"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property 'fifo-liveness.beacon.path' has the value 'app.fifo': the path must be absolute")
			.contains("Set 'fifo-liveness.beacon.path' to the absolute path of a FIFO");
	}

	@Test
	void relativePeerPathIsExplainedWithPropertyAndValue(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--fifo-liveness.beacon.enabled=false",
				"--fifo-liveness.peers.orders.path=orders.fifo"));
		assertThat(output).contains("Property 'fifo-liveness.peers.orders.path' has the value 'orders.fifo'");
	}

	private void run(String... args) {
		new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE).run(args).close();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ NativePosixAutoConfiguration.class, LivenessBeaconAutoConfiguration.class,
			ApplicationPidFileAutoConfiguration.class, PeersAutoConfiguration.class,
			PeersHealthContributorAutoConfiguration.class })
	static class App {

	}

}
