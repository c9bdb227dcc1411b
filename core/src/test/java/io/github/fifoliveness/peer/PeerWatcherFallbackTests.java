package io.github.fifoliveness.peer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.fifoliveness.testsupport.ChildProcesses;
import io.github.fifoliveness.testsupport.Fifos;
import io.github.fifoliveness.testsupport.WatchOnce;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests for the peers {@link PeerWatcher} polls instead of watching, in a process of
 * their own, with a lower descriptor limit or as another user.
 */
class PeerWatcherFallbackTests {

	@RegisterExtension
	final ChildProcesses children = new ChildProcesses();

	@TempDir
	Path dir;

	@Test
	void peersBeyondTheDescriptorLimitArePolledAndTheLogSaysSo() throws Exception {
		List<String> paths = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			paths.add(this.dir.resolve("peer-" + i + ".fifo").toString());
		}
		Process watcher = this.children.startJava(List.of("sh", "-c", "ulimit -n 256 && exec \"$0\" \"$@\""),
				WatchOnce.class, paths.toArray(String[]::new));
		String output = outputOf(watcher);
		assertThat(output).contains("the limit on open files (RLIMIT_NOFILE) is 256")
			.contains("Raise the limit ('ulimit -n', or LimitNOFILE= in a systemd unit) to watch them all");
		long watched = output.lines().filter((line) -> line.endsWith(" watched")).count();
		long polled = output.lines().filter((line) -> line.endsWith(" polled")).count();
		assertThat(watched).isPositive();
		assertThat(polled).isPositive();
		assertThat(watched + polled).isEqualTo(300);
		assertThat(output).contains("peer-0 watched", "peer-299 polled");
	}

	@Test
	void aPeerInAFolderThisUserMayNotReadIsPolled() throws Exception {
		assumeTrue(Fifos.isRoot(), "needs root to run the monitor as another user");
		Fifos.run("chmod", "0711", this.dir.toString());
		Path secret = Files.createDirectory(this.dir.resolve("secret"));
		Fifos.run("chmod", "0700", secret.toString());
		Path open = Files.createDirectory(this.dir.resolve("open"));
		Fifos.run("chmod", "0777", open.toString());
		Process watcher = this.children.startJavaAs(65534, this.dir.resolve("scratch"), WatchOnce.class,
				secret.resolve("orders.fifo").toString(), open.resolve("billing.fifo").toString());
		String output = outputOf(watcher);
		assertThat(output).contains("peer-0 polled", "peer-1 watched")
			.contains(
					"Peer 'peer-0' is probed every 1000 ms ('fifo-liveness.monitor.poll-interval') instead of watched:"
							+ " inotify_add_watch(" + secret + ") failed: Permission denied (EACCES)");
	}

	private static String outputOf(Process process) throws Exception {
		byte[] output = process.getInputStream().readAllBytes();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		String text = new String(output, StandardCharsets.UTF_8);
		assertThat(text).as(text).contains("done");
		return text;
	}

}
