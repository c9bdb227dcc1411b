package io.github.fifoliveness.autoconfigure;

import java.nio.file.Path;

import io.github.fifoliveness.autoconfigure.beacon.LivenessBeacon;
import io.github.fifoliveness.posix.NativePosix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * On a platform without FIFOs (Windows, told by {@code os.name}, which these tests set
 * for the application alone), the beacon that is on only by default is off with one
 * warning; whatever was asked for explicitly still fails startup, saying the platform has
 * no FIFOs.
 */
@ExtendWith(OutputCaptureExtension.class)
class PlatformWithoutFifosTests {

	private static final String WINDOWS = "--os.name=Windows 11";

	@TempDir
	Path dir;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withPropertyValues("os.name=Windows 11")
		.withConfiguration(
				AutoConfigurations.of(NativePosixAutoConfiguration.class, LivenessBeaconAutoConfiguration.class,
						BeaconHealthContributorAutoConfiguration.class, ApplicationPidFileAutoConfiguration.class,
						PeersAutoConfiguration.class, HealthContributorAutoConfiguration.class));

	@Test
	void beaconOnByDefaultIsOffWithoutNativeLayerOrHealthComponent() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(LivenessBeacon.class);
			assertThat(context).doesNotHaveBean(NativePosix.class);
			assertThat(context).doesNotHaveBean("beaconHealthIndicator");
		});
	}

	@Test
	void applicationStartsWithOneWarningNamingThePlatformAndTheProperty(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run(WINDOWS)) {
			assertThat(context.getBeanProvider(LivenessBeacon.class).getIfAvailable()).isNull();
		}
		assertThat(output.getOut().split("No liveness beacon: Windows 11 has no FIFOs", -1)).hasSize(2);
		assertThat(output).contains("Set 'fifo-liveness.beacon.enabled=false' to silence this warning.");
	}

	@Test
	void beaconOffExplicitlyStartsWithoutTheWarning(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run(WINDOWS, "--fifo-liveness.beacon.enabled=false")) {
			assertThat(context.getBeanProvider(LivenessBeacon.class).getIfAvailable()).isNull();
		}
		assertThat(output).doesNotContain("No liveness beacon");
	}

	@ParameterizedTest
	@ValueSource(strings = { "fifo-liveness.beacon.enabled=true", "fifo-liveness.beacon.readiness-path=/srv/ready.fifo",
			"fifo-liveness.peers.orders.path=/srv/orders.fifo", "fifo-liveness.pid-file=/srv/app.pid" })
	void whatIsAskedForExplicitlyFailsStartupSayingThePlatformHasNoFifos(String property, CapturedOutput output) {
		assertThatException().isThrownBy(() -> run(WINDOWS, "--" + property));
		assertThat(output)
			.contains("fifo-liveness needs FIFOs (named pipes that a file path names), and Windows 11" + " has none")
			.contains("Hold no beacon and configure no peers or PID file on this platform");
	}

	@Test
	void otherPlatformsHoldTheBeaconByDefault() {
		new ApplicationContextRunner().withPropertyValues("os.name=Mac OS X")
			.withPropertyValues("fifo-liveness.beacon.path=" + this.dir.resolve("app.fifo"))
			.withConfiguration(
					AutoConfigurations.of(NativePosixAutoConfiguration.class, LivenessBeaconAutoConfiguration.class))
			.run((context) -> assertThat(context.getBean(LivenessBeacon.class).isHeld()).isTrue());
	}

	private static ConfigurableApplicationContext run(String... args) {
		return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE).run(args);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ NativePosixAutoConfiguration.class, LivenessBeaconAutoConfiguration.class,
			ApplicationPidFileAutoConfiguration.class, PeersAutoConfiguration.class })
	static class App {

	}

}
