package io.github.fifoliveness.peer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStreamReader;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.fifoliveness.posix.NativePosix;
import io.github.fifoliveness.posix.OpenFile;
import io.github.fifoliveness.testsupport.ChildProcesses;
import io.github.fifoliveness.testsupport.Fifos;
import io.github.fifoliveness.testsupport.ProbeOnce;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests for {@link FifoPeerProbe} against real files in a temporary folder.
 */
class FifoPeerProbeTests {

	@RegisterExtension
	final ChildProcesses children = new ChildProcesses();

	@TempDir
	Path dir;

	private final NativePosix posix = NativePosix.get();

	@Test
	void fifoWhoseReadEndThisProcessHoldsIsAlive() throws Exception {
		Path fifo = Fifos.create(this.dir.resolve("peer.fifo"));
		try (OpenFile readEnd = this.posix.openReadEnd(fifo)) {
			assertThat(probe(fifo)).isEqualTo(new ProbeResult(null, null, null, null, null));
		}
	}

	@Test
	void fifoHeldByAnotherProcessIsAliveUntilThatProcessIsKilled() {
		Path fifo = Fifos.create(this.dir.resolve("peer.fifo"));
		Process holder = this.children.holdReadEnd(fifo);
		await().atMost(10, TimeUnit.SECONDS).until(() -> probe(fifo).alive());
		ChildProcesses.kill(holder);
		ProbeResult afterKill = probe(fifo);
		assertThat(afterKill.alive()).isFalse();
		assertThat(afterKill.reason()).isEqualTo(DownReason.NO_READER);
	}

	@Test
	void fifoWithoutReaderIsDownWithNoReader() {
		Path fifo = Fifos.create(this.dir.resolve("peer.fifo"));
		ProbeResult result = probe(fifo);
		assertThat(result.alive()).isFalse();
		assertThat(result.reason()).isEqualTo(DownReason.NO_READER);
		assertThat(result.message()).contains("stopped, died, or reports itself broken");
	}

	@Test
	void missingPathIsDownWithMissing() {
		ProbeResult result = probe(this.dir.resolve("nothing-here.fifo"));
		assertThat(result.reason()).isEqualTo(DownReason.MISSING);
		assertThat(this.dir.resolve("nothing-here.fifo")).doesNotExist();
	}

	@Test
	void regularFileIsNeverAliveAndIsLeftUntouched() throws Exception {
		Path file = Files.writeString(this.dir.resolve("peer.fifo"), "precious");
		ProbeResult result = probe(file);
		assertThat(result.alive()).isFalse();
		assertThat(result.reason()).isEqualTo(DownReason.NOT_A_FIFO);
		assertThat(result.message()).startsWith("A regular file is at the path");
		assertThat(file).hasContent("precious");
	}

	@Test
	void directoryIsDownWithNotAFifo() throws Exception {
		Path directory = Files.createDirectory(this.dir.resolve("peer.fifo"));
		assertThat(probe(directory).reason()).isEqualTo(DownReason.NOT_A_FIFO);
		assertThat(probe(directory).message()).startsWith("A directory");
	}

	@Test
	void unixSocketIsDownWithNotAFifoRatherThanNoReader() throws Exception {
		Path socket = this.dir.resolve("peer.sock");
		try (ServerSocketChannel server = ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
			server.bind(UnixDomainSocketAddress.of(socket));
			ProbeResult result = probe(socket);
			assertThat(result.reason()).isEqualTo(DownReason.NOT_A_FIFO);
			assertThat(result.message()).startsWith("A Unix socket");
		}
	}

	@Test
	void pathThroughARegularFileIsAnErrorNamingTheErrno() throws Exception {
		Path file = Files.writeString(this.dir.resolve("file"), "x");
		ProbeResult result = probe(file.resolve("peer.fifo"));
		assertThat(result.reason()).isEqualTo(DownReason.ERROR);
		assertThat(result.error()).isEqualTo("ENOTDIR");
		assertThat(result.message()).contains("ENOTDIR");
	}

	@Test
	void fifoThisUserMayNotOpenIsDownWithPermissionDenied() throws Exception {
		Path fifo = Fifos.create(this.dir.resolve("peer.fifo"));
		Files.setPosixFilePermissions(fifo, PosixFilePermissions.fromString("---------"));
		try (OpenFile readEnd = this.posix.openReadEnd(fifo)) {
			assertThat(probeAsUnprivilegedUser(fifo)).isEqualTo("PERMISSION_DENIED");
		}
	}

