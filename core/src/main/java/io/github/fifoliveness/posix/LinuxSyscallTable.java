package io.github.fifoliveness.posix;

import java.util.Locale;
import java.util.Optional;

/**
 * What the foreign-function implementation needs to know about one Linux architecture
 * beyond the open flags and errno values ({@link PosixConstants}): the numbers of every
 * system call it makes, the file calls and {@link KernelEvents}' alike, where
 * {@code struct stat} keeps the fields it reads, and the layout of
 * {@code struct epoll_event}. The notify socket's calls ({@code socket}, {@code sendto},
 * and {@code bind} for a receiver) are here too: on both architectures each has a number
 * of its own ({@code socketcall} is 32-bit x86's). The one table: a new system call adds
 * its number here. Calls go through libc's {@code syscall(3)}, so the layout is the
 * kernel's, the same under glibc of any age and under musl.
 * <p>
 * Taken from the kernel's headers ({@code arch/x86/entry/syscalls/syscall_64.tbl},
 * {@code arch/x86/include/uapi/asm/stat.h}; {@code include/uapi/asm-generic/unistd.h} and
 * {@code include/uapi/asm-generic/stat.h}, which arm64 uses). An architecture that is not
 * here runs on jnr-posix instead of guessing. arm64 has no {@code epoll_wait}, so both
 * use {@code epoll_pwait} without a signal mask, and no {@code getrlimit} that differs
 * from {@code prlimit64}, so both use that; {@code pidfd_open} is 434 on every
 * architecture.
 *
 * @param architecture the architecture's name
 * @param openat {@code __NR_openat}
 * @param close {@code __NR_close}
 * @param fstat {@code __NR_fstat}
 * @param newfstatat {@code __NR_newfstatat} ({@code __NR_fstatat} on arm64)
 * @param mknodat {@code __NR_mknodat}
 * @param flock {@code __NR_flock}
 * @param kill {@code __NR_kill}
 * @param pread64 {@code __NR_pread64}
 * @param pwrite64 {@code __NR_pwrite64}
 * @param ftruncate {@code __NR_ftruncate}
 * @param fchmod {@code __NR_fchmod}
 * @param geteuid {@code __NR_geteuid}
 * @param read {@code __NR_read}
 * @param write {@code __NR_write}
 * @param epollCreate1 {@code __NR_epoll_create1}
 * @param epollCtl {@code __NR_epoll_ctl}
 * @param epollPwait {@code __NR_epoll_pwait}
 * @param inotifyInit1 {@code __NR_inotify_init1}
 * @param inotifyAddWatch {@code __NR_inotify_add_watch}
 * @param inotifyRmWatch {@code __NR_inotify_rm_watch}
 * @param eventfd2 {@code __NR_eventfd2}
 * @param prlimit64 {@code __NR_prlimit64}
 * @param pidfdOpen {@code __NR_pidfd_open}
 * @param socket {@code __NR_socket}
 * @param bind {@code __NR_bind}
 * @param sendto {@code __NR_sendto}
 * @param statSize {@code sizeof(struct stat)}
 * @param statModeOffset {@code offsetof(struct stat, st_mode)} (an {@code unsigned int})
 * @param statUidOffset {@code offsetof(struct stat, st_uid)} (an {@code unsigned int})
 * @param statModifiedOffset {@code offsetof(struct stat, st_mtime)} (a {@code long})
 * @param epollEvent the layout of {@code struct epoll_event}
 */
record LinuxSyscallTable(String architecture, int openat, int close, int fstat, int newfstatat, int mknodat, int flock,
		int kill, int pread64, int pwrite64, int ftruncate, int fchmod, int geteuid, int read, int write,
		int epollCreate1, int epollCtl, int epollPwait, int inotifyInit1, int inotifyAddWatch, int inotifyRmWatch,
		int eventfd2, int prlimit64, int pidfdOpen, int socket, int bind, int sendto, int statSize, int statModeOffset,
		int statUidOffset, int statModifiedOffset, EpollEventLayout epollEvent) {

	/**
	 * {@code offsetof(struct stat, st_dev)} on every architecture here (an
	 * {@code unsigned long}).
	 */
	/** {@code __NR_pidfd_open}: the same on every architecture (the generic table). */
	static final int PIDFD_OPEN = 434;

	static final int STAT_DEVICE_OFFSET = 0;

	/**
	 * {@code offsetof(struct stat, st_ino)} on every architecture here (an
	 * {@code unsigned long}).
	 */
	static final int STAT_INODE_OFFSET = 8;

	/** {@code AT_FDCWD}: paths relative to the working directory. */
	static final int AT_FDCWD = -100;

	/** {@code AT_SYMLINK_NOFOLLOW}. */
	static final int AT_SYMLINK_NOFOLLOW = 0x100;

	/** {@code S_IFIFO}, for {@code mknodat}. */
	static final int S_IFIFO = 0010000;

	/**
	 * {@code offsetof(struct passwd, pw_uid)}: after two pointers, in glibc and musl
	 * alike on every 64-bit architecture here.
	 */
	static final int PASSWD_UID_OFFSET = 16;

	/**
	 * {@code sizeof(struct passwd)} in glibc and musl on every 64-bit architecture here.
	 */
	static final int PASSWD_SIZE = 48;

	static final LinuxSyscallTable X86_64 = new LinuxSyscallTable("x86_64", 257, 3, 5, 262, 259, 73, 62, 17, 18, 77, 91,
			107, 0, 1, 291, 233, 281, 294, 254, 255, 290, 302, PIDFD_OPEN, 41, 49, 44, 144, 24, 28, 88,
			EpollEventLayout.PACKED);

	static final LinuxSyscallTable AARCH64 = new LinuxSyscallTable("aarch64", 56, 57, 80, 79, 33, 32, 129, 67, 68, 46,
			52, 175, 63, 64, 20, 21, 22, 26, 27, 28, 19, 261, PIDFD_OPEN, 198, 200, 206, 128, 16, 24, 88,
			EpollEventLayout.ALIGNED);

	/**
	 * Return the table of the platform this JVM runs on.
	 * @return the table, or empty where it is not known
	 */
	static Optional<LinuxSyscallTable> current() {
		return forPlatform(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
	}

	static Optional<LinuxSyscallTable> forPlatform(String osName, String osArch) {
		if (!osName.toLowerCase(Locale.ROOT).equals("linux")) {
			return Optional.empty();
		}
		return switch (osArch.toLowerCase(Locale.ROOT)) {
			case "amd64", "x86_64" -> Optional.of(X86_64);
			case "aarch64", "arm64" -> Optional.of(AARCH64);
			default -> Optional.empty();
		};
	}

}
