package io.github.fifoliveness.peer;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.fifoliveness.posix.NativePosix;
import io.github.fifoliveness.testsupport.ChildProcesses;
import io.github.fifoliveness.testsupport.Fifos;
import io.github.fifoliveness.testsupport.ProbeOnce;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The sidecar layout under attack: a daemon and its monitor run as one user and share a
 * folder that every user may write to (an {@code emptyDir}: 0777, no sticky bit). Another
 * user renames the daemon's subfolder away, plants a folder and FIFO of its own under the
 * old name and holds it. Once the daemon dies, the monitor must not see it alive.
 */
class PlantedFifoTests {

	private static final int APP_USER = 1000;

	private static final int OTHER_USER = 1001;

	@RegisterExtension
	final ChildProcesses children = new ChildProcesses();

	@TempDir
	Path dir;

	private Path fifo;

	private Process daemon;

	@BeforeEach
	void daemonHoldsItsFifoInASharedFolder() {
		assumeTrue(Fifos.isRoot(), "other users can only be played as root");
		Path shared = this.dir.resolve("liveness");
		Fifos.run("mkdir", "-m", "777", shared.toString());
		Fifos.run("chmod", "755", this.dir.toString());
		this.fifo = shared.resolve("orders/orders.fifo");
		this.daemon = this.children.start(asUser(APP_USER,
				"mkdir -m 700 \"${0%/*}\" && mkfifo -m 600 \"$0\"" + " && exec 3<>\"$0\" && exec sleep 600",
				this.fifo.toString()));
		await().atMost(Duration.ofSeconds(10)).until(() -> probeAs(APP_USER).equals("ALIVE"));
	}

	@Test
	void fifoPlantedByAnotherUserIsForeignOnceTheDaemonDied() throws Exception {
		Process planted = plantFifoAsOtherUser();
		ChildProcesses.kill(this.daemon);
		assertThat(probeAs(APP_USER)).isEqualTo("FOREIGN_OWNER");
		ChildProcesses.kill(planted);
	}

	@Test
	void symbolicLinkPlantedByAnotherUserToALiveFifoOfTheAppUserIsNotAlive() throws Exception {
		// Another FIFO of the application's user, alive: the monitor's own beacon, say.
		Path other = this.fifo.getParent().resolveSibling("monitor");
		this.children.start(asUser(APP_USER, "mkdir -m 700 \"$0\" && mkfifo -m 600 \"$0/monitor.fifo\""
				+ " && exec 3<>\"$0/monitor.fifo\" && exec sleep 600", other.toString()));
		await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(other.resolve("monitor.fifo")));
		Path folder = this.fifo.getParent();
		this.children.start(asUser(OTHER_USER,
				"mv \"$0\" \"$0.old\" && mkdir -m 755 \"$0\" && ln -s \"$1\" \"$0/orders.fifo\"" + " && exec sleep 600",
				folder.toString(), other.resolve("monitor.fifo").toString()));
		await().atMost(Duration.ofSeconds(10)).until(() -> Files.isSymbolicLink(this.fifo));
		ChildProcesses.kill(this.daemon);
		assertThat(probeAs(APP_USER)).isEqualTo("NOT_A_FIFO");
	}

	@Test
	void checkWithOwnerReportsThePlantedFifoAsForeign() throws Exception {
		plantFifoAsOtherUser();
		ChildProcesses.kill(this.daemon);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int status = LivenessCheckCommand.run(
				new String[] { "--owner", String.valueOf(APP_USER), this.fifo.toString() },
				new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
		assertThat(status).isEqualTo(LivenessCheckCommand.NOT_ALIVE);
		assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("DOWN FOREIGN_OWNER " + this.fifo);
	}

	private Process plantFifoAsOtherUser() {
		Path folder = this.fifo.getParent();
		Process planted = this.children.start(asUser(OTHER_USER,
				"mv \"$0\" \"$0.old\" && mkdir -m 755 \"$0\""
						+ " && mkfifo -m 666 \"$0/orders.fifo\" && exec 3<>\"$0/orders.fifo\" && exec sleep 600",
				folder.toString()));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> new FifoPeerProbe(this.fifo, ExpectedOwner.ANY, NativePosix.get()).probe().alive()
					&& folderOwner(folder) == OTHER_USER);
		return planted;
	}

	private static int folderOwner(Path folder) throws Exception {
		return (int) Files.getAttribute(folder, "unix:uid");
	}

	private String probeAs(int uid) throws Exception {
		Process probe = this.children.startJavaAs(uid, this.dir.resolve("probe-" + uid), ProbeOnce.class,
				this.fifo.toString());
		assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
	}

	private static String[] asUser(int uid, String script, String... arguments) {
		List<String> command = new ArrayList<>(
				List.of("setpriv", "--reuid=" + uid, "--regid=" + uid, "--clear-groups", "sh", "-c", script));
		command.addAll(List.of(arguments));
		return command.toArray(String[]::new);
	}

}
