package io.github.fifoliveness.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.fifoliveness.testsupport.ChildProcesses;
import io.github.fifoliveness.testsupport.RunApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second instance on a beacon's path, in a JVM of its own, is refused before it starts
 * anything: no lifecycle bean (a web server, a message listener) and no PID file.
 */
class SecondInstanceTests {

	@RegisterExtension
	final ChildProcesses children = new ChildProcesses();

	@TempDir
	Path tmp;

	@Test
	void aSecondInstanceStartsNothingAndLeavesThePidFileOfTheFirst() throws Exception {
		Path pidFile = this.tmp.resolve("orders.pid");
		Process first = start(pidFile);
		assertThat(RunApplication.outputUntilStarted(first)).contains("lifecycle started").contains("started");
		assertThat(Files.readString(pidFile).strip()).isEqualTo(String.valueOf(first.pid()));
		String second = RunApplication.outputUntilStarted(start(pidFile));
		assertThat(second).contains("another instance holds it (pid " + first.pid() + ")")
			.doesNotContain("lifecycle started")
			.doesNotContain("Wrote PID file");
		assertThat(Files.readString(pidFile).strip()).isEqualTo(String.valueOf(first.pid()));
	}

	private Process start(Path pidFile) {
		return this.children.startJava(List.of("env", "-u", "XDG_RUNTIME_DIR"), RunApplication.class,
				this.tmp.toString(), "--spring.application.name=orders", "--fifo-liveness.pid-file=" + pidFile);
	}

}
