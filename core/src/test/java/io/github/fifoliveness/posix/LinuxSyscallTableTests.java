package io.github.fifoliveness.posix;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The system-call table, and this architecture's flags, errno values and structure sizes,
 * checked against the kernel's own headers, compiled with the C compiler: this machine's
 * architecture through {@code <asm/unistd.h>} and {@code <asm/stat.h>}, and arm64 through
 * the generic headers it uses, which describe every 64-bit architecture without its own.
 * Skipped where no compiler or kernel headers are installed ({@code .ci/run} installs
 * them).
 */
class LinuxSyscallTableTests {

	private static final String CALLS = """
			printf("%d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d "
				"%zu %zu %zu %zu %zu %zu %zu %zu\\n",
				__NR_openat, __NR_close, __NR_fstat, __NR_newfstatat, __NR_mknodat, __NR_flock, __NR_kill,
				__NR_pread64, __NR_pwrite64, __NR_ftruncate, __NR_geteuid, __NR_read, __NR_write,
				__NR_epoll_create1, __NR_epoll_ctl, __NR_epoll_pwait, __NR_inotify_init1, __NR_inotify_add_watch,
				__NR_inotify_rm_watch, __NR_eventfd2, __NR_prlimit64, __NR_pidfd_open, __NR_socket, __NR_bind,
				__NR_sendto, sizeof(struct stat),
				offsetof(struct stat, st_mode), offsetof(struct stat, st_uid), offsetof(struct stat, st_mtime),
				offsetof(struct stat, st_dev), offsetof(struct stat, st_ino),
				offsetof(struct passwd, pw_uid), sizeof(struct passwd));
			""";

	@TempDir
	Path dir;

	@Test
	void thisArchitecturesTableMatchesItsKernelHeaders() throws Exception {
		LinuxSyscallTable table = LinuxSyscallTable.current().orElse(null);
		assumeTrue(table != null, "no table for this platform");
		assertThat(compileAndRun("", "asm/unistd.h", "asm/stat.h")).isEqualTo(expected(table));
	}

	@Test
	void arm64TableMatchesTheGenericKernelHeadersArm64Uses() throws Exception {
		assumeTrue(System.getProperty("os.arch").equals("amd64") || System.getProperty("os.arch").equals("aarch64"),
				"a 64-bit host, where the generic headers describe 64-bit longs");
		// arm64's own <asm/unistd.h> asks for the stat calls this way before including
		// the generic one.
		assertThat(compileAndRun("#define __ARCH_WANT_NEW_STAT", "asm-generic/unistd.h", "asm-generic/stat.h"))
			.isEqualTo(expected(LinuxSyscallTable.AARCH64));
	}

