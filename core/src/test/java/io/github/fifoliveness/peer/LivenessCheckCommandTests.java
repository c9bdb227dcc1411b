package io.github.fifoliveness.peer;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.github.fifoliveness.posix.NativePosix;
import io.github.fifoliveness.posix.OpenFile;
import io.github.fifoliveness.testsupport.Fifos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Tests for {@link LivenessCheckCommand} against real FIFOs and PID files.
 */
class LivenessCheckCommandTests {

	@TempDir
	Path dir;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void heldFifoIsUpWithExitZero() throws Exception {
		Path fifo = Fifos.create(this.dir.resolve("peer.fifo"));
		try (OpenFile readEnd = NativePosix.get().openReadEnd(fifo)) {
			assertThat(run(fifo.toString())).isZero();
		}
		assertThat(out()).isEqualTo("UP " + fifo + "\n");
	}

	@Test
	void fifoWithoutReaderIsDownWithTheReasonAndExitOne() {
		Path fifo = Fifos.create(this.dir.resolve("peer.fifo"));
		assertThat(run(fifo.toString())).isEqualTo(1);
		assertThat(out()).startsWith("DOWN NO_READER " + fifo + ": No process holds the FIFO").endsWith("\n");
		assertThat(out().lines()).hasSize(1);
	}

	@Test
	void regularFileIsNeverUp() throws Exception {
		Path file = Files.writeString(this.dir.resolve("peer.fifo"), "x");
		assertThat(run(file.toString())).isEqualTo(1);
		assertThat(out()).startsWith("DOWN NOT_A_FIFO ");
	}

	@Test
	void pidFileOfThisProcessIsUpWithThePid() throws Exception {
		Path pidFile = Files.writeString(this.dir.resolve("self.pid"), ProcessHandle.current().pid() + "\n");
		assertThat(run("--pid-file", pidFile.toString())).isZero();
		assertThat(out()).isEqualTo("UP " + pidFile + " pid=" + ProcessHandle.current().pid() + "\n");
	}

	@Test
	void folderHoldingItsQuorumIsUpWithOneLinePerMember() throws Exception {
		Path folder = Files.createDirectory(this.dir.resolve("workers"));
		Path one = Fifos.create(folder.resolve("worker-1.fifo"));
		Fifos.create(folder.resolve("worker-2.fifo"));
		Files.writeString(folder.resolve("notes.txt"), "not a member");
		try (OpenFile readEnd = NativePosix.get().openReadEnd(one)) {
			assertThat(run("--folder", folder.toString())).isZero();
			assertThat(out()).isEqualTo("UP " + folder + ": 1 of 2 members up, at least 1 needed\n"
					+ "  UP worker-1\n  DOWN NO_READER worker-2\n");
			this.out.reset();
			assertThat(run("--folder", folder.toString(), "--min-up", "2")).isEqualTo(1);
			assertThat(out()).startsWith("DOWN QUORUM_LOST " + folder + ": 1 of 2 members up, at least 2 needed\n");
		}
	}

	@Test
	void folderWithNothingMatchingThePatternIsDownWithNoMembers() throws Exception {
		Path folder = Files.createDirectory(this.dir.resolve("workers"));
		Fifos.create(folder.resolve("worker-1.pipe"));
		assertThat(run("--folder", folder.toString())).isEqualTo(1);
		assertThat(out()).startsWith("DOWN NO_MEMBERS " + folder + ": ");
		this.out.reset();
		assertThat(run("--folder", folder.toString(), "--pattern", "*.pipe")).isEqualTo(1);
		assertThat(out()).endsWith("  DOWN NO_READER worker-1\n");
	}

	@Test
	void missingFolderIsDownAndMemberNamesAreEscaped() throws Exception {
		assertThat(run("--folder", this.dir.resolve("nowhere").toString())).isEqualTo(1);
		assertThat(out()).startsWith("DOWN FOLDER_MISSING ");
		this.out.reset();
		Path folder = Files.createDirectory(this.dir.resolve("workers"));
		Fifos.create(folder.resolve("odd\nname.fifo"));
		assertThat(run("--folder", folder.toString())).isEqualTo(1);
		assertThat(out()).endsWith("  DOWN NO_READER odd\\nname\n");
	}

