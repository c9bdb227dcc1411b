package io.github.fifoliveness.posix;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;

import org.jspecify.annotations.Nullable;

/**
 * The native calls, behind an API of {@link Path}, {@link FileStatus} and
 * {@link WriteEndResult}, never descriptors or errno numbers. Every open is non-blocking
 * and close-on-exec: a FIFO open never waits for the other end, and a child process never
 * inherits a descriptor that would keep a dead application looking alive. The calls go
 * through Java's foreign function API on JDK 22 and later, jnr before;
 * {@link #implementation()} tells which.
 */
public final class NativePosix {

	/**
	 * The system property that chooses the implementation: {@code ffm} or {@code jnr};
	 * unset, the foreign function API where it can run, jnr elsewhere.
	 */
	public static final String IMPLEMENTATION_PROPERTY = "fifo-liveness.native-implementation";

	// flock(2) operations; the same values on Linux, macOS and the BSDs.
	static final int LOCK_EX = 2;

	static final int LOCK_NB = 4;

	/** Accept a FIFO whoever owns it. */
	public static final int ANY_OWNER = -1;

	private static final Charset FILE_NAMES = fileNames();

	private static @Nullable NativePosix instance;

	private static @Nullable RuntimeException loadFailure;

	private final Syscalls syscalls;

	private final CheckedOpens checkedOpens;

	NativePosix(Syscalls syscalls) {
		this.syscalls = syscalls;
		this.checkedOpens = new CheckedOpens(syscalls, this);
	}

	/**
	 * Return the native POSIX layer this JVM shares, loading it on first use.
	 * @throws NativePosixUnavailableException if this platform has no native POSIX calls
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
	 * Return the charset the JDK encodes file names in, as the locale says
	 * ({@code sun.jnu.encoding}).
	 */
	public static Charset fileNameCharset() {
		return FILE_NAMES;
	}

	private static Charset fileNames() {
		String name = System.getProperty("sun.jnu.encoding");
		try {
			return (name != null) ? Charset.forName(name) : Charset.defaultCharset();
		}
		catch (IllegalArgumentException ex) {
			return Charset.defaultCharset();
		}
	}

	/**
	 * Load the native POSIX layer and make a first call, so the classes every call needs
	 * load too, from a background thread early in startup; a failure is left for
	 * {@link #get()} to throw.
	 */
	public static void preload() {
		try {
			get().effectiveUid();
		}
		catch (RuntimeException ex) {
			// Kept: get() throws it again where the layer is really needed.
		}
	}

	/**
	 * Load a native POSIX layer of its own, with the implementation that
	 * {@value #IMPLEMENTATION_PROPERTY} asks for, or else the best one for this JVM.
	 * @throws NativePosixUnavailableException if the implementation cannot run here
	 */
	public static NativePosix load() {
		return new NativePosix(SyscallsLoader.load());
	}

	/** Return which implementation makes the system calls. */
	public NativeImplementation implementation() {
		return this.syscalls.implementation();
	}

	/** Return the effective user id of this process. */
	public int effectiveUid() {
		return this.syscalls.geteuid();
	}

	/**
	 * Create a FIFO unless anything already exists at the path, and return whether this
	 * call created it.
	 */
	public boolean createFifo(Path path, int permissions) throws PosixException {
		int result = this.syscalls.mkfifo(NativePath.of(path).bytes(), permissions);
		if (result == 0) {
			return true;
		}
		int errno = -result;
		if (errno == PosixConstants.EEXIST) {
			return false;
		}
		throw PosixException.of("mkfifo", path, errno);
	}

	/**
	 * Open the read end of a FIFO without blocking or following a symbolic link
	 * ({@code ELOOP}); the caller checks {@link OpenFile#status()}.
	 */
	public OpenFile openReadEnd(Path path) throws PosixException {
		return this.checkedOpens.openAndStat(path, PosixConstants.READ_END_FLAGS, 0);
	}

	/**
	 * Create a new regular file and open it for reading and writing, failing with
	 * {@code EEXIST} if anything is at the path already.
	 */
	public OpenFile createFile(Path path, int permissions) throws PosixException {
		return this.checkedOpens.openAndStat(path, PosixConstants.LOCK_FILE_FLAGS | PosixConstants.O_CREAT_EXCL,
				permissions);
	}

