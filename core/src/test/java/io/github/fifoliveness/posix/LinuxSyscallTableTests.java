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
 * The system-call table checked against the kernel's own headers, compiled with the C
 * compiler: this machine's architecture through {@code <asm/unistd.h>} and
 * {@code <asm/stat.h>}, and arm64 through the generic headers it uses, which describe
 * every 64-bit architecture without its own. Skipped where no compiler or kernel headers
 * are installed ({@code .ci/run} installs them).
 */
class LinuxSyscallTableTests {

	private static final String CALLS = """
			printf("%d %d %d %d %d %d %d %d %d %d %d %d %zu %zu %zu %zu %zu %zu %zu %zu\\n",
				__NR_openat, __NR_close, __NR_fstat, __NR_newfstatat, __NR_mknodat, __NR_flock, __NR_kill,
				__NR_pread64, __NR_pwrite64, __NR_ftruncate, __NR_fchmod, __NR_geteuid, sizeof(struct stat),
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
					table.kill(), table.pread64(), table.pwrite64(), table.ftruncate(), table.fchmod(), table.geteuid(),
					table.statSize(), table.statModeOffset(), table.statUidOffset(), table.statModifiedOffset(),
					LinuxSyscallTable.STAT_DEVICE_OFFSET, LinuxSyscallTable.STAT_INODE_OFFSET,
					LinuxSyscallTable.PASSWD_UID_OFFSET, LinuxSyscallTable.PASSWD_SIZE)
			.stream()
			.map(String::valueOf)
			.toList());
	}

	private String compileAndRun(String definitions, String unistd, String stat)
			throws IOException, InterruptedException {
		assumeTrue(run(this.dir, "gcc", "--version") == 0, "a C compiler (gcc), with the kernel headers it brings");
		Path source = Files.writeString(this.dir.resolve("table.c"), """
				%s
				#include <stddef.h>
				#include <stdio.h>
				#include <pwd.h>
				#include <%s>
				#include <%s>
				int main(void) {
				%s	return 0;
				}
				""".formatted(definitions, unistd, stat, CALLS));
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
