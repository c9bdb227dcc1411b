package io.github.fifoliveness.posix;

import java.util.Locale;
import java.util.Optional;

/**
 * The numbers of every system call fifo-liveness makes on one Linux architecture (a
 * call's component is named after its {@code __NR_} constant; a new call adds its number
 * here), where {@code struct stat} keeps the fields it reads, and the layout of
 * {@code struct epoll_event}. Calls go through libc's {@code syscall(3)}, so the layout
 * is the kernel's, the same under glibc of any age and under musl.
 * <p>
 * Taken from the kernel's headers ({@code arch/x86/entry/syscalls/syscall_64.tbl},
 * {@code arch/x86/include/uapi/asm/stat.h}; {@code include/uapi/asm-generic/unistd.h} and
 * {@code include/uapi/asm-generic/stat.h}, which arm64 uses); an architecture that is not
 * here runs on jnr-posix instead of guessing. arm64 has no {@code epoll_wait}, nor a
 * {@code getrlimit} that differs from {@code prlimit64}, so both use {@code epoll_pwait}
 * without a signal mask and {@code prlimit64}. {@code socket}, {@code bind} and
 * {@code sendto} have numbers of their own on both ({@code socketcall} is 32-bit x86's).
 * {@code newfstatat} is {@code __NR_fstatat} on arm64.
 */
record LinuxSyscallTable(String architecture, int openat, int close, int fstat, int newfstatat, int mknodat, int flock,
		int kill, int pread64, int pwrite64, int ftruncate, int geteuid, int read, int write, int epollCreate1,
		int epollCtl, int epollPwait, int inotifyInit1, int inotifyAddWatch, int inotifyRmWatch, int eventfd2,
		int prlimit64, int pidfdOpen, int socket, int bind, int sendto, int statSize, int statModeOffset,
		int statUidOffset, int statModifiedOffset, EpollEventLayout epollEvent) {

	/** {@code __NR_pidfd_open}: the same on every architecture (the generic table). */
	static final int PIDFD_OPEN = 434;

	// offsetof(struct stat, st_dev) and st_ino: the same on every architecture here.
	static final int STAT_DEVICE_OFFSET = 0;

	static final int STAT_INODE_OFFSET = 8;

	static final int AT_FDCWD = -100;

	static final int AT_SYMLINK_NOFOLLOW = 0x100;

	static final int S_IFIFO = 0010000;

	// struct passwd in glibc and musl alike on every 64-bit architecture here: pw_uid
	// after two pointers, 48 bytes in all.
	static final int PASSWD_UID_OFFSET = 16;

	static final int PASSWD_SIZE = 48;

	static final LinuxSyscallTable X86_64 = new LinuxSyscallTable("x86_64", 257, 3, 5, 262, 259, 73, 62, 17, 18, 77,
			107, 0, 1, 291, 233, 281, 294, 254, 255, 290, 302, PIDFD_OPEN, 41, 49, 44, 144, 24, 28, 88,
			EpollEventLayout.PACKED);

	static final LinuxSyscallTable AARCH64 = new LinuxSyscallTable("aarch64", 56, 57, 80, 79, 33, 32, 129, 67, 68, 46,
			175, 63, 64, 20, 21, 22, 26, 27, 28, 19, 261, PIDFD_OPEN, 198, 200, 206, 128, 16, 24, 88,
			EpollEventLayout.ALIGNED);

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