	@Test
	void thisArchitecturesNativeValuesMatchItsHeaders() throws Exception {
		assumeTrue(LinuxSyscallTable.current().isPresent(), "no table for this platform");
		String names = """
				O_RDONLY O_WRONLY O_RDWR O_CREAT O_EXCL O_NOCTTY O_NONBLOCK O_NOFOLLOW O_CLOEXEC EPERM ENOENT ESRCH
				EINTR EIO ENXIO EACCES EEXIST EISDIR ERANGE ENAMETOOLONG EWOULDBLOCK EINVAL EMFILE LOCK_EX LOCK_NB
				EPOLLIN EPOLLPRI EPOLLET EPOLLONESHOT EPOLL_CTL_ADD EPOLL_CLOEXEC IN_CLOEXEC IN_NONBLOCK EFD_CLOEXEC
				EFD_NONBLOCK RLIMIT_NOFILE IN_MODIFY IN_ATTRIB IN_CLOSE_WRITE IN_OPEN IN_MOVED_FROM IN_MOVED_TO
				IN_CREATE IN_DELETE IN_DELETE_SELF IN_MOVE_SELF IN_UNMOUNT IN_Q_OVERFLOW IN_IGNORED IN_ONLYDIR
				IN_EXCL_UNLINK AF_UNIX SOCK_DGRAM SOCK_CLOEXEC SOCK_NONBLOCK MSG_NOSIGNAL""";
		StringBuilder body = new StringBuilder();
		for (String name : names.split("\\s+")) {
			// As a Java int: EPOLLET is 1u << 31 in C.
			body.append("\tprintf(\"%d \", (int) ").append(name).append(");\n");
		}
		body.append("\tprintf(\"%zu %zu %ld %zu %zu\\n\", sizeof(struct epoll_event), sizeof(struct inotify_event),")
			.append(" (long) RLIM_INFINITY, offsetof(struct sockaddr_un, sun_path),")
			.append(" sizeof(((struct sockaddr_un *) 0)->sun_path));\n");
		String prelude = """
				#include <errno.h>
				#include <fcntl.h>
				#include <stdio.h>
				#include <sys/epoll.h>
				#include <sys/eventfd.h>
				#include <sys/file.h>
				#include <sys/inotify.h>
				#include <sys/resource.h>
				#include <sys/socket.h>
				#include <sys/un.h>
				#include <stddef.h>
				""";
		PosixConstants posix = PosixConstants.current();
		List<Object> expected = List.of(posix.oRdonly(), posix.oWronly(), posix.oRdwr(), posix.oCreat(), posix.oExcl(),
				posix.oNoctty(), posix.oNonblock(), posix.oNofollow(), posix.oCloexec(), posix.eperm(), posix.enoent(),
				posix.esrch(), posix.eintr(), posix.eio(), posix.enxio(), posix.eacces(), posix.eexist(),
				posix.eisdir(), posix.erange(), posix.enametoolong(), posix.ewouldblock(), posix.einval(),
				posix.emfile(), NativePosix.LOCK_EX, NativePosix.LOCK_NB, KernelEvents.EPOLLIN, KernelEvents.EPOLLPRI,
				KernelEvents.EPOLLET, KernelEvents.EPOLLONESHOT, TableSyscalls.EPOLL_CTL_ADD, TableSyscalls.CLOEXEC,
				TableSyscalls.CLOEXEC, TableSyscalls.NONBLOCK, TableSyscalls.CLOEXEC, TableSyscalls.NONBLOCK,
				TableSyscalls.RLIMIT_NOFILE, InotifyRecords.IN_MODIFY, InotifyRecords.IN_ATTRIB,
				InotifyRecords.IN_CLOSE_WRITE, InotifyRecords.IN_OPEN, InotifyRecords.IN_MOVED_FROM,
				InotifyRecords.IN_MOVED_TO, InotifyRecords.IN_CREATE, InotifyRecords.IN_DELETE,
				InotifyRecords.IN_DELETE_SELF, InotifyRecords.IN_MOVE_SELF, InotifyRecords.IN_UNMOUNT,
				InotifyRecords.IN_Q_OVERFLOW, InotifyRecords.IN_IGNORED, InotifyRecords.IN_ONLYDIR,
				InotifyRecords.IN_EXCL_UNLINK, Syscalls.AF_UNIX, Syscalls.SOCK_DGRAM, Syscalls.CLOEXEC,
				Syscalls.NONBLOCK, Syscalls.MSG_NOSIGNAL, LinuxSyscallTable.current().orElseThrow().epollEvent().size(),
				InotifyRecords.HEADER, TableSyscalls.RLIM_INFINITY, Syscalls.SUN_PATH_OFFSET, Syscalls.SUN_PATH_SIZE);
		assertThat(compileAndRun(prelude, body.toString()))
			.isEqualTo(String.join(" ", expected.stream().map(String::valueOf).toList()));
	}

