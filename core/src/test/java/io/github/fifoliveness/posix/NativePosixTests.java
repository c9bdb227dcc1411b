package io.github.fifoliveness.posix;

import java.nio.file.Files;
import java.nio.file.Path;

import jnr.posix.POSIXFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link NativePosix} against the real kernel.
 */
class NativePosixTests {

	@TempDir
	Path dir;

	private final NativePosix posix = NativePosix.get();

	@Test
	void javaEmulationIsRefusedRatherThanUsedSilently() {
		assertThatExceptionOfType(NativePosixUnavailableException.class)
			.isThrownBy(() -> JnrSyscalls.load(POSIXFactory::getJavaPOSIX))
			.withMessageContaining("needs native calls")
			.withMessageContaining("JavaPOSIX");
	}

	@Test
	void loaderFailureIsReportedAsUnavailable() {
		assertThatExceptionOfType(NativePosixUnavailableException.class).isThrownBy(() -> JnrSyscalls.load(() -> {
			throw new UnsatisfiedLinkError("no libc");
		})).withMessageContaining("no libc");
	}

	@Test
	void createFifoCreatesOnceAndReportsAnExistingPath() throws Exception {
		Path fifo = this.dir.resolve("a.fifo");
		assertThat(this.posix.createFifo(fifo, 0600)).isTrue();
		assertThat(this.posix.createFifo(fifo, 0600)).isFalse();
		FileStatus status = this.posix.statusOf(fifo).orElseThrow();
		assertThat(status.type()).isEqualTo(FileType.FIFO);
		assertThat(status.permissions()).isEqualTo(0600);
		assertThat(status.ownerUid()).isEqualTo(this.posix.effectiveUid());
	}

	@Test
	void openReadEndRefusesASymbolicLink() throws Exception {
		Path fifo = this.dir.resolve("a.fifo");
		this.posix.createFifo(fifo, 0600);
		Path link = Files.createSymbolicLink(this.dir.resolve("link.fifo"), fifo);
		assertThatExceptionOfType(PosixException.class).isThrownBy(() -> this.posix.openReadEnd(link))
			.satisfies((ex) -> assertThat(ex.getErrorName()).isEqualTo("ELOOP"))
			.withMessageContaining(link.toString());
	}

	@Test
	void statusOfAMissingPathIsEmptyAndOfASymbolicLinkIsTheLink() throws Exception {
		assertThat(this.posix.statusOf(this.dir.resolve("missing"))).isEmpty();
		Path link = Files.createSymbolicLink(this.dir.resolve("link"), this.dir);
		assertThat(this.posix.statusOf(link).orElseThrow().type()).isEqualTo(FileType.SYMBOLIC_LINK);
	}

	@Test
	void closedReadEndStopsCountingAsReader() throws Exception {
		Path fifo = this.dir.resolve("a.fifo");
		this.posix.createFifo(fifo, 0600);
		OpenFile readEnd = this.posix.openReadEnd(fifo);
		assertThat(this.posix.openWriteEndAndClose(fifo, NativePosix.ANY_OWNER).outcome())
			.isEqualTo(WriteEndOutcome.READER_PRESENT);
		readEnd.close();
		readEnd.close();
		assertThat(readEnd.isClosed()).isTrue();
		assertThat(this.posix.openWriteEndAndClose(fifo, NativePosix.ANY_OWNER).outcome())
			.isEqualTo(WriteEndOutcome.NO_READER);
	}

}
