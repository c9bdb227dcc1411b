package io.github.fifoliveness.posix;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Linux values written out in {@link PosixConstants}, checked against jnr-constants'
 * own table for each architecture, and the current platform's against the table
 * jnr-constants picks here.
 */
class PosixConstantsTests {

	@Test
	void x86_64ValuesAreJnrConstantsLinuxTable() {
		PosixConstants expected = new PosixConstants(flag(jnr.constants.platform.linux.OpenFlags.O_RDONLY),
				flag(jnr.constants.platform.linux.OpenFlags.O_WRONLY),
				flag(jnr.constants.platform.linux.OpenFlags.O_RDWR),
				flag(jnr.constants.platform.linux.OpenFlags.O_CREAT),
				flag(jnr.constants.platform.linux.OpenFlags.O_EXCL),
				flag(jnr.constants.platform.linux.OpenFlags.O_NOCTTY),
				flag(jnr.constants.platform.linux.OpenFlags.O_NONBLOCK),
				flag(jnr.constants.platform.linux.OpenFlags.O_NOFOLLOW),
				flag(jnr.constants.platform.linux.OpenFlags.O_CLOEXEC), linuxErrno("EPERM"), linuxErrno("ENOENT"),
				linuxErrno("ESRCH"), linuxErrno("EINTR"), linuxErrno("EIO"), linuxErrno("ENXIO"), linuxErrno("EACCES"),
				linuxErrno("EEXIST"), linuxErrno("EISDIR"), linuxErrno("ERANGE"), linuxErrno("ENAMETOOLONG"),
				linuxErrno("EWOULDBLOCK"), linuxErrno("EINVAL"), linuxErrno("EMFILE"));
		assertThat(PosixConstants.LINUX_X86_64).isEqualTo(expected);
	}

	@Test
	void aarch64ValuesAreJnrConstantsLinuxAarch64Table() {
		PosixConstants expected = new PosixConstants(flag(jnr.constants.platform.linux.aarch64.OpenFlags.O_RDONLY),
				flag(jnr.constants.platform.linux.aarch64.OpenFlags.O_WRONLY),
				flag(jnr.constants.platform.linux.aarch64.OpenFlags.O_RDWR),
				flag(jnr.constants.platform.linux.aarch64.OpenFlags.O_CREAT),
				flag(jnr.constants.platform.linux.aarch64.OpenFlags.O_EXCL),
				flag(jnr.constants.platform.linux.aarch64.OpenFlags.O_NOCTTY),
				flag(jnr.constants.platform.linux.aarch64.OpenFlags.O_NONBLOCK),
				flag(jnr.constants.platform.linux.aarch64.OpenFlags.O_NOFOLLOW),
				flag(jnr.constants.platform.linux.aarch64.OpenFlags.O_CLOEXEC), aarch64Errno("EPERM"),
				aarch64Errno("ENOENT"), aarch64Errno("ESRCH"), aarch64Errno("EINTR"), aarch64Errno("EIO"),
				aarch64Errno("ENXIO"), aarch64Errno("EACCES"), aarch64Errno("EEXIST"), aarch64Errno("EISDIR"),
				aarch64Errno("ERANGE"), aarch64Errno("ENAMETOOLONG"), aarch64Errno("EWOULDBLOCK"),
				aarch64Errno("EINVAL"), aarch64Errno("EMFILE"));
		assertThat(PosixConstants.LINUX_AARCH64).isEqualTo(expected);
		assertThat(PosixConstants.LINUX_AARCH64.oNofollow()).isNotEqualTo(PosixConstants.LINUX_X86_64.oNofollow());
	}

	@Test
	@EnabledOnOs(value = OS.LINUX, architectures = { "amd64", "aarch64" })
	void thisPlatformUsesTheValuesJnrConstantsPicksForIt() {
		assertThat(PosixConstants.current()).isEqualTo(PosixConstants.fromJnrConstants());
	}

	@Test
	void errorNamesAndDescriptionsComeFromTheErrnoValue() {
		int enxio = PosixConstants.current().enxio();
		assertThat(PosixConstants.errorName(enxio)).isEqualTo("ENXIO");
		assertThat(PosixConstants.errorDescription(enxio)).isEqualTo("No such device or address");
	}

	@Test
	void linuxErrnoNamesAndTextsAreJnrConstantsLinuxTables() {
		for (Enum<?>[] table : List.of(jnr.constants.platform.linux.Errno.values(),
				jnr.constants.platform.linux.aarch64.Errno.values())) {
			Map<Integer, List<String>> names = new HashMap<>();
			Map<Integer, String> texts = new HashMap<>();
			for (Enum<?> errno : table) {
				int value = ((jnr.constants.Constant) errno).intValue();
				names.computeIfAbsent(value, (key) -> new ArrayList<>()).add(errno.name());
				texts.put(value, errno.toString());
			}
			assertThat(names.keySet()).allMatch((value) -> value > 0 && value <= LinuxErrno.highest());
			for (int value = 1; value <= LinuxErrno.highest(); value++) {
				if (names.containsKey(value)) {
					assertThat(names.get(value)).as("errno %d", value).contains(LinuxErrno.name(value));
					assertThat(LinuxErrno.description(value)).as("errno %d", value).isEqualTo(texts.get(value));
				}
				else {
					assertThat(LinuxErrno.name(value)).isEqualTo("UNKNOWN_ERRNO_" + value);
				}
			}
		}
		assertThat(LinuxErrno.name(LinuxErrno.highest() + 1)).isEqualTo("UNKNOWN_ERRNO_134");
		assertThat(LinuxErrno.description(0)).isEqualTo("Unknown error 0");
	}

	@Test
	@EnabledOnOs(value = OS.LINUX, architectures = { "amd64", "aarch64" })
	void thisPlatformNamesEveryErrnoAsJnrConstantsDoes() {
		for (int value = 1; value <= LinuxErrno.highest(); value++) {
			jnr.constants.platform.Errno errno = jnr.constants.platform.Errno.valueOf(value);
			if (errno.defined()) {
				assertThat(PosixConstants.errorName(value)).isEqualTo(errno.name());
				assertThat(PosixConstants.errorDescription(value)).isEqualTo(errno.toString());
			}
		}
	}

	private static int flag(Enum<?> flag) {
		return ((jnr.constants.Constant) flag).intValue();
	}

	private static int linuxErrno(String name) {
		return value(jnr.constants.platform.linux.Errno::valueOf, name, jnr.constants.platform.linux.Errno::intValue);
	}

	private static int aarch64Errno(String name) {
		return value(jnr.constants.platform.linux.aarch64.Errno::valueOf, name,
				jnr.constants.platform.linux.aarch64.Errno::intValue);
	}

	private static <E> int value(java.util.function.Function<String, E> lookup, String name, ToIntFunction<E> value) {
		return value.applyAsInt(lookup.apply(name));
	}

}
