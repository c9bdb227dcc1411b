package io.github.fifoliveness.posix;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.github.fifoliveness.testsupport.Fifos;
import jnr.constants.platform.Errno;
import jnr.constants.platform.OpenFlags;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each system call against the real kernel, through every implementation this JVM can run
 * (the foreign one on JDK 22 and later, jffi's, and jnr-posix's), checked against the
 * JDK's own view of the same files, which also proves the foreign implementation's
 * reading of {@code struct stat}.
 */
@EnabledOnOs(OS.LINUX)
class SyscallsTests {

	private static final int O_RDONLY_NONBLOCK = OpenFlags.O_RDONLY.intValue() | OpenFlags.O_NONBLOCK.intValue();

	private static final int O_WRONLY_NONBLOCK = OpenFlags.O_WRONLY.intValue() | OpenFlags.O_NONBLOCK.intValue();

	private static final int O_RDWR = OpenFlags.O_RDWR.intValue();

	private static final int LOCK_EX_NB = 2 | 4;

	@TempDir
	Path dir;

	// jnr-posix serves where no system-call table is known (macOS, the BSDs): proven here
	// on Linux too.
	static Stream<Named<Syscalls>> implementations() {
		return Stream.concat(
				Arrays.stream(SyscallsLoader.supportedImplementations())
					.map((implementation) -> Named.of(implementation.name(),
							SyscallsLoader.loadSyscalls(implementation))),
				Stream.of(Named.of("jnr-posix", JnrSyscalls.load())));
	}

	@ParameterizedTest
	@MethodSource("implementations")
	void fstatOfAnOpenFifoReadsWhatTheJdkSees(Syscalls syscalls) throws Exception {
		Path fifo = Fifos.create(this.dir.resolve("a.fifo"));
		int fd = syscalls.open(bytes(fifo), O_RDONLY_NONBLOCK, 0);
		assertThat(fd).isNotNegative();
		StatBuffer stat = new StatBuffer();
		assertThat(syscalls.fstat(fd, stat)).isZero();
		assertThat(stat.type()).isEqualTo(FileType.FIFO);
		assertThat(stat.device).isEqualTo(Files.getAttribute(fifo, "unix:dev"));
		assertThat(stat.inode).isEqualTo(Files.getAttribute(fifo, "unix:ino"));
		assertThat(stat.ownerUid).isEqualTo(Files.getAttribute(fifo, "unix:uid"));
		assertThat(stat.mode).isEqualTo(Files.getAttribute(fifo, "unix:mode"));
		assertThat(stat.modifiedSeconds)
			.isEqualTo(((FileTime) Files.getAttribute(fifo, "unix:lastModifiedTime")).to(TimeUnit.SECONDS));
		assertThat(syscalls.close(fd)).isZero();
		assertThat(syscalls.close(fd)).isEqualTo(-Errno.EBADF.intValue());
		assertThat(syscalls.fstat(fd, stat)).isEqualTo(-Errno.EBADF.intValue());
	}

	@ParameterizedTest
	@MethodSource("implementations")
	void statFollowsASymbolicLinkAndLstatDoesNot(Syscalls syscalls) throws Exception {
		Path fifo = Fifos.create(this.dir.resolve("a.fifo"));
		Path link = Files.createSymbolicLink(this.dir.resolve("link"), fifo);
		StatBuffer stat = new StatBuffer();
		assertThat(syscalls.stat(bytes(link), true, stat)).isZero();
		assertThat(stat.type()).isEqualTo(FileType.FIFO);
		assertThat(stat.inode).isEqualTo(Files.getAttribute(fifo, "unix:ino"));
		assertThat(syscalls.stat(bytes(link), false, stat)).isZero();
		assertThat(stat.type()).isEqualTo(FileType.SYMBOLIC_LINK);
		assertThat(stat.inode).isEqualTo(Files.getAttribute(link, "unix:ino", LinkOption.NOFOLLOW_LINKS));
	}

	@ParameterizedTest
	@MethodSource("implementations")
	void failuresReturnTheErrnoOfTheCall(Syscalls syscalls) throws Exception {
		Path fifo = Fifos.create(this.dir.resolve("a.fifo"));
		Path missing = this.dir.resolve("missing");
		StatBuffer stat = new StatBuffer();
		assertThat(syscalls.open(bytes(missing), O_RDONLY_NONBLOCK, 0)).isEqualTo(-Errno.ENOENT.intValue());
		assertThat(syscalls.stat(bytes(missing), true, stat)).isEqualTo(-Errno.ENOENT.intValue());
		assertThat(syscalls.open(bytes(fifo), O_WRONLY_NONBLOCK, 0)).isEqualTo(-Errno.ENXIO.intValue());
		assertThat(syscalls.open(bytes(fifo.resolve("below")), O_RDONLY_NONBLOCK, 0))
			.isEqualTo(-Errno.ENOTDIR.intValue());
		byte[] tooLong = bytes(this.dir.resolve("x".repeat(200) + "/").toString().repeat(30));
		assertThat(syscalls.open(tooLong, O_RDONLY_NONBLOCK, 0)).isEqualTo(-Errno.ENAMETOOLONG.intValue());
		assertThat(syscalls.stat(tooLong, false, stat)).isEqualTo(-Errno.ENAMETOOLONG.intValue());
		assertThat(syscalls.mkfifo(tooLong, 0600)).isEqualTo(-Errno.ENAMETOOLONG.intValue());
	}

