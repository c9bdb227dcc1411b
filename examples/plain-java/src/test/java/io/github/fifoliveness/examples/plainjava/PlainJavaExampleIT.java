package io.github.fifoliveness.examples.plainjava;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.fifoliveness.peer.FifoPeerProbe;
import io.github.fifoliveness.posix.NativePosix;
import io.github.fifoliveness.testsupport.ChildProcesses;
import io.github.fifoliveness.testsupport.Fifos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example run as a service runs it, in a JVM of its own with the core and no Spring
 * on its class path: its beacon is up, and it sees its peer UP, then DOWN once the peer's
 * holder is killed with SIGKILL.
 */
class PlainJavaExampleIT {

	@RegisterExtension
	final ChildProcesses processes = new ChildProcesses();

	@TempDir
	Path dir;

	@Test
	void holdsItsBeaconAndSeesItsPeerUpThenDownAfterSigkill() throws Exception {
		Path peer = Fifos.create(this.dir.resolve("orders.fifo"));
		Process holder = this.processes.holdReadEnd(peer);
		Path beacon = this.dir.resolve("example/example.fifo");
		Process example = this.processes.startJava(List.of(), PlainJavaExample.class, beacon.toString(),
				peer.toString());
		BufferedReader lines = new BufferedReader(
				new InputStreamReader(example.getInputStream(), StandardCharsets.UTF_8));
		assertThat(nextLine(lines, "peer ")).isEqualTo("peer UP");
		assertThat(new FifoPeerProbe(beacon, NativePosix.get()).probe().alive()).as("the example's beacon").isTrue();
		ChildProcesses.kill(holder);
		assertThat(nextLine(lines, "peer ")).isEqualTo("peer DOWN NO_READER");
	}

	// The next line that starts with the prefix, within a bound: the log shares the
	// stream.
	private static String nextLine(BufferedReader lines, String prefix) throws Exception {
		return CompletableFuture.supplyAsync(() -> {
			try {
				for (String line = lines.readLine(); line != null; line = lines.readLine()) {
					if (line.startsWith(prefix)) {
						return line;
					}
				}
				return "end of output";
			}
			catch (IOException ex) {
				return ex.toString();
			}
		}).get(30, TimeUnit.SECONDS);
	}

}
