package io.github.fifoliveness.posix;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.fifoliveness.peer.LivenessCheckCommand;
import io.github.fifoliveness.testsupport.ChildProcesses;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every start pays for what loading the native layer first touches in a fresh JVM: a
 * check of one FIFO, with the implementation this Java version chooses and with jnr asked
 * for, bootstraps no record's {@code equals}, {@code hashCode} or {@code toString}
 * ({@code java.lang.runtime.ObjectMethods}, tens of milliseconds the first time).
 */
@EnabledOnOs(value = OS.LINUX, architectures = { "amd64", "aarch64" })
class NativeLayerColdStartTests {

	@RegisterExtension
	final ChildProcesses processes = new ChildProcesses();

	@TempDir
	Path dir;

	@ParameterizedTest
	@ValueSource(strings = { "as this Java version chooses", "jnr asked for" })
	@Timeout(120)
	void aCheckInAFreshJvmBootstrapsNoRecordMethod(String choice) throws Exception {
		String implementation = choice.equals("jnr asked for") ? "jnr" : "";
		NativePosix posix = NativePosix.get();
		Path fifo = this.dir.resolve("orders.fifo");
		posix.createFifo(fifo, 0600);
		Path classLog = this.dir.resolve("classes.log");
		try (OpenFile reader = posix.openReadEnd(fifo)) {
			Process process = this.processes.start(List.of(),
					List.of("-D" + NativePosix.IMPLEMENTATION_PROPERTY + "=" + implementation,
							"-Xlog:class+load=info:file=" + classLog),
					System.getProperty("java.class.path"), LivenessCheckCommand.class, fifo.toString());
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
			assertThat(process.exitValue()).as(output).isZero();
		}
		List<String> loaded = Files.readAllLines(classLog);
		assertThat(loaded).anyMatch((line) -> line.contains("io.github.fifoliveness.posix.CheckedOpens "))
			.noneMatch((line) -> line.contains("java.lang.runtime.ObjectMethods"));
	}

}