	@ParameterizedTest
	@MethodSource("implementations")
	void writeEndOpensOnlyWhileAReaderHoldsTheFifo(Syscalls syscalls) throws Exception {
		Path fifo = Fifos.create(this.dir.resolve("a.fifo"));
		assertThat(syscalls.open(bytes(fifo), O_WRONLY_NONBLOCK, 0)).isEqualTo(-Errno.ENXIO.intValue());
		int reader = syscalls.open(bytes(fifo), O_RDONLY_NONBLOCK, 0);
		int writer = syscalls.open(bytes(fifo), O_WRONLY_NONBLOCK, 0);
		assertThat(writer).isNotNegative();
		assertThat(syscalls.close(writer)).isZero();
		assertThat(syscalls.close(reader)).isZero();
		assertThat(syscalls.open(bytes(fifo), O_WRONLY_NONBLOCK, 0)).isEqualTo(-Errno.ENXIO.intValue());
	}

	@ParameterizedTest
	@MethodSource("implementations")
	void mkfifoCreatesOnceWithTheGivenPermissions(Syscalls syscalls) throws Exception {
		Path fifo = this.dir.resolve("a.fifo");
		assertThat(syscalls.mkfifo(bytes(fifo), 0600)).isZero();
		assertThat(syscalls.mkfifo(bytes(fifo), 0600)).isEqualTo(-Errno.EEXIST.intValue());
		int mode = (int) Files.getAttribute(fifo, "unix:mode");
		assertThat(FileType.fromMode(mode)).isEqualTo(FileType.FIFO);
		assertThat(mode & 07777).isEqualTo(0600);
	}

	@ParameterizedTest
	@MethodSource("implementations")
	void flockIsExclusiveAcrossDescriptorsUntilTheHolderCloses(Syscalls syscalls) throws Exception {
		Path file = Files.createFile(this.dir.resolve("a.lock"));
		int first = syscalls.open(bytes(file), O_RDWR, 0);
		int second = syscalls.open(bytes(file), O_RDWR, 0);
		assertThat(syscalls.flock(first, LOCK_EX_NB)).isZero();
		assertThat(syscalls.flock(second, LOCK_EX_NB)).isEqualTo(-Errno.EWOULDBLOCK.intValue());
		assertThat(syscalls.close(first)).isZero();
		assertThat(syscalls.flock(second, LOCK_EX_NB)).isZero();
		assertThat(syscalls.close(second)).isZero();
	}

	@ParameterizedTest
	@MethodSource("implementations")
	void writeTruncateAndReadChangeTheFileAsTheJdkSeesIt(Syscalls syscalls) throws Exception {
		Path file = Files.writeString(this.dir.resolve("a.pid"), "a much longer old content\n");
		int fd = syscalls.open(bytes(file), O_RDWR, 0);
		byte[] content = "4711\n".getBytes(StandardCharsets.UTF_8);
		assertThat(syscalls.ftruncate(fd, 0)).isZero();
		assertThat(syscalls.pwrite(fd, content, content.length, 0)).isEqualTo(content.length);
		assertThat(Files.readString(file)).isEqualTo("4711\n");
		byte[] buffer = new byte[64];
		assertThat(syscalls.pread(fd, buffer, 2, 1)).isEqualTo(2);
		assertThat(new String(buffer, 0, 2, StandardCharsets.UTF_8)).isEqualTo("71");
		assertThat(syscalls.pread(fd, buffer, buffer.length, 100)).isZero();
		assertThat(syscalls.close(fd)).isZero();
		assertThat(syscalls.pwrite(fd, content, content.length, 0)).isEqualTo(-Errno.EBADF.intValue());
	}

	@ParameterizedTest
	@MethodSource("implementations")
	void killTellsALiveProcessFromAGoneOne(Syscalls syscalls) throws Exception {
		assertThat(syscalls.kill((int) ProcessHandle.current().pid(), 0)).isZero();
		Process child = new ProcessBuilder("true").start();
		assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(syscalls.kill((int) child.pid(), 0)).isEqualTo(-Errno.ESRCH.intValue());
	}

	@ParameterizedTest
	@MethodSource("implementations")
	void effectiveUidOwnsTheFilesThisProcessCreatesAndUsersAreFoundByName(Syscalls syscalls) throws Exception {
		Path file = Files.createFile(this.dir.resolve("mine"));
		assertThat(syscalls.geteuid()).isEqualTo(Files.getAttribute(file, "unix:uid"));
		assertThat(syscalls.userId(bytes("root"))).isZero();
		assertThat(syscalls.userId(bytes("no-such-user-here"))).isEqualTo(-Errno.ENOENT.intValue());
	}

	@ParameterizedTest
	@MethodSource("implementations")
	void eachThreadGetsTheErrnoOfItsOwnCalls(Syscalls syscalls) throws Exception {
		Path fifo = Fifos.create(this.dir.resolve("a.fifo"));
		byte[] missing = bytes(this.dir.resolve("missing"));
		byte[] noReader = bytes(fifo);
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			List<Callable<Void>> work = new ArrayList<>();
			for (int thread = 0; thread < 8; thread++) {
				work.add(() -> {
					for (int i = 0; i < 2_000; i++) {
						assertThat(syscalls.open(missing, O_RDONLY_NONBLOCK, 0)).isEqualTo(-Errno.ENOENT.intValue());
						assertThat(syscalls.open(noReader, O_WRONLY_NONBLOCK, 0)).isEqualTo(-Errno.ENXIO.intValue());
						assertThat(syscalls.close(-1)).isEqualTo(-Errno.EBADF.intValue());
					}
					return null;
				});
			}
			for (Future<Void> result : threads.invokeAll(work)) {
				result.get();
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	private static byte[] bytes(Path path) {
		return bytes(path.toString());
	}

	private static byte[] bytes(String text) {
		byte[] encoded = text.getBytes(StandardCharsets.UTF_8);
		return Arrays.copyOf(encoded, encoded.length + 1);
	}

}
