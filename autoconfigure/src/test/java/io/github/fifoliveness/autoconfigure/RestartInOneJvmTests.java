package io.github.fifoliveness.autoconfigure;

import java.nio.file.Path;

import io.github.fifoliveness.autoconfigure.beacon.LivenessBeacon;
import io.github.fifoliveness.peer.FifoPeerProbe;
import io.github.fifoliveness.posix.NativePosix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Application contexts started and closed in one JVM on one beacon path, as Spring
 * DevTools restarts them on every code change: one closed and the next started holds the
 * beacon; two at once, the second fails and the first keeps its beacon.
 */
@ExtendWith(OutputCaptureExtension.class)
class RestartInOneJvmTests {

	@TempDir
	Path dir;

	@Test
	void contextClosedAndAnotherStartedOnTheSamePathHoldsTheBeacon() {
		Path fifo = this.dir.resolve("app.fifo");
		run(fifo).close();
		assertThat(alive(fifo)).isFalse();
		try (ConfigurableApplicationContext restarted = run(fifo)) {
			assertThat(restarted.getBean(LivenessBeacon.class).isHeld()).isTrue();
			assertThat(alive(fifo)).isTrue();
		}
		assertThat(alive(fifo)).isFalse();
	}

	@Test
	void secondContextWhileTheFirstRunsFailsAndTheFirstKeepsItsBeacon(CapturedOutput output) {
		Path fifo = this.dir.resolve("app.fifo");
		try (ConfigurableApplicationContext first = run(fifo)) {
			assertThatException().isThrownBy(() -> run(fifo));
			assertThat(output).contains("another instance holds it (pid " + ProcessHandle.current().pid() + ")");
			assertThat(first.getBean(LivenessBeacon.class).isHeld()).isTrue();
			assertThat(alive(fifo)).isTrue();
			assertThat(first.getBean(LivenessBeacon.class).status().held()).isTrue();
		}
	}

	private static boolean alive(Path fifo) {
		return new FifoPeerProbe(fifo, NativePosix.get()).probe().alive();
	}

	private static ConfigurableApplicationContext run(Path fifo) {
		return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
			.run("--fifo-liveness.beacon.path=" + fifo, "--fifo-liveness.beacon.watch-interval=0");
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ NativePosixAutoConfiguration.class, LivenessBeaconAutoConfiguration.class })
	static class App {

	}

}
