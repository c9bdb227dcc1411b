package io.github.fifoliveness.posix;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * The mount table ({@code /proc/self/mountinfo}) in an epoll set, or why it is not there.
 * The kernel raises {@code EPOLLPRI|EPOLLERR} on it once per change of the table: its
 * poll marks the change seen, so nothing needs reading ({@code EPOLLIN} is always set:
 * never register it). Edge-triggered too, so that no kernel reports one change in a loop.
 */
record MountTableWatch(int fd, @Nullable String unfollowed) {

	private static final Path PATH = Path.of("/proc/self/mountinfo");

	static MountTableWatch follow(EventSyscalls calls, NativePosix posix, int epoll, byte[] event) {
		int fd = posix.checkedOpens().openReadOnly(NativePath.of(PATH));
		int result = (fd < 0) ? fd : calls.epollCtl(epoll, EventSyscalls.EPOLL_CTL_ADD, fd, event);
		if (result >= 0) {
			return new MountTableWatch(fd, null);
		}
		if (fd >= 0) {
			calls.close(fd);
		}
		return new MountTableWatch(-1, PosixException.of((fd < 0) ? "open" : "epoll_ctl", PATH, -result).getMessage());
	}

	void close(EventSyscalls calls) {
		if (this.fd >= 0) {
			calls.close(this.fd);
		}
	}

}
