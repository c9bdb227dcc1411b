package io.github.fifoliveness.posix;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import jnr.constants.platform.Errno;
import jnr.constants.platform.OpenFlags;

/**
 * The one place that makes system calls. Everything above it speaks in {@link Path},
 * {@link FileStatus} and {@link WriteEndResult}, never in descriptors or errno numbers.
 * <p>
 * Every open is non-blocking and close-on-exec: a FIFO open never waits for the other
 * end, and a child process never inherits a descriptor that would keep a dead
 * application looking alive.
 * <p>
 * The system calls themselves go through {@link Syscalls}: Java's foreign function API on
 * JDK 22 and later (Linux x86_64 and aarch64), jnr-posix otherwise. Everything here is
 * shared by both; {@link #implementation()} tells which one runs.
 */
public final class NativePosix {

	/**
	 * The system property that chooses the implementation: {@code ffm} or {@code jnr};
	 * unset, the foreign function API where it can run, jnr-posix elsewhere.
	 */
	public static final String IMPLEMENTATION_PROPERTY = "fifo-liveness.native-implementation";

	// Compiled for Java 22 and loaded by name, so that Java 17 to 21 never link it.
	private static final String FOREIGN_SYSCALLS = "io.github.fifoliveness.posix.ForeignSyscalls";

	private static final int FIRST_FOREIGN_FEATURE_VERSION = 22;

	private static final int READ_END_FLAGS = OpenFlags.O_RDONLY.intValue() | OpenFlags.O_NONBLOCK.intValue()
			| OpenFlags.O_CLOEXEC.intValue() | OpenFlags.O_NOFOLLOW.intValue();

	// O_NOCTTY: a probe pointed at a terminal must not make it the controlling terminal.
	private static final int WRITE_END_FLAGS = OpenFlags.O_WRONLY.intValue() | OpenFlags.O_NONBLOCK.intValue()
			| OpenFlags.O_CLOEXEC.intValue() | OpenFlags.O_NOCTTY.intValue();

	private static final int LOCK_FILE_FLAGS = OpenFlags.O_RDWR.intValue() | OpenFlags.O_NONBLOCK.intValue()
			| OpenFlags.O_CLOEXEC.intValue() | OpenFlags.O_NOFOLLOW.intValue();

	private static final int O_CREAT_EXCL = OpenFlags.O_CREAT.intValue() | OpenFlags.O_EXCL.intValue();

	// flock(2) operations; the same values on Linux, macOS and the BSDs.
	private static final int LOCK_EX = 2;

	private static final int LOCK_NB = 4;

	private static final int EINTR = Errno.EINTR.intValue();

	private static final int ENXIO = Errno.ENXIO.intValue();

	private static final int ENOENT = Errno.ENOENT.intValue();

	private static final int EISDIR = Errno.EISDIR.intValue();

	private static final int EACCES = Errno.EACCES.intValue();

	private static final int EPERM = Errno.EPERM.intValue();

	private static final int EEXIST = Errno.EEXIST.intValue();

	static final int EWOULDBLOCK = Errno.EWOULDBLOCK.intValue();

	private static final int ETXTBSY = Errno.ETXTBSY.intValue();

	private static final int ESRCH = Errno.ESRCH.intValue();

	private static final int EIO = Errno.EIO.intValue();

	private static NativePosix instance;

	private static RuntimeException loadFailure;

	private final Syscalls syscalls;

	// One stat buffer per thread keeps probes free of allocation.
	private final ThreadLocal<StatBuffer> statBuffer = ThreadLocal.withInitial(StatBuffer::new);

	NativePosix(Syscalls syscalls) {
		this.syscalls = syscalls;
	}

	/**
	 * Return the native POSIX layer this JVM shares, loading it on first use.
	 * @return the native POSIX layer
	 * @throws NativePosixUnavailableException if this platform has no native POSIX calls
	 * @see #load()
	 */
	public static synchronized NativePosix get() {
		if (instance == null && loadFailure == null) {
			try {
				instance = load();
			}
			catch (RuntimeException ex) {
				loadFailure = ex;
			}
		}
		if (loadFailure != null) {
			throw loadFailure;
		}
		return instance;
	}

	/**
	 * Load the native POSIX layer now if it is not loaded yet, ignoring a failure (the
	 * next {@link #get()} reports it). Meant for a background thread early in startup.
	 */
	public static void preload() {
		try {
			get();
		}
		catch (RuntimeException ex) {
			// Cached: get() throws it again where the layer is really needed.
		}
	}

	/**
	 * Load a native POSIX layer of its own, with the implementation that
	 * {@value #IMPLEMENTATION_PROPERTY} asks for, or else the best one for this JVM: the
	 * foreign function API on JDK 22 and later on Linux x86_64 and aarch64, jnr-posix
	 * otherwise.
	 * @return the native POSIX layer
	 * @throws NativePosixUnavailableException if the implementation cannot run here
	 */
	public static NativePosix load() {
		return new NativePosix(loadSyscalls(requestedImplementation()));
	}

