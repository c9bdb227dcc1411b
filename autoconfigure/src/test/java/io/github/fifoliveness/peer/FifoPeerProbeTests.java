package io.github.fifoliveness.peer;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
			assertThat(probe(fifo)).isEqualTo(new ProbeResult(true, null, null, null, null, null));
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
		assertThat(result.message()).contains("not running");
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
	void symbolicLinkToAHeldFifoIsAlive() throws Exception {
		Path fifo = Fifos.create(this.dir.resolve("peer.fifo"));
		Path link = Files.createSymbolicLink(this.dir.resolve("link.fifo"), fifo);
		try (OpenFile readEnd = this.posix.openReadEnd(fifo)) {
			assertThat(probe(link).alive()).isTrue();
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
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			return reader.readLine();
		}
	}

}
