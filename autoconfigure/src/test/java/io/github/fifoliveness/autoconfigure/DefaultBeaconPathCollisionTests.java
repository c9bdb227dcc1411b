package io.github.fifoliveness.autoconfigure;

import java.nio.file.Path;
import java.util.List;

import io.github.fifoliveness.testsupport.ChildProcesses;
import io.github.fifoliveness.testsupport.RunApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two applications on the default path, each in a JVM of its own with the same
 * {@code java.io.tmpdir} and no runtime folder: the second one's failure names the ways
 * out.
 */
class DefaultBeaconPathCollisionTests {

	private static final List<String> NO_RUNTIME_FOLDER = List.of("env", "-u", "XDG_RUNTIME_DIR");

	@RegisterExtension
	final ChildProcesses children = new ChildProcesses();

	@TempDir
	Path tmp;

	@Test
	void twoApplicationsWithoutANameAreToldToSetOne() throws Exception {
		String first = RunApplication.outputUntilStarted(start());
		assertThat(first).contains("started");
		String second = RunApplication.outputUntilStarted(start());
		assertThat(second).contains("APPLICATION FAILED TO START")
			.contains("another instance holds it (pid ")
			.contains("is the default path of every application that does not set 'spring.application.name':"
					+ " set 'spring.application.name' to give this application a default path of its own, or"
					+ " 'fifo-liveness.beacon.path' to choose a path");
	}

	@Test
	void twoInstancesOfANamedApplicationAreToldTheirOptions() throws Exception {
		assertThat(RunApplication.outputUntilStarted(start("--spring.application.name=orders"))).contains("started");
		String second = RunApplication.outputUntilStarted(start("--spring.application.name=orders"));
		assertThat(second).contains("another instance holds it (pid ")
			.contains("'fifo-liveness.beacon.single-instance=false'")
			.contains("is the default path of every application named 'orders'");
	}

	@Test
	void twoNamesThatBecomeOnePathAreToldSo() throws Exception {
		assertThat(RunApplication.outputUntilStarted(start("--spring.application.name=billing eu")))
			.contains("started");
		String second = RunApplication.outputUntilStarted(start("--spring.application.name=billing/eu"));
		assertThat(second).contains("another instance holds it (pid ")
			.contains("is the default path of every application whose name becomes 'billing_eu' in a path");
	}

	private Process start(String... args) {
		String[] arguments = new String[args.length + 1];
		arguments[0] = this.tmp.toString();
		System.arraycopy(args, 0, arguments, 1, args.length);
		return this.children.startJava(NO_RUNTIME_FOLDER, RunApplication.class, arguments);
	}

}
