package io.github.fifoliveness.posix;

import java.util.Optional;

/**
 * What {@link KernelEvents} needs to know about one Linux architecture: the numbers of
 * the system calls the foreign-function implementation makes through {@code syscall(3)}
 * and the layout of {@code struct epoll_event}. Taken from the kernel's headers
 * ({@code asm/unistd_64.h} for x86_64, {@code asm-generic/unistd.h} for arm64). arm64 has
 * no {@code epoll_wait}, so both use {@code epoll_pwait} without a signal mask, and no
 * {@code getrlimit} that differs from {@code prlimit64}, so both use that.
 * {@code pidfd_open} is 434 on every architecture.
 *
 * @param architecture the architecture's name
 * @param read {@code __NR_read}
 * @param write {@code __NR_write}
 * @param close {@code __NR_close}
 * @param epollCreate1 {@code __NR_epoll_create1}
 * @param epollCtl {@code __NR_epoll_ctl}
 * @param epollPwait {@code __NR_epoll_pwait}
 * @param inotifyInit1 {@code __NR_inotify_init1}
 * @param inotifyAddWatch {@code __NR_inotify_add_watch}
 * @param inotifyRmWatch {@code __NR_inotify_rm_watch}
 * @param eventfd2 {@code __NR_eventfd2}
 * @param prlimit64 {@code __NR_prlimit64}
 * @param epollEvent the layout of {@code struct epoll_event}
 */
record LinuxEventSyscallTable(String architecture, int read, int write, int close, int epollCreate1, int epollCtl,
		int epollPwait, int inotifyInit1, int inotifyAddWatch, int inotifyRmWatch, int eventfd2, int prlimit64,
		EpollEventLayout epollEvent) {

	static final LinuxEventSyscallTable X86_64 = new LinuxEventSyscallTable("x86_64", 0, 1, 3, 291, 233, 281, 294, 254,
			255, 290, 302, EpollEventLayout.PACKED);

	static final LinuxEventSyscallTable AARCH64 = new LinuxEventSyscallTable("aarch64", 63, 64, 57, 20, 21, 22, 26, 27,
			28, 19, 261, EpollEventLayout.ALIGNED);

	/**
	 * Return the table of the platform this JVM runs on.
	 * @return the table, or empty where epoll and inotify are not used
	 */
	static Optional<LinuxEventSyscallTable> current() {
		return forPlatform(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
	}

	// The same platforms as the rest of the native layer's foreign-function side.
	static Optional<LinuxEventSyscallTable> forPlatform(String osName, String osArch) {
		return LinuxSyscallTable.forPlatform(osName, osArch)
			.map((files) -> (files == LinuxSyscallTable.X86_64) ? X86_64 : AARCH64);
	}

}
