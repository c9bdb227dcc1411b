package io.github.fifoliveness.sample.monitor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged sample daemon with its beacons off and no peer loads nothing native: no
 * class of jnr-posix, jnr-ffi, jnr-constants or jffi and no foreign-function class of
 * fifo-liveness's in its class-loading log, and no jffi library in its memory map. With
 * its beacon on, the same daemon on the same JVM loads them, so the check can fail. Nor
 * does it load any of fifo-liveness's auto-configurations, beacon, peer or PID-file
 * classes: those that need a feature are filtered out before Spring Boot reads them. An
 * application that excludes every auto-configuration of ours loads nothing native either.
 */
class NothingNativeUnlessNeededIT {

	private static final Pattern NATIVE_CLASS = Pattern
		.compile("^\\S+ (jnr\\.posix\\.|jnr\\.ffi\\.|jnr\\.constants\\.|com\\.kenai\\.jffi\\."
				+ "|io\\.github\\.fifoliveness\\.posix\\.Foreign|io\\.github\\.fifoliveness\\.posix\\.J(nr|ffi))");

	// Peers alone is loaded, by the health contributor's @ConditionalOnBean, which
	// follows
	// a Peers bean that an application may define itself.
	private static final Pattern CONFIGURED_CLASS = Pattern.compile(
			"^\\S+ io\\.github\\.fifoliveness\\.(autoconfigure\\.\\w+(AutoConfiguration|Properties|Settings)|beacon\\.|peer\\.(?!Peers )|pidfile\\.)");

	@TempDir
	Path dir;

	private final List<Process> daemons = new ArrayList<>();

	@AfterEach
	void killDaemons() throws InterruptedException {
		for (Process daemon : this.daemons) {
			daemon.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
	}

	@Test
	void beaconOffAndNoPeersLoadsNothingNative() throws Exception {
		Loaded loaded = start("off", "--fifo-liveness.beacon.enabled=false");
		assertThat(loaded.nativeClasses()).isEmpty();
		assertThat(loaded.nativeMappings()).isEmpty();
	}

	@Test
	void everyAutoConfigurationExcludedLoadsNothingNative() throws Exception {
		Path imports = Path
			.of("../autoconfigure/src/main/resources/META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports");
		Loaded loaded = start("excluded",
				"--spring.autoconfigure.exclude=" + String.join(",", Files.readAllLines(imports)),
				"--fifo-liveness.beacon.path=" + this.dir.resolve("run/daemon.fifo"),
				"--fifo-liveness.beacon.readiness-path=" + this.dir.resolve("run/daemon-ready.fifo"));
		assertThat(loaded.nativeClasses()).isEmpty();
		assertThat(loaded.nativeMappings()).isEmpty();
	}

	@Test
	void beaconOffAndNoPeersLoadsNoAutoConfigurationPropertiesBeaconOrPeerClass() throws Exception {
		Loaded loaded = start("off", "--fifo-liveness.beacon.enabled=false");
		assertThat(loaded.classes()).noneMatch((line) -> CONFIGURED_CLASS.matcher(line).find());
		Loaded on = start("on", "--fifo-liveness.beacon.path=" + this.dir.resolve("run/daemon.fifo"),
				"--fifo-liveness.beacon.readiness-path=" + this.dir.resolve("run/daemon-ready.fifo"));
		assertThat(on.classes()).anyMatch((line) -> CONFIGURED_CLASS.matcher(line).find());
	}

	@Test
	void beaconOnLoadsTheNativeLayerOfTheJavaVersion() throws Exception {
		Loaded loaded = start("on", "--fifo-liveness.beacon.path=" + this.dir.resolve("run/daemon.fifo"),
				"--fifo-liveness.beacon.readiness-path=" + this.dir.resolve("run/daemon-ready.fifo"));
		if (Runtime.version().feature() >= 22) {
			assertThat(loaded.nativeClasses()).anyMatch((line) -> line.contains("posix.ForeignSyscall "));
		}
		else {
			// jffi's syscall, without jnr-posix's hundreds of bindings.
			assertThat(loaded.nativeClasses()).anyMatch((line) -> line.contains("posix.JffiSyscall "))
				.noneMatch((line) -> line.contains(" jnr.posix."));
			assertThat(loaded.nativeMappings()).isNotEmpty();
		}
	}

	private Loaded start(String run, String... args) throws IOException {
		Path jar = Path.of(System.getProperty("sample-daemon.jar", "../sample-daemon/target/sample-daemon.jar"));
		assertThat(jar).as("packaged sample-daemon (run 'mvn verify' from the root)").isRegularFile();
		Path classes = this.dir.resolve("classes-" + run + ".log");
		Path log = this.dir.resolve("daemon-" + run + ".log");
		List<String> command = new ArrayList<>(Commands.java(this.dir));
		command.addAll(List.of("-Xlog:class+load=info:file=" + classes, "-jar", jar.toString(), "--server.port=0"));
		command.addAll(List.of(args));
		Process daemon = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		this.daemons.add(daemon);
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			assertThat(daemon.isAlive()).as("daemon is running; its output: %s", Files.readString(log)).isTrue();
			assertThat(Files.readString(log)).contains("Started SampleDaemonApplication");
		});
		// Whether anything native is needed is decided before the context refreshes, and
		// a beacon is held before "Started": both are in the logs by now.
		List<String> loadedClasses = Files.readAllLines(classes);
		List<String> nativeClasses = loadedClasses.stream()
			.filter((line) -> NATIVE_CLASS.matcher(line).find())
			.toList();
		List<String> nativeMappings = Files.readAllLines(Path.of("/proc", String.valueOf(daemon.pid()), "maps"))
			.stream()
			.filter((line) -> line.contains("jffi"))
			.toList();
		return new Loaded(loadedClasses, nativeClasses, nativeMappings);
	}

	record Loaded(List<String> classes, List<String> nativeClasses, List<String> nativeMappings) {
	}

}
