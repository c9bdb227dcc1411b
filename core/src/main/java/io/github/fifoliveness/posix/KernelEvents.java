package io.github.fifoliveness.posix;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;

import org.jspecify.annotations.Nullable;

/**
 * One epoll set through which a single thread learns, without polling, when peers may
 * have changed: held FIFO write ends lose their last reader, processes exit, watched
 * folders or the mount table change. Linux only; not thread-safe, except {@link #wake()}.
 * <p>
 * Held ends and pidfds are registered {@code EPOLLONESHOT}, never {@code EPOLLOUT}: a
 * write end is always writable and its error level-triggered, so either would repeat.
 */
public final class KernelEvents implements AutoCloseable {

	static final int EPOLLIN = 0x1;

	static final int EPOLLPRI = 0x2;

	static final int EPOLLET = 1 << 31;

	static final int EPOLLONESHOT = 1 << 30;

	private static final long FOLDER_EVENTS = -1;

	private static final long WAKE_UP = -2;

	private static final long MOUNT_TABLE = -3;

	private static final int MAX_READY = 256;

	private final TableSyscalls calls;

	private final NativePosix posix;

	private final EpollEventLayout layout;

	private final int epoll;

	private final Inotify inotify;

	private final int wakeUp;

	private final byte[] ready;

	private final ByteBuffer readyView;

	private final Set<Integer> registered = new HashSet<>();

	// One for all holds: a method reference made per hold would allocate each time.
	private final IntConsumer release = this::release;

	private final Object wakeLock = new Object();

	// /proc/self/mountinfo: the kernel raises EPOLLPRI|EPOLLERR once per change of the
	// mount table, nothing to read (EPOLLIN is always set); edge-triggered, never in a
	// loop.
	private final int mountTable;

	private final @Nullable String mountsUnfollowed;

	private boolean closed;

	private KernelEvents(TableSyscalls calls, NativePosix posix, EpollEventLayout layout, int epoll, int inotify,
			int wakeUp) {
		this.calls = calls;
		this.posix = posix;
		this.layout = layout;
		this.epoll = epoll;
		this.inotify = new Inotify(calls, posix, inotify);
		this.wakeUp = wakeUp;
		this.ready = new byte[MAX_READY * layout.size()];
		this.readyView = ByteBuffer.wrap(this.ready).order(ByteOrder.nativeOrder());
		NativePath mountInfo = NativePath.of(Path.of("/proc/self/mountinfo"));
		int fd = posix.checkedOpens().open(mountInfo, PosixConstants.READ_ONLY_FLAGS, 0);
		int added = (fd < 0) ? fd : calls.epollCtl(epoll, TableSyscalls.EPOLL_CTL_ADD, fd,
				layout.encode(EPOLLPRI | EPOLLET, MOUNT_TABLE));
		if (added < 0 && fd >= 0) {
			calls.close(fd);
		}
		this.mountTable = (added < 0) ? -1 : fd;
		this.mountsUnfollowed = (added < 0)
				? PosixException.of((fd < 0) ? "open" : "epoll_ctl", mountInfo, -added).getMessage() : null;
	}

	/** Open an epoll set with its inotify instance and wake-up eventfd. */
	public static KernelEvents open(NativePosix posix) throws KernelEventsUnavailableException {
		if (!(posix.syscalls() instanceof TableSyscalls calls)) {
			throw new KernelEventsUnavailableException("epoll and inotify are used on Linux on x86_64 and aarch64 only,"
					+ " not on " + System.getProperty("os.name") + " " + System.getProperty("os.arch"), null);
		}
		return open(calls, posix, calls.epollEvent());
	}

	static KernelEvents open(TableSyscalls calls, NativePosix posix, EpollEventLayout layout)
			throws KernelEventsUnavailableException {
		int epoll = calls.epollCreate(TableSyscalls.CLOEXEC);
		int inotify = (epoll < 0) ? epoll : calls.inotifyInit(TableSyscalls.CLOEXEC | TableSyscalls.NONBLOCK);
		int wakeUp = (inotify < 0) ? inotify : calls.eventfd(0, TableSyscalls.CLOEXEC | TableSyscalls.NONBLOCK);
		int failed = (epoll < 0) ? epoll : (inotify < 0) ? inotify : (wakeUp < 0) ? wakeUp : 0;
		if (failed == 0) {
			failed = Math.min(
					calls.epollCtl(epoll, TableSyscalls.EPOLL_CTL_ADD, inotify, layout.encode(EPOLLIN, FOLDER_EVENTS)),
					0);
		}
		if (failed == 0) {
			failed = Math
				.min(calls.epollCtl(epoll, TableSyscalls.EPOLL_CTL_ADD, wakeUp, layout.encode(EPOLLIN, WAKE_UP)), 0);
		}
		if (failed < 0) {
			for (int fd : new int[] { epoll, inotify, wakeUp }) {
				if (fd >= 0) {
					calls.close(fd);
				}
			}
			boolean inotifyFailed = epoll >= 0 && inotify < 0;
			String call = (epoll < 0) ? "epoll_create1"
					: inotifyFailed ? "inotify_init1" : (wakeUp < 0) ? "eventfd" : "epoll_ctl";
			PosixException error = PosixException.of(call, "", -failed);
			// inotify_init1's EMFILE counts a user's instances, not descriptors.
			String hint = (failed != -PosixConstants.EMFILE) ? ""
					: inotifyFailed
							? "; inotify instances are limited per user by /proc/sys/fs/inotify/max_user_instances"
							: "; the limit on open files (RLIMIT_NOFILE) is reached";
			throw new KernelEventsUnavailableException(error.getMessage() + hint, error);
		}
		return new KernelEvents(calls, posix, layout, epoll, inotify, wakeUp);
	}

