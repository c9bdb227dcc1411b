package io.github.fifoliveness.sample.monitor;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar sample-monitor.jar check …} as a script runs it: the packaged jar, a
 * real FIFO held by another process, exit statuses, and no Spring context.
 */
class CheckCommandIT {

	@TempDir
	Path dir;

	@Test
	void exitsZeroWhileAProcessHoldsTheFifoAndOneAfterItIsKilled() throws Exception {
		Path fifo = this.dir.resolve("peer.fifo");
		assertThat(new ProcessBuilder("mkfifo", "-m", "600", fifo.toString()).start().waitFor()).isZero();
		Process holder = FifoHolder.holdReadEnd(fifo);
		try {
			Result up = check(fifo.toString());
			assertThat(up.status()).isZero();
			assertThat(up.output()).isEqualTo("UP " + fifo + "\n");
		}
		finally {
			holder.destroyForcibly().waitFor();
		}
		Result down = check(fifo.toString());
		assertThat(down.status()).isEqualTo(1);
		assertThat(down.output()).startsWith("DOWN NO_READER " + fifo);
	}

	@Test
	void pidFileAndUsageError() throws Exception {
		Path pidFile = Files.writeString(this.dir.resolve("test.pid"), ProcessHandle.current().pid() + "\n");
		assertThat(check("--pid-file", pidFile.toString()).status()).isZero();
		Result usage = check();
		assertThat(usage.status()).isEqualTo(2);
		assertThat(usage.output()).startsWith("usage: check");
	}

	private Result check(String... args) throws Exception {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
						Path.of("target/sample-monitor.jar").toAbsolutePath().toString(), "check"));
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(output).as("no Spring context starts").doesNotContain("Spring Boot").doesNotContain("Started");
		return new Result(process.exitValue(), output);
	}

	record Result(int status, String output) {
	}

}
