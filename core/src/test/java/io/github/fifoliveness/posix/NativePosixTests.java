package io.github.fifoliveness.posix;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

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
	void whereNoTableIsKnownAMissingJnrPosixIsNamedWithItsCoordinates() {
		for (String[] platform : new String[][] { { "Mac OS X", "aarch64" }, { "FreeBSD", "amd64" },
				{ "Linux", "riscv64" } }) {
			assertThatExceptionOfType(NativePosixUnavailableException.class)
				.isThrownBy(() -> SyscallsLoader.loadSyscalls(NativeImplementation.JNR,
						LinuxSyscallTable.forPlatform(platform[0], platform[1]), () -> false))
				.withMessageContaining("cannot make them through jnr")
				.withMessageEndingWith("jnr-posix is not on the class path, and this platform needs it (only Linux"
						+ " x86_64 and aarch64 do without): add com.github.jnr:jnr-posix:3.2.2 to the application's"
						+ " dependencies")
				.satisfies((ex) -> assertThat(ex.getReason())
					.isEqualTo(NativePosixUnavailableException.Reason.JNR_POSIX_MISSING));
		}
	}

	@Test
	void whereTheTableIsKnownJnrPosixIsNotNeeded() {
		Syscalls syscalls = SyscallsLoader.loadSyscalls(NativeImplementation.JNR, LinuxSyscallTable.current(),
				() -> false);
		assertThat(syscalls).isInstanceOf(TableSyscalls.class);
		assertThat(syscalls.implementation()).isEqualTo(NativeImplementation.JNR);
		assertThat(syscalls.geteuid()).isEqualTo(this.posix.effectiveUid());
	}

	@Test
	void jnrPosixIsNamedByTheVersionFifoLivenessIsBuiltWith() throws Exception {
		Properties built = new Properties();
		try (InputStream in = POSIXFactory.class
			.getResourceAsStream("/META-INF/maven/com.github.jnr/jnr-posix/pom.properties")) {
			built.load(in);
		}
		assertThat(NativePosixUnavailableException.JNR_POSIX).isEqualTo(built.getProperty("groupId") + ":"
				+ built.getProperty("artifactId") + ":" + built.getProperty("version"));
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
		assertThat(this.posix.openWriteEndAndClose(fifo, NativePosix.ANY_OWNER))
			.isInstanceOf(WriteEndResult.ReaderPresent.class);
		readEnd.close();
		readEnd.close();
		assertThat(readEnd.isClosed()).isTrue();
		assertThat(this.posix.openWriteEndAndClose(fifo, NativePosix.ANY_OWNER))
			.isInstanceOf(WriteEndResult.NoReader.class);
	}

}