	@Test
	void fifoOfAnotherUserThanTheExpectedOwnerIsForeignEvenWithAReader() throws Exception {
		Path fifo = Fifos.create(this.dir.resolve("peer.fifo"));
		int owner = this.posix.effectiveUid();
		try (OpenFile readEnd = this.posix.openReadEnd(fifo)) {
			ProbeResult result = new FifoPeerProbe(fifo, new ExpectedOwner(owner + 1), this.posix).probe();
			assertThat(result.reason()).isEqualTo(DownReason.FOREIGN_OWNER);
			assertThat(result.message()).startsWith("The FIFO belongs to uid " + owner + ", not to uid " + (owner + 1));
			assertThat(new FifoPeerProbe(fifo, new ExpectedOwner(owner), this.posix).probe().alive()).isTrue();
		}
	}

	@Test
	void fifoOfAnotherUserIsForeignToAMonitorThatExpectsItsOwnUser() throws Exception {
		assumeTrue(Fifos.isRoot(), "only root can make a FIFO of another user");
		Path fifo = Fifos.create(this.dir.resolve("peer.fifo"));
		Fifos.run("chmod", "666", fifo.toString());
		try (OpenFile readEnd = this.posix.openReadEnd(fifo)) {
			Fifos.run("chmod", "755", this.dir.toString());
			Process process = this.children.startJavaAs(65534, this.dir, ProbeOnce.class, fifo.toString());
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
			assertThat(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
				.startsWith("FOREIGN_OWNER");
		}
	}

	@Test
	void symbolicLinkToAHeldFifoOfTheExpectedOwnerIsNotAFifo() throws Exception {
		Path fifo = Fifos.create(this.dir.resolve("somewhere-else.fifo"));
		Path link = Files.createSymbolicLink(this.dir.resolve("peer.fifo"), fifo);
		try (OpenFile readEnd = this.posix.openReadEnd(fifo)) {
			ProbeResult result = probe(link);
			assertThat(result.reason()).isEqualTo(DownReason.NOT_A_FIFO);
			assertThat(result.message()).startsWith("A symbolic link is at the path, not a FIFO");
		}
	}

	@Test
	void regularFileIsNeverOpenedForWriting() throws Exception {
		assumeTrue(Files.isExecutable(Path.of("/usr/bin/strace")), "strace is not installed");
		Path file = Files.writeString(this.dir.resolve("peer.fifo"), "watched by a build tool");
		Path trace = this.dir.resolve("trace");
		Process process = this.children.startJava(
				List.of("strace", "-f", "-qq", "-e", "trace=open,openat,openat2", "-o", trace.toString()),
				ProbeOnce.class, file.toString());
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("NOT_A_FIFO");
		assertThat(Files.readAllLines(trace)).isNotEmpty().noneMatch((line) -> line.contains(file.toString()));
	}

	@Test
	void pathSwappedBetweenAFifoAndARegularFileIsNeverAlive() throws Exception {
		Path target = this.dir.resolve("peer.fifo");
		Path nextFifo = this.dir.resolve("next.fifo");
		Path nextFile = this.dir.resolve("next.file");
		AtomicBoolean swapping = new AtomicBoolean(true);
		Thread swapper = new Thread(() -> {
			while (swapping.get()) {
				move(Fifos.create(nextFifo), target);
				move(write(nextFile), target);
			}
		});
		swapper.start();
		Map<DownReason, Integer> seen = new EnumMap<>(DownReason.class);
		try {
			FifoPeerProbe probe = new FifoPeerProbe(target, this.posix);
			long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
			while (System.nanoTime() < end || seen.size() < 2) {
				ProbeResult result = probe.probe();
				assertThat(result.alive()).as("a FIFO without reader or a regular file").isFalse();
				seen.merge(result.reason(), 1, Integer::sum);
			}
		}
		finally {
			swapping.set(false);
			swapper.join();
		}
		assertThat(seen).containsKeys(DownReason.NO_READER, DownReason.NOT_A_FIFO);
	}

	private static Path write(Path file) {
		try {
			return Files.write(file, new byte[] { 'x' });
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void move(Path source, Path target) {
		try {
			Files.move(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private ProbeResult probe(Path path) {
		return new FifoPeerProbe(path, this.posix).probe();
	}

	// Root passes every permission check, so as root the probe runs in a user namespace
	// where it is an unprivileged user; otherwise this process already is one.
	private String probeAsUnprivilegedUser(Path fifo) throws Exception {
		if (!Fifos.isRoot()) {
			ProbeResult result = probe(fifo);
			return result.alive() ? "ALIVE" : result.reason().name();
		}
		Process process = this.children.startJava(List.of("unshare", "-U"), ProbeOnce.class, fifo.toString());
		assumeTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0,
				"unshare -U is not available here");
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			return reader.readLine();
		}
	}

}