	/** Why mount changes go unreported, if they do (no {@code /proc}, for one). */
	public Optional<String> whyMountsUnfollowed() {
		return Optional.ofNullable(this.mountsUnfollowed);
	}

	/**
	 * Open a FIFO's write end as a probe does and hold it while a reader is present;
	 * {@link KernelEventHandler#ready(int)} reports {@code key} once the last one leaves.
	 * @param expectedOwner the uid that must own it, or {@link NativePosix#ANY_OWNER}
	 * @param key what {@link KernelEventHandler#ready(int)} reports, zero or more:
	 * negative keys are the set's own
	 * @throws PosixException if a reader is present but the end cannot join the set
	 */
	public WriteEndResult holdWriteEnd(NativePath path, int expectedOwner, int key) throws PosixException {
		WriteEndResult result = this.posix.checkedOpens().openWriteEnd(path, expectedOwner, this.release);
		if (result.held() != null) {
			// No EPOLLIN or EPOLLOUT: only EPOLLERR, which the kernel always reports.
			register(result.held().fd(), EPOLLONESHOT, key, path);
		}
		return result;
	}

	/**
	 * Watch a process through a pidfd: {@link KernelEventHandler#ready(int)} reports
	 * {@code key} (zero or more) once it exits, or at once if it has exited already.
	 * @param pid the process id, as this process's PID namespace sees it
	 * @return the pidfd, which closing stops the watch
	 * @throws PosixException {@code ESRCH} when the process has exited already,
	 * {@code ENOSYS} on a kernel older than 5.3
	 */
	public OpenFile watchProcess(int pid, int key) throws PosixException {
		int fd = this.calls.pidfdOpen(pid);
		if (fd < 0) {
			throw PosixException.of("pidfd_open", pid, -fd);
		}
		register(fd, EPOLLIN | EPOLLONESHOT, key, "pidfd of " + pid);
		return new OpenFile(this.posix, fd, null, this.release);
	}

	private void register(int fd, int events, int key, Object target) throws PosixException {
		int result = this.calls.epollCtl(this.epoll, TableSyscalls.EPOLL_CTL_ADD, fd, this.layout.encode(events, key));
		if (result < 0) {
			this.calls.close(fd);
			throw PosixException.of("epoll_ctl", target, -result);
		}
		this.registered.add(fd);
	}

	/** Return the folders this set watches: its inotify instance. */
	public Inotify folders() {
		return this.inotify;
	}

	/**
	 * Wait until something happens, {@code timeoutMillis} pass (zero: return at once;
	 * negative: no limit) or {@link #wake()} is called, and report it to the handler.
	 */
	public void await(long timeoutMillis, KernelEventHandler handler) throws PosixException {
		int timeout = (int) Math.min(timeoutMillis, Integer.MAX_VALUE);
		int count = this.calls.epollWait(this.epoll, this.ready, MAX_READY, timeout);
		if (count == -PosixConstants.EINTR) {
			return;
		}
		if (count < 0) {
			throw PosixException.of("epoll_wait", "epoll set", -count);
		}
		for (int i = 0; i < count; i++) {
			long data = this.layout.data(this.readyView, i);
			if (data == FOLDER_EVENTS) {
				this.inotify.read(handler);
			}
			else if (data == WAKE_UP) {
				this.calls.read(this.wakeUp, new byte[8]);
			}
			else if (data == MOUNT_TABLE) {
				handler.mountsChanged();
			}
			else {
				handler.ready((int) data);
			}
		}
	}

	/**
	 * Make a thread blocked in {@link #await(long, KernelEventHandler)} return now, or
	 * the next call return at once. Safe from any thread, and after {@link #close()}.
	 */
	public void wake() {
		synchronized (this.wakeLock) {
			if (!this.closed) {
				this.calls.write(this.wakeUp,
						ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putLong(0, 1).array());
			}
		}
	}

	/**
	 * Return the soft {@code RLIMIT_NOFILE}, which the JVM raises to the hard limit at
	 * startup; {@link Long#MAX_VALUE} when unlimited.
	 */
	public long openFileLimit() throws PosixException {
		long limit = this.calls.openFileLimit();
		if (limit < 0) {
			throw PosixException.of("getrlimit", "RLIMIT_NOFILE", (int) -limit);
		}
		return limit;
	}

	void release(int fd) {
		if (this.registered.remove(fd)) {
			this.calls.close(fd);
		}
	}

	/** Close every descriptor, held write ends and pidfds not closed yet included. */
	@Override
	public void close() {
		synchronized (this.wakeLock) {
			if (this.closed) {
				return;
			}
			this.closed = true;
			this.registered.forEach(this.calls::close);
			this.registered.clear();
			this.inotify.close();
			if (this.mountTable >= 0) {
				this.calls.close(this.mountTable);
			}
			this.calls.close(this.wakeUp);
			this.calls.close(this.epoll);
		}
	}

}