	@Test
	void folderUsageErrorsExitTwo() {
		assertThat(run("--folder")).isEqualTo(2);
		assertThat(run("--folder", "/tmp", "--min-up", "0")).isEqualTo(2);
		assertThat(run("--folder", "/tmp", "--min-up", "two")).isEqualTo(2);
		assertThat(run("--folder", "/tmp", "--pattern", "a/b")).isEqualTo(2);
		assertThat(run("--folder", "/tmp", "extra")).isEqualTo(2);
		assertThat(out()).isEmpty();
	}

	@Test
	void aPathThatBeginsWithADashFollowsTheEndOfOptions() {
		Path fifo = Fifos.create(this.dir.resolve("-x.fifo"));
		assertThat(run("-x.fifo")).isEqualTo(2);
		assertThat(this.err.toString(StandardCharsets.UTF_8))
			.contains("'-x.fifo' is no option: give a path that begins with '-' after '--' (check -- -x.fifo)");
		assertThat(run("--", fifo.toString())).isEqualTo(1);
		assertThat(out()).startsWith("DOWN NO_READER " + fifo + ":");
		// Relative, as a shell user types it: resolved against the working folder.
		assertThat(run("--", "-x.fifo")).isEqualTo(1);
		assertThat(out()).contains("DOWN MISSING " + Path.of("-x.fifo").toAbsolutePath());
		// After "--", no word is an option.
		assertThat(run("--", "--owner")).isEqualTo(1);
		assertThat(out()).contains("DOWN MISSING " + Path.of("--owner").toAbsolutePath());
		assertThat(run("--owner", "root", "--", fifo.toString())).isEqualTo(1);
		assertThat(run("--pid-file", "--", "-x.pid")).isEqualTo(1);
		assertThat(out()).contains("DOWN MISSING " + Path.of("-x.pid").toAbsolutePath());
	}

	@Test
	void usageErrorsExitTwoAndPrintUsage() {
		assertThat(run()).isEqualTo(2);
		assertThat(run("--pid-file")).isEqualTo(2);
		assertThat(run("--verbose", "x")).isEqualTo(2);
		assertThat(run("a", "b")).isEqualTo(2);
		assertThat(run("-x")).isEqualTo(2);
		assertThat(run("-")).isEqualTo(2);
		assertThat(run("--")).isEqualTo(2);
		assertThat(run("--", "a", "b")).isEqualTo(2);
		assertThat(run("x", "--owner")).isEqualTo(2);
		assertThat(out()).isEmpty();
		assertThat(this.err.toString(StandardCharsets.UTF_8))
			.contains("usage: check [--owner <user>] <fifo-path> | check [--owner <user>] --pid-file <pid-file>");
	}

	@Test
	void fifoOfAnotherOwnerThanTheOneGivenIsDownAsForeign() throws Exception {
		Path fifo = Fifos.create(this.dir.resolve("peer.fifo"));
		int uid = NativePosix.get().effectiveUid();
		try (OpenFile readEnd = NativePosix.get().openReadEnd(fifo)) {
			assertThat(run("--owner", String.valueOf(uid + 1), fifo.toString())).isEqualTo(1);
			assertThat(out()).startsWith("DOWN FOREIGN_OWNER " + fifo + ": The FIFO belongs to uid " + uid);
			assertThat(run(fifo.toString(), "--owner", String.valueOf(uid))).isZero();
		}
	}

	@Test
	void ownerCanBeAUserName() throws Exception {
		Path fifo = Fifos.create(this.dir.resolve("peer.fifo"));
		try (OpenFile readEnd = NativePosix.get().openReadEnd(fifo)) {
			assertThat(run("--owner", System.getProperty("user.name"), fifo.toString())).isZero();
		}
		assertThat(run("--owner", "no-such-user-of-fifo-liveness", fifo.toString())).isEqualTo(2);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("no user 'no-such-user-of-fifo-liveness'");
	}

