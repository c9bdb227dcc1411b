package io.github.fifoliveness.autoconfigure;

import java.nio.file.Path;

import io.github.fifoliveness.beacon.BeaconDownReason;
import io.github.fifoliveness.autoconfigure.beacon.BeaconHealthIndicator;
import io.github.fifoliveness.autoconfigure.beacon.LivenessBeacon;
import io.github.fifoliveness.autoconfigure.beacon.ReadinessBeacon;
import io.github.fifoliveness.peer.FifoPeerProbe;
import io.github.fifoliveness.pidfile.ApplicationPidFile;
import io.github.fifoliveness.posix.NativePosix;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests for {@link LivenessBeaconAutoConfiguration},
 * {@link BeaconHealthContributorAutoConfiguration} and
 * {@link ApplicationPidFileAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class LivenessBeaconAutoConfigurationTests {

	@TempDir
	Path dir;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(NativePosixAutoConfiguration.class, LivenessBeaconAutoConfiguration.class,
					BeaconHealthContributorAutoConfiguration.class, ApplicationPidFileAutoConfiguration.class));

	@Test
	void beaconHoldsTheConfiguredFifoWhileTheContextRuns() {
		Path fifo = this.dir.resolve("app/app.fifo");
		this.contextRunner.withPropertyValues("fifo-liveness.beacon.path=" + fifo).run((context) -> {
			assertThat(context).hasSingleBean(LivenessBeacon.class);
			assertThat(context.getBean(LivenessBeacon.class).getPath()).isEqualTo(fifo);
			assertThat(probeAlive(fifo)).isTrue();
		});
		assertThat(probeAlive(fifo)).isFalse();
		assertThat(fifo).doesNotExist();
	}

	@Test
	void brokenLivenessStateClosesTheFifoAndCorrectHoldsItAgain(CapturedOutput output) {
		Path fifo = this.dir.resolve("app.fifo");
		this.contextRunner.withPropertyValues("fifo-liveness.beacon.path=" + fifo).run((context) -> {
			AvailabilityChangeEvent.publish(context, LivenessState.BROKEN);
			assertThat(probeAlive(fifo)).isFalse();
			assertThat(output.toString().lines().filter((line) -> line.contains("Liveness beacon closed FIFO")))
				.singleElement(InstanceOfAssertFactories.STRING)
				.contains(" WARN ")
				.endsWith("the application's LivenessState is BROKEN. Peers see the application down.");
			var health = context.getBean("beaconHealthIndicator", BeaconHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("reason", "SUSPENDED");
			AvailabilityChangeEvent.publish(context, LivenessState.CORRECT);
			assertThat(probeAlive(fifo)).isTrue();
			assertThat(context.getBean("beaconHealthIndicator", BeaconHealthIndicator.class).health().getStatus())
				.isEqualTo(Status.UP);
		});
	}

	@Test
	void readinessFifoIsHeldOnlyWhileTheApplicationAcceptsTraffic(CapturedOutput output) {
		Path readiness = this.dir.resolve("app-ready.fifo");
		this.contextRunner
			.withPropertyValues("fifo-liveness.beacon.path=" + this.dir.resolve("app.fifo"),
					"fifo-liveness.beacon.readiness-path=" + readiness)
			.run((context) -> {
				assertThat(probeAlive(readiness)).as("before the application is ready").isFalse();
				AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
				assertThat(probeAlive(readiness)).isTrue();
				assertThat(output).contains("Readiness beacon holds FIFO '" + readiness + "'; peers see")
					.doesNotContain("(resumed)");
				assertThat(probeAlive(this.dir.resolve("app.fifo"))).isTrue();
				AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
				assertThat(probeAlive(readiness)).isFalse();
				assertThat(output.toString().lines().filter((line) -> line.contains("Readiness beacon closed FIFO")))
					.as("a web application refuses traffic as it closes: no warning")
					.singleElement(InstanceOfAssertFactories.STRING)
					.contains(" INFO ")
					.doesNotContain(" WARN ");
				assertThat(probeAlive(this.dir.resolve("app.fifo"))).as("still alive, only not ready").isTrue();
				assertThat(context.getBean(ReadinessBeacon.class).status().reason())
					.isEqualTo(BeaconDownReason.SUSPENDED);
				assertThat(context.getBean("readinessBeaconHealthIndicator", BeaconHealthIndicator.class).health())
					.satisfies((health) -> {
						assertThat(health.getStatus()).isEqualTo(Status.DOWN);
						assertThat(health.getDetails()).containsEntry("path", readiness.toString())
							.containsEntry("reason", "SUSPENDED");
					});
				assertThat(context.getBean("beaconHealthIndicator", BeaconHealthIndicator.class).health().getStatus())
					.isEqualTo(Status.UP);
			});
	}

	// 'enabled' turns off both beacons: the one switch for an application with no beacon.
	@Test
	void noReadinessFifoWithTheBeaconOff() {
		Path readiness = this.dir.resolve("app-ready.fifo");
		this.contextRunner
			.withPropertyValues("fifo-liveness.beacon.enabled=false",
					"fifo-liveness.beacon.readiness-path=" + readiness)
			.run((context) -> assertThat(context).doesNotHaveBean(ReadinessBeacon.class));
		assertThat(readiness).doesNotExist();
	}

	@ParameterizedTest
	@CsvSource({ "app.fifo, app.fifo", "app.fifo, app.fifo.lock", "app.fifo.lock, app.fifo" })
	void aReadinessPathThatIsTheLivenessPathOrItsLockFileFailsStartup(String livenessName, String readinessName) {
		Path fifo = this.dir.resolve(readinessName);
		this.contextRunner
			.withPropertyValues("fifo-liveness.beacon.path=" + this.dir.resolve(livenessName),
					"fifo-liveness.beacon.readiness-path=" + fifo)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining(
						"Property fifo-liveness.beacon.readiness-path with value '" + fifo + "' is invalid")
				.hasMessageContaining("The liveness beacon holds this FIFO"));
	}

	@Test
	void noReadinessFifoUnlessConfigured() {
		this.contextRunner.withPropertyValues("fifo-liveness.beacon.path=" + this.dir.resolve("app.fifo"))
			.run((context) -> assertThat(context).doesNotHaveBean(ReadinessBeacon.class));
	}

	@Test
	void pidFileIsWrittenWhenConfiguredAndRemovedOnClose() {
		Path pidFile = this.dir.resolve("app.pid");
		this.contextRunner
			.withPropertyValues("fifo-liveness.beacon.path=" + this.dir.resolve("app.fifo"),
					"fifo-liveness.pid-file=" + pidFile)
			.run((context) -> assertThat(pidFile).hasContent(ProcessHandle.current().pid() + "\n"));
		assertThat(pidFile).doesNotExist();
	}

	@Test
	void pidFileIsWrittenWithTheBeaconOffToo() {
		Path pidFile = this.dir.resolve("app.pid");
		this.contextRunner.withPropertyValues("fifo-liveness.beacon.enabled=false", "fifo-liveness.pid-file=" + pidFile)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(LivenessBeacon.class);
				assertThat(pidFile).hasContent(ProcessHandle.current().pid() + "\n");
			});
	}

	@Test
	void deprecatedBeaconPidFileStillWorksAndSaysWhatReplacesIt(CapturedOutput output) {
		Path pidFile = this.dir.resolve("app.pid");
		this.contextRunner
			.withPropertyValues("fifo-liveness.beacon.path=" + this.dir.resolve("app.fifo"),
					"fifo-liveness.beacon.pid-file=" + pidFile)
			.run((context) -> assertThat(pidFile).hasContent(ProcessHandle.current().pid() + "\n"));
		assertThat(output.getOut().split("'fifo-liveness.beacon.pid-file' is deprecated", -1)).as("one WARN")
			.hasSize(2);
		assertThat(output).contains("set 'fifo-liveness.pid-file' instead");
	}

	@Test
	void pidFileWinsOverTheDeprecatedPropertyAndSaysTheOtherIsIgnored(CapturedOutput output) {
		Path pidFile = this.dir.resolve("app.pid");
		Path deprecated = this.dir.resolve("deprecated.pid");
		this.contextRunner
			.withPropertyValues("fifo-liveness.beacon.path=" + this.dir.resolve("app.fifo"),
					"fifo-liveness.pid-file=" + pidFile, "fifo-liveness.beacon.pid-file=" + deprecated)
			.run((context) -> {
				assertThat(pidFile).hasContent(ProcessHandle.current().pid() + "\n");
				assertThat(deprecated).doesNotExist();
			});
		assertThat(output).contains("'fifo-liveness.beacon.pid-file' is ignored: 'fifo-liveness.pid-file', which"
				+ " replaces it, is set too.");
	}

	@Test
	void noPidFileUnlessConfigured() {
		this.contextRunner.withPropertyValues("fifo-liveness.beacon.path=" + this.dir.resolve("app.fifo"))
			.run((context) -> assertThat(context).doesNotHaveBean(ApplicationPidFile.class));
	}

	@Test
	void livenessStateIsIgnoredWhenFollowingIsOff() {
		Path fifo = this.dir.resolve("app.fifo");
		this.contextRunner
			.withPropertyValues("fifo-liveness.beacon.path=" + fifo, "fifo-liveness.beacon.follow-liveness-state=false")
			.run((context) -> {
				AvailabilityChangeEvent.publish(context, LivenessState.BROKEN);
				assertThat(probeAlive(fifo)).isTrue();
			});
	}

	@Test
	void beaconHealthIsUpWithThePath() {
		Path fifo = this.dir.resolve("app.fifo");
		this.contextRunner.withPropertyValues("fifo-liveness.beacon.path=" + fifo).run((context) -> {
			assertThat(context).hasBean("beaconHealthIndicator");
			var health = context.getBean("beaconHealthIndicator", BeaconHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("path", fifo.toString());
		});
	}

	@Test
	void beaconHealthCanBeSwitchedOff() {
		this.contextRunner
			.withPropertyValues("fifo-liveness.beacon.path=" + this.dir.resolve("app.fifo"),
					"management.health.beacon.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(LivenessBeacon.class)
				.doesNotHaveBean(BeaconHealthIndicator.class));
	}

	@Test
	void withoutPathTheDefaultPathOfTheApplicationNameIsUsed() {
		assumeTrue(System.getenv("XDG_RUNTIME_DIR") == null, "the default would be under XDG_RUNTIME_DIR");
		Path expected = this.dir.resolve("fifo-liveness-" + System.getProperty("user.name") + "/orders/orders.fifo");
		this.contextRunner.withSystemProperties("java.io.tmpdir=" + this.dir)
			.withPropertyValues("spring.application.name=orders")
			.run((context) -> {
				assertThat(context.getBean(LivenessBeacon.class).getPath()).isEqualTo(expected);
				assertThat(probeAlive(expected)).isTrue();
			});
	}

	@Test
	void disabledBeaconCreatesNothing() {
		Path fifo = this.dir.resolve("app.fifo");
		this.contextRunner.withPropertyValues("fifo-liveness.beacon.enabled=false", "fifo-liveness.beacon.path=" + fifo)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(LivenessBeacon.class).doesNotHaveBean(BeaconHealthIndicator.class);
				assertThat(fifo).doesNotExist();
			});
	}

	@Test
	void userDefinedBeaconReplacesTheAutoConfiguredOne() {
		Path fifo = this.dir.resolve("mine.fifo");
		this.contextRunner.withBean(LivenessBeacon.class, () -> new LivenessBeacon(fifo, NativePosix.get()))
			.withPropertyValues("fifo-liveness.beacon.path=" + this.dir.resolve("auto.fifo"))
			.run((context) -> {
				assertThat(context).hasSingleBean(LivenessBeacon.class);
				assertThat(probeAlive(fifo)).isTrue();
				assertThat(this.dir.resolve("auto.fifo")).doesNotExist();
			});
	}

	@Test
	void userDefinedBeaconHealthIndicatorReplacesTheAutoConfiguredOne() {
		this.contextRunner.withUserConfiguration(CustomBeaconHealth.class)
			.withPropertyValues("fifo-liveness.beacon.path=" + this.dir.resolve("app.fifo"))
			.run((context) -> assertThat(context.getBean("beaconHealthIndicator"))
				.isSameAs(CustomBeaconHealth.INDICATOR));
	}

	@Test
	void relativePathFailsNamingThePropertyAndValue() {
		this.contextRunner.withPropertyValues("fifo-liveness.beacon.path=run/app.fifo")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class, (ex) -> {
					assertThat(ex.getName()).isEqualTo("fifo-liveness.beacon.path");
					assertThat(ex.getValue()).isEqualTo("run/app.fifo");
					assertThat(ex.getReason()).startsWith("The path must be absolute");
				}));
	}

	@Test
	void blankPathFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("fifo-liveness.beacon.path= ")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("'fifo-liveness.beacon.path'")
				.hasMessageContaining("A path is required"));
	}

	private static boolean probeAlive(Path fifo) {
		return new FifoPeerProbe(fifo, NativePosix.get()).probe().alive();
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomBeaconHealth {

		static final BeaconHealthIndicator INDICATOR = new BeaconHealthIndicator(
				new LivenessBeacon(Path.of("/nonexistent/custom.fifo"), NativePosix.get()));

		@Bean
		BeaconHealthIndicator beaconHealthIndicator() {
			return INDICATOR;
		}

	}

}