	/**
	 * Open an existing file for reading and writing without blocking or following a
	 * symbolic link; the caller checks {@link OpenFile#status()}.
	 */
	public OpenFile openFile(Path path) throws PosixException {
		return this.checkedOpens.openAndStat(path, PosixConstants.LOCK_FILE_FLAGS, 0);
	}

	/** Ask the kernel whether a process exists; {@code kill(pid, 0)} sends no signal. */
	public ProcessExistence processExistence(int pid) throws PosixException {
		int result = this.syscalls.kill(pid, 0);
		if (result == 0) {
			return ProcessExistence.EXISTS;
		}
		int errno = -result;
		if (errno == PosixConstants.ESRCH) {
			return ProcessExistence.NONE;
		}
		if (errno == PosixConstants.EPERM) {
			return ProcessExistence.EXISTS_OTHER_USER;
		}
		throw PosixException.of("kill", pid + ", 0", errno);
	}

	/** Return the id of this process. */
	public long processId() {
		return ProcessHandle.current().pid();
	}

	/**
	 * Open the write end of a path without blocking, check that it is a FIFO, and close
	 * it at once; nothing is written. An {@code lstat} learns the type first, so a
	 * regular file is never opened for writing (file watchers would see it modified) and
	 * a symbolic link is {@link WriteEndResult.NotAFifo}, not followed (whoever planted
	 * it could point it at any FIFO). An {@code fstat} of the opened descriptor makes
	 * sure a path swapped in between is never reported as a FIFO with a reader.
	 * @param expectedOwner the uid that must own the FIFO, or {@link #ANY_OWNER}
	 */
	public WriteEndResult openWriteEndAndClose(Path path, int expectedOwner) {
		return openWriteEndAndClose(NativePath.of(path), expectedOwner);
	}

	/**
	 * Like {@link #openWriteEndAndClose(Path, int)}, with the path encoded once
	 * beforehand: the way to probe one path repeatedly.
	 */
	public WriteEndResult openWriteEndAndClose(NativePath path, int expectedOwner) {
		return this.checkedOpens.openChecked(path, expectedOwner, StatBuffer.perThread(), null);
	}

	/**
	 * Read the start of a small regular file, such as a PID file, without ever blocking:
	 * the type is learnt with {@code stat} first and nothing but a regular file is opened
	 * (a FIFO without writer or a device would block or have side effects), the
	 * descriptor is checked again with {@code fstat}, and at most {@code maxBytes} are
	 * read, so a huge file or one swapped for {@code /dev/zero} costs a few bytes. A
	 * symbolic link at the path is reported as what it is, unread.
	 * @throws PosixException {@link PosixException#isMissing()} when nothing is there
	 */
	public SmallFile readSmallFile(Path path, int maxBytes) throws PosixException {
		return this.checkedOpens.readSmallFile(path, maxBytes);
	}

	/**
	 * Return the uid of a user, by name, as the system's user database has it, or empty
	 * if no such user exists.
	 */
	public OptionalInt userId(String name) {
		byte[] encoded = name.getBytes(FILE_NAMES);
		long uid = this.syscalls.userId(Arrays.copyOf(encoded, encoded.length + 1));
		return (uid >= 0) ? OptionalInt.of((int) uid) : OptionalInt.empty();
	}

	/**
	 * Return the status of the file at a path, not following a symbolic link there, or
	 * empty if nothing is at the path.
	 */
	public Optional<FileStatus> statusOf(Path path) throws PosixException {
		StatBuffer stat = new StatBuffer();
		int result = this.syscalls.stat(NativePath.of(path).bytes(), false, stat);
		if (result < 0) {
			if (-result == PosixConstants.ENOENT) {
				return Optional.empty();
			}
			throw PosixException.of("lstat", path, -result);
		}
		return Optional.of(stat.toFileStatus());
	}

	Syscalls syscalls() {
		return this.syscalls;
	}

	CheckedOpens checkedOpens() {
		return this.checkedOpens;
	}

}