	@Test
	void ownerCanBeANumericUidWithoutAUserEntry() throws Exception {
		Path fifo = Fifos.create(this.dir.resolve("peer.fifo"));
		try (OpenFile readEnd = NativePosix.get().openReadEnd(fifo)) {
			assertThat(run("--owner", "1000680000", fifo.toString())).isEqualTo(1);
		}
		assertThat(out()).startsWith("DOWN FOREIGN_OWNER " + fifo).contains("not to uid 1000680000");
	}

	@Test
	void pidFileThatIsAFifoExitsAtOnceAsInvalid() {
		Path fifo = Fifos.create(this.dir.resolve("app.pid"));
		assertThat(assertTimeoutPreemptively(Duration.ofSeconds(10), () -> run("--pid-file", fifo.toString())))
			.isEqualTo(1);
		assertThat(out()).startsWith("DOWN INVALID_PID_FILE " + fifo + ": A FIFO is at the path");
	}

	@Test
	void emptyPathIsAUsageErrorNotTheWorkingDirectory() {
		assertThat(run("")).isEqualTo(2);
		assertThat(run("--pid-file", "")).isEqualTo(2);
		assertThat(out()).isEmpty();
		assertThat(err()).contains("an empty path").contains("usage: check");
	}

	// Where the kernel would look for a folder, and Path.of would drop the '/'.
	@Test
	void aPathThatEndsInASlashIsAUsageErrorNotTheFifoWithoutIt() throws Exception {
		Path fifo = Fifos.create(this.dir.resolve("orders.fifo"));
		try (OpenFile reader = NativePosix.get().openReadEnd(fifo)) {
			assertThat(run(fifo + "/")).isEqualTo(2);
			assertThat(run("--pid-file", this.dir.resolve("orders.pid") + "/")).isEqualTo(2);
			assertThat(out()).isEmpty();
			assertThat(err())
				.contains("not a valid path: it ends in '/', which names a folder, not a file: " + fifo + "/")
				.contains("usage: check");
		}
	}

	@Test
	void pathWithANewlineStillPrintsOneLineEscaped() {
		Path fifo = Fifos.create(this.dir.resolve("peer\nDOWN.fifo"));
		assertThat(run(fifo.toString())).isEqualTo(1);
		assertThat(out().lines()).hasSize(1);
		assertThat(out()).startsWith("DOWN NO_READER " + this.dir + "/peer\\nDOWN.fifo: ");
	}

	@Test
	void controlCharactersAndBackslashesAreEscapedCStyle() throws Exception {
		Path fifo = Fifos.create(this.dir.resolve("a\tb\u0001c\u007fd\\e\rf.fifo"));
		try (OpenFile readEnd = NativePosix.get().openReadEnd(fifo)) {
			assertThat(run(fifo.toString())).isZero();
		}
		assertThat(out()).isEqualTo("UP " + this.dir + "/a\\tb\\x01c\\x7fd\\\\e\\rf.fifo\n");
	}

	@Test
	void pidFileContentWithNewlinesStillPrintsOneLine() throws Exception {
		Path pidFile = Files.writeString(this.dir.resolve("app.pid"), "12\nabc\n");
		assertThat(run("--pid-file", pidFile.toString())).isEqualTo(1);
		assertThat(out().lines()).hasSize(1);
		assertThat(out()).startsWith("DOWN INVALID_PID_FILE " + pidFile + ": ");
	}

	@Test
	void relativePathIsResolvedAgainstTheWorkingDirectory() {
		assertThat(run("no-such-peer.fifo")).isEqualTo(1);
		assertThat(out()).startsWith("DOWN MISSING " + Path.of("no-such-peer.fifo").toAbsolutePath());
	}

	private int run(String... args) {
		return LivenessCheckCommand.run(args, new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

	private String out() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

	private String err() {
		return this.err.toString(StandardCharsets.UTF_8);
	}

}
