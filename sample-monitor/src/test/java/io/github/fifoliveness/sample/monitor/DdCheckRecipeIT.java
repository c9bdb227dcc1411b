package io.github.fifoliveness.sample.monitor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The coreutils check for images without Java (docs/non-java-beacons.md), GNU coreutils
 * only: exit status 0 only while a process holds the read end of a FIFO that this user
 * owns; never blocks, never creates, writes or truncates anything.
 */
class DdCheckRecipeIT {

	/** Verbatim from docs/non-java-beacons.md. */
	static final String RECIPE = "test -p \"$F\" && test -O \"$F\" && dd if=/dev/null of=\"$F\" oflag=nonblock,nofollow conv=nocreat,notrunc count=0 status=none 2>/dev/null";

	/** The recipe without its guards: what the {@code test -p} guard protects from. */
	private static final String DD_ALONE = "dd if=/dev/null of=\"$F\" oflag=nonblock,nofollow conv=nocreat,notrunc count=0 status=none 2>/dev/null";

	@TempDir
	Path dir;

	private Process holder;

	@BeforeAll
	static void gnuDd() {
		assumeTrue(Commands.run(Duration.ofSeconds(10), Map.of(), "dd", "--version").output().contains("coreutils"),
				"dd is not GNU coreutils' (BusyBox's has no oflag=nonblock)");
	}

	@AfterEach
	void killHolder() throws InterruptedException {
		if (this.holder != null) {
			this.holder.destroyForcibly().waitFor();
		}
	}

	@Test
	void theDocsQuoteThisRecipe() throws Exception {
		assertThat(Files.readString(Commands.repositoryFile("docs/non-java-beacons.md"))).contains(RECIPE);
	}

	@Test
	void fifoWithAReaderIsAliveAndTheReaderReceivesNothing() throws Exception {
		Path fifo = mkfifo("peer.fifo");
		Path received = this.dir.resolve("received");
		// cat reads the FIFO and copies whatever arrives; it opens it read-write so as
		// not to block.
		this.holder = new ProcessBuilder("sh", "-c", "exec cat 0<>\"$0\" >\"$1\"", fifo.toString(), received.toString())
			.start();
		awaitFile(received);
		assertThat(check(fifo)).isZero();
		assertThat(check(fifo)).isZero();
		this.holder.destroyForcibly().waitFor();
		assertThat(received).isEmptyFile();
	}

	@Test
	void fifoWithoutAReaderIsNotAliveAndTheCheckDoesNotBlock() throws Exception {
		assertThat(check(mkfifo("peer.fifo"))).isEqualTo(1);
	}

	@Test
	void nothingAtThePathIsNotAliveAndNothingIsCreated() {
		Path missing = this.dir.resolve("missing.fifo");
		assertThat(check(missing)).isEqualTo(1);
		assertThat(missing).doesNotExist();
		assertThat(run(DD_ALONE, missing)).as("conv=nocreat").isEqualTo(1);
		assertThat(missing).doesNotExist();
	}

	@Test
	void regularFileIsNotAliveAndIsLeftAsItWas() throws Exception {
		Path file = Files.writeString(this.dir.resolve("peer.fifo"), "not a FIFO\n");
		FileTime modified = FileTime.fromMillis(1_000_000_000_000L);
		Files.setLastModifiedTime(file, modified);
		assertThat(check(file)).isEqualTo(1);
		assertThat(run(DD_ALONE, file)).as("dd alone succeeds on a regular file: the test -p guard is needed").isZero();
		assertThat(file).hasContent("not a FIFO\n");
		assertThat(Files.getLastModifiedTime(file)).isEqualTo(modified);
	}

	@Test
	void deviceAndDirectoryAreNotAlive() {
		assertThat(run(DD_ALONE, Path.of("/dev/null"))).as("dd alone succeeds on a device").isZero();
		assertThat(check(Path.of("/dev/null"))).isEqualTo(1);
		assertThat(check(this.dir)).isEqualTo(1);
	}

	@Test
	void symbolicLinkToAHeldFifoIsNotAlive() throws Exception {
		Path fifo = mkfifo("other-peer.fifo");
		this.holder = FifoHolder.holdReadEnd(fifo);
		assertThat(check(fifo)).as("the FIFO itself, held").isZero();
		Path link = Files.createSymbolicLink(this.dir.resolve("peer.fifo"), fifo);
		assertThat(check(link)).as("a symbolic link to it").isEqualTo(1);
	}

	@Test
	void fifoOfAnotherUserIsNotAliveThoughItHasAReader() throws Exception {
		assumeTrue(Commands.run(Duration.ofSeconds(10), Map.of(), "id", "-u").output().strip().equals("0"),
				"needs root to give a FIFO to another user");
		Path fifo = mkfifo("peer.fifo");
		this.holder = FifoHolder.holdReadEnd(fifo);
		assertThat(check(fifo)).as("held, owned by this user").isZero();
		assertThat(Commands.run(Duration.ofSeconds(10), Map.of(), "chown", "nobody", fifo.toString()).status())
			.isZero();
		assertThat(check(fifo)).as("held, owned by nobody").isEqualTo(1);
	}

	private Path mkfifo(String name) {
		Path fifo = this.dir.resolve(name);
		assertThat(Commands.run(Duration.ofSeconds(10), Map.of(), "mkfifo", "-m", "600", fifo.toString()).status())
			.isZero();
		return fifo;
	}

	private static int check(Path path) {
		return run(RECIPE, path);
	}

	/** Runs a shell command line with {@code F} set to the path, as the README shows. */
	private static int run(String commandLine, Path path) {
		return Commands.run(Duration.ofSeconds(10), Map.of("F", path.toString()), "sh", "-c", commandLine).status();
	}

	private static void awaitFile(Path file) {
		await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(file));
	}

}