	/**
	 * Return the implementations that can run on this JVM and platform, the preferred
	 * one first.
	 * @return the implementations
	 */
	static NativeImplementation[] supportedImplementations() {
		return foreignSupported() ? new NativeImplementation[] { NativeImplementation.FFM, NativeImplementation.JNR }
				: new NativeImplementation[] { NativeImplementation.JNR };
	}

	static Syscalls loadSyscalls(NativeImplementation requested) {
		NativeImplementation implementation = (requested != null) ? requested : supportedImplementations()[0];
		if (implementation == NativeImplementation.JNR) {
			return JnrSyscalls.load();
		}
		if (!foreignSupported()) {
			throw NativePosixUnavailableException.foreignFailed(
					"the foreign function API is used on Java 22 or later on Linux x86_64 and aarch64 only; remove -D"
							+ IMPLEMENTATION_PROPERTY + "=ffm to use jnr-posix",
					null);
		}
		try {
			return (Syscalls) Class.forName(FOREIGN_SYSCALLS)
				.getDeclaredConstructor(LinuxSyscallTable.class)
				.newInstance(LinuxSyscallTable.current().orElseThrow());
		}
		catch (InvocationTargetException ex) {
			throw NativePosixUnavailableException.foreignFailed(String.valueOf(ex.getCause()), ex.getCause());
		}
		catch (ReflectiveOperationException | RuntimeException | LinkageError ex) {
			throw NativePosixUnavailableException.foreignFailed(ex.toString(), ex);
		}
	}

	private static boolean foreignSupported() {
		return Runtime.version().feature() >= FIRST_FOREIGN_FEATURE_VERSION && LinuxSyscallTable.current().isPresent();
	}