	@Test
	void errnoNamesAndTextsMatchTheHeadersAndGlibc() throws Exception {
		assumeTrue(LinuxSyscallTable.current().isPresent(), "no table for this platform");
		StringBuilder body = new StringBuilder();
		StringBuilder expected = new StringBuilder();
		for (int value = 1; value <= LinuxErrno.highest(); value++) {
			String name = LinuxErrno.name(value);
			if (!name.startsWith("UNKNOWN_")) {
				body.append("\tprintf(\"%d %s\\n\", ").append(name).append(", strerror(").append(name).append("));\n");
				expected.append(value).append(' ').append(LinuxErrno.description(value)).append('\n');
			}
		}
		assertThat(compileAndRun("#include <errno.h>\n#include <stdio.h>\n#include <string.h>\n", body.toString()))
			.isEqualTo(expected.toString().strip());
	}

	@Test
	void onlyVerifiedLinuxArchitecturesHaveATable() {
		assertThat(LinuxSyscallTable.forPlatform("Linux", "amd64")).contains(LinuxSyscallTable.X86_64);
		assertThat(LinuxSyscallTable.forPlatform("Linux", "aarch64")).contains(LinuxSyscallTable.AARCH64);
		assertThat(LinuxSyscallTable.forPlatform("Linux", "riscv64")).isEmpty();
		assertThat(LinuxSyscallTable.forPlatform("Linux", "ppc64le")).isEmpty();
		assertThat(LinuxSyscallTable.forPlatform("Mac OS X", "aarch64")).isEmpty();
		assertThat(LinuxSyscallTable.forPlatform("FreeBSD", "amd64")).isEmpty();
	}

	private static String expected(LinuxSyscallTable table) {
		return String.join(" ", List
			.of(table.openat(), table.close(), table.fstat(), table.newfstatat(), table.mknodat(), table.flock(),
					table.kill(), table.pread64(), table.pwrite64(), table.ftruncate(), table.geteuid(), table.read(),
					table.write(), table.epollCreate1(), table.epollCtl(), table.epollPwait(), table.inotifyInit1(),
					table.inotifyAddWatch(), table.inotifyRmWatch(), table.eventfd2(), table.prlimit64(),
					table.pidfdOpen(), table.socket(), table.bind(), table.sendto(), table.statSize(),
					table.statModeOffset(), table.statUidOffset(), table.statModifiedOffset(),
					LinuxSyscallTable.STAT_DEVICE_OFFSET, LinuxSyscallTable.STAT_INODE_OFFSET,
					LinuxSyscallTable.PASSWD_UID_OFFSET, LinuxSyscallTable.PASSWD_SIZE)
			.stream()
			.map(String::valueOf)
			.toList());
	}

	private String compileAndRun(String definitions, String unistd, String stat)
			throws IOException, InterruptedException {
		return compileAndRun("""
				%s
				#include <stddef.h>
				#include <stdio.h>
				#include <pwd.h>
				#include <%s>
				#include <%s>
				""".formatted(definitions, unistd, stat), CALLS);
	}

	private String compileAndRun(String prelude, String body) throws IOException, InterruptedException {
		assumeTrue(run(this.dir, "gcc", "--version") == 0, "a C compiler (gcc), with the kernel headers it brings");
		Path source = Files.writeString(this.dir.resolve("table.c"), """
				%s
				int main(void) {
				%s	return 0;
				}
				""".formatted(prelude, body));
		Path program = this.dir.resolve("table");
		assertThat(run(this.dir, "gcc", "-o", program.toString(), source.toString())).as(() -> readLog(this.dir))
			.isZero();
		Path output = this.dir.resolve("table.out");
		Process process = new ProcessBuilder(program.toString()).redirectOutput(output.toFile()).start();
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		return Files.readString(output, StandardCharsets.UTF_8).strip();
	}

	private static String readLog(Path dir) {
		try {
			return Files.readString(dir.resolve("command.log"));
		}
		catch (IOException ex) {
			return ex.toString();
		}
	}

	private static int run(Path dir, String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).directory(dir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve("command.log").toFile())
			.start();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			return -1;
		}
		return process.exitValue();
	}

}
