package io.github.fifoliveness.autoconfigure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.fifoliveness.testsupport.ChildProcesses;
import io.github.fifoliveness.testsupport.Fifos;
import io.github.fifoliveness.testsupport.StartBeaconApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * An application with the beacon on a hardened host: {@code java.io.tmpdir} mounted
 * {@code noexec} and a read-only working directory, in a mount namespace of its own
 * (which takes root). Java 22 and later need nothing from either; before, jnr's jffi
 * cannot load its native stub, and the failure analysis says why and what fixes it.
 */
@EnabledOnOs(OS.LINUX)
class HardenedHostTests {

	@RegisterExtension
	final ChildProcesses processes = new ChildProcesses();

	@TempDir
	Path dir;

	@Test
	@EnabledForJreRange(min = JRE.JAVA_22)
	void fromJava22TheBeaconStartsWithoutWritingOrLoadingAnyNativeFile() throws Exception {
		Started started = startOnHardenedHost();
		assertThat(started.output()).contains("started with FFM").doesNotContain("WARNING");
		assertThat(started.exitCode()).isZero();
	}

	@Test
	@EnabledForJreRange(max = JRE.JAVA_21)
	void beforeJava22StartupFailsNamingTheStubTheMountAndJffiExtractDir() throws Exception {
		Started started = startOnHardenedHost();
		assertThat(started.exitCode()).isNotZero();
		assertThat(started.output()).contains("APPLICATION FAILED TO START")
			.contains("fifo-liveness needs native calls (mkfifo, open, fstat) but cannot make them through jnr")
			.contains("jnr's native layer (jffi) writes its stub to java.io.tmpdir ('" + this.dir.resolve("tmp") + "')")
			.contains("mounted noexec or read-only")
			.contains("Start the JVM with -Djffi.extract.dir=");
	}

	@Test
	@EnabledForJreRange(max = JRE.JAVA_21)
	void beforeJava22JffiExtractDirOnAnExecutableFileSystemFixesIt() throws Exception {
		Path extractDir = Files.createDirectories(this.dir.resolve("jffi"));
		Started started = startOnHardenedHost("-Djffi.extract.dir=" + extractDir);
		assertThat(started.output()).contains("started with JNR");
		assertThat(started.exitCode()).isZero();
	}

	@Test
	@EnabledForJreRange(min = JRE.JAVA_24)
	void deniedNativeAccessIsExplainedWithTheWayToEnableIt() throws Exception {
		Started started = start(List.of(), List.of("--illegal-native-access=deny"));
		assertThat(started.exitCode()).isNotZero();
		assertThat(started.output()).contains("APPLICATION FAILED TO START")
			.contains("cannot make them through java.lang.foreign")
			.contains("Start it with --enable-native-access=ALL-UNNAMED, or put 'Enable-Native-Access: ALL-UNNAMED'");
	}

	private Started startOnHardenedHost(String... jvmOptions) throws Exception {
		assumeTrue(Fifos.isRoot(), "mounting file systems takes root");
		Path tmp = Files.createDirectories(this.dir.resolve("tmp"));
		Path work = Files.createDirectories(this.dir.resolve("work"));
		List<String> mountNamespace = List.of("unshare", "--mount", "sh", "-c",
				"mount -t tmpfs -o noexec tmpfs \"$1\" && mount -t tmpfs -o ro tmpfs \"$2\" && cd \"$2\" && shift 2"
						+ " && exec \"$@\"",
				"sh", tmp.toString(), work.toString());
		List<String> options = new ArrayList<>(List.of(jvmOptions));
		options.add("-Djava.io.tmpdir=" + tmp);
		return start(mountNamespace, options);
	}

	private Started start(List<String> prefix, List<String> jvmOptions) throws IOException, InterruptedException {
		Process process = this.processes.startJava(prefix, jvmOptions, StartBeaconApplication.class,
				"--fifo-liveness.beacon.path=" + this.dir.resolve("beacon/app.fifo"));
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return new Started(process.exitValue(), output);
	}

	private record Started(int exitCode, String output) {

	}

}