	private static NativeImplementation requestedImplementation() {
		String requested = System.getProperty(IMPLEMENTATION_PROPERTY, "").trim();
		if (requested.isEmpty()) {
			return null;
		}
		try {
			return NativeImplementation.valueOf(requested.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("System property '" + IMPLEMENTATION_PROPERTY + "' has the value '"
					+ requested + "'; use 'ffm' or 'jnr', or leave it unset to choose by Java version", ex);
		}
	}

	/**
	 * Return which implementation makes the system calls.
	 * @return the implementation
	 */
	public NativeImplementation implementation() {
		return this.syscalls.implementation();
	}

	/**
	 * Return the effective user id of this process.
	 * @return the effective uid
	 */
	public int effectiveUid() {
		return this.syscalls.geteuid();
	}

	/**
	 * Create a FIFO unless something already exists at the path.
	 * @param path the FIFO's path
	 * @param permissions the permission bits, such as {@code 0600}
	 * @return {@code true} if this call created the FIFO, {@code false} if the path
	 * already existed (whatever it is)
	 * @throws PosixException if the FIFO could not be created
	 */
	public boolean createFifo(Path path, int permissions) throws PosixException {
		int result = this.syscalls.mkfifo(NativePath.of(path).bytes(), permissions);
		if (result == 0) {
			return true;
		}
		int errno = -result;
		if (errno == EEXIST) {
			return false;
		}
		throw exception("mkfifo", path, errno);
	}

	/**
	 * Open the read end of a FIFO without blocking and without following a symbolic
	 * link. The caller checks {@link OpenFile#status()} to see what was opened.
	 * @param path the FIFO's path
	 * @return the open file
	 * @throws PosixException if the path cannot be opened (for a symbolic link:
	 * {@code ELOOP})
	 */
	public OpenFile openReadEnd(Path path) throws PosixException {
		return openAndStat(path, READ_END_FLAGS, 0);
	}

	private OpenFile openAndStat(Path path, int flags, int permissions) throws PosixException {
		int fd = open(NativePath.of(path), flags, permissions);
		if (fd < 0) {
			throw exception("open", path, -fd);
		}
		StatBuffer stat = new StatBuffer();
		int result = this.syscalls.fstat(fd, stat);
		if (result < 0) {
			this.syscalls.close(fd);
			throw exception("fstat", path, -result);
		}
		return new OpenFile(this, fd, stat.toFileStatus());
	}

	/**
	 * Create a new regular file and open it for reading and writing, failing with
	 * {@code EEXIST} if anything is at the path already.
	 * @param path the file's path
	 * @param permissions the permission bits, such as {@code 0600}
	 * @return the open file
	 * @throws PosixException if the file cannot be created
	 */
	public OpenFile createFile(Path path, int permissions) throws PosixException {
		return openAndStat(path, LOCK_FILE_FLAGS | O_CREAT_EXCL, permissions);
	}

	/**
	 * Open an existing file for reading and writing without blocking and without
	 * following a symbolic link. The caller checks {@link OpenFile#status()}.
	 * @param path the file's path
	 * @return the open file
	 * @throws PosixException if the file cannot be opened
	 */
	public OpenFile openFile(Path path) throws PosixException {
		return openAndStat(path, LOCK_FILE_FLAGS, 0);
	}

	/**
	 * Ask the kernel whether a process exists, with {@code kill(pid, 0)}: no signal is sent.
	 * @param pid the process id
	 * @return whether it exists, and whether it is this user's
	 * @throws PosixException if the call fails otherwise
	 */
	public ProcessExistence processExistence(int pid) throws PosixException {
		int result = this.syscalls.kill(pid, 0);
		if (result == 0) {
			return ProcessExistence.EXISTS;
		}
		int errno = -result;
		if (errno == ESRCH) {
			return ProcessExistence.NONE;
		}
		if (errno == EPERM) {
			return ProcessExistence.EXISTS_OTHER_USER;
		}
		throw exception("kill", pid + ", 0", errno);
	}

	/**
	 * Return the id of this process.
	 * @return the pid
	 */
	public long processId() {
		return ProcessHandle.current().pid();
	}

	/**
	 * Open the write end of a path without blocking, check that it is a FIFO, and close
	 * it at once. Nothing is written. One {@code open}, one {@code fstat} and one
	 * {@code close} when a reader is present; a failed open adds a {@code stat} only
	 * where the error alone cannot tell a FIFO from another file.
	 * @param path the path to probe
	 * @return the result
	 */
	public WriteEndResult openWriteEndAndClose(Path path) {
		return openWriteEndAndClose(NativePath.of(path));
	}

	/**
	 * Like {@link #openWriteEndAndClose(Path)}, with the path encoded once beforehand:
	 * the way to probe one path repeatedly without allocating.
	 * @param path the encoded path
	 * @return the result
	 */
	public WriteEndResult openWriteEndAndClose(NativePath path) {
		int fd = open(path, WRITE_END_FLAGS, 0);
		if (fd >= 0) {
			StatBuffer stat = this.statBuffer.get();
			int result = this.syscalls.fstat(fd, stat);
			this.syscalls.close(fd);
			if (result < 0) {
				return failed(-result);
			}
			FileType type = stat.type();
			return (type == FileType.FIFO) ? WriteEndResult.READER_PRESENT : WriteEndResult.notAFifo(type);
		}
		int errno = -fd;
		if (errno == ENOENT) {
			return WriteEndResult.MISSING;
		}
		if (errno == EISDIR) {
			return WriteEndResult.notAFifo(FileType.DIRECTORY);
		}
		if (errno == ETXTBSY) {
			return WriteEndResult.notAFifo(FileType.REGULAR_FILE);
		}
		if (errno == ENXIO) {
			// A FIFO without reader, but also a Unix socket or a device without driver.
			FileType type = typeAt(path);
			if (type == null) {
				return WriteEndResult.MISSING;
			}
			return (type == FileType.FIFO) ? WriteEndResult.NO_READER : WriteEndResult.notAFifo(type);
		}
		if (errno == EACCES || errno == EPERM) {
			FileType type = typeAt(path);
			return (type == null || type == FileType.FIFO) ? WriteEndResult.ACCESS_DENIED
					: WriteEndResult.notAFifo(type);
		}
		return failed(errno);
	}

	/**
	 * Return the status of the file at a path, not following a symbolic link there.
	 * @param path the path
	 * @return the status, or empty if nothing is at the path
	 * @throws PosixException if the path cannot be examined
	 */
	public Optional<FileStatus> statusOf(Path path) throws PosixException {
		StatBuffer stat = new StatBuffer();
		int result = this.syscalls.stat(NativePath.of(path).bytes(), false, stat);
		if (result < 0) {
			if (-result == ENOENT) {
				return Optional.empty();
			}
			throw exception("lstat", path, -result);
		}
		return Optional.of(stat.toFileStatus());
	}

	// The methods below return 0 or more on success and -errno on failure, as Syscalls does.

	int close(int fd) {
		return this.syscalls.close(fd);
	}

	int changePermissions(int fd, int permissions) {
		return this.syscalls.fchmod(fd, permissions);
	}

	int lockExclusiveNonBlocking(int fd) {
		int result;
		do {
			result = this.syscalls.flock(fd, LOCK_EX | LOCK_NB);
		}
		while (result == -EINTR);
		return result;
	}

	int replaceContent(int fd, byte[] bytes) {
		int result = this.syscalls.ftruncate(fd, 0);
		if (result == 0) {
			result = this.syscalls.pwrite(fd, bytes, bytes.length, 0);
		}
		// A short write of a few bytes to a regular file is the file system failing.
		return (result < 0 || result == bytes.length) ? result : -EIO;
	}

	int readAt(int fd, byte[] buffer) {
		return this.syscalls.pread(fd, buffer, buffer.length, 0);
	}

	PosixException exception(String call, Object target, int errno) {
		Errno error = Errno.valueOf(errno);
		return new PosixException(call, target, error.name(), error.toString());
	}

	private int open(NativePath path, int flags, int permissions) {
		int fd;
		do {
			fd = this.syscalls.open(path.bytes(), flags, permissions);
		}
		while (fd == -EINTR);
		return fd;
	}

	private FileType typeAt(NativePath path) {
		StatBuffer stat = this.statBuffer.get();
		return (this.syscalls.stat(path.bytes(), true, stat) < 0) ? null : stat.type();
	}

	private static WriteEndResult failed(int errno) {
		Errno error = Errno.valueOf(errno);
		return WriteEndResult.failed(error.name(), error.toString());
	}

}
