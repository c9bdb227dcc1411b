package io.github.fifoliveness.posix;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntConsumer;

import org.jspecify.annotations.Nullable;

/**
 * The native calls, for everything above {@code posix}: the calls themselves are made
 * here, in {@link CheckedOpens}, in {@link OpenFile} on its descriptor, and in the event
 * set's classes ({@link KernelEvents}, {@link Inotify}). Everything above it speaks in
 * {@link Path}, {@link FileStatus} and {@link WriteEndResult}, never in descriptors or
 * errno numbers.
 * <p>
 * Every open is non-blocking and close-on-exec: a FIFO open never waits for the other
 * end, and a child process never inherits a descriptor that would keep a dead application
 * looking alive.
 * <p>
 * The system calls themselves go through {@link Syscalls}: Java's foreign function API on
 * JDK 22 and later (Linux x86_64 and aarch64), jnr otherwise (jffi's {@code syscall} on
 * Linux x86_64 and aarch64, jnr-posix elsewhere). Everything here is shared by both;
 * {@link #implementation()} tells which one runs.
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
	 * Load the native POSIX layer now if it is not loaded yet, and make a first call, so
	 * that the classes every call needs are loaded too; a failure is ignored (the next
	 * {@link #get()} reports it). Meant for a background thread early in startup.
	 */
	public static void preload() {
		try {
			get().effectiveUid();
		}
		catch (RuntimeException ex) {
			// Cached: get() throws it again where the layer is really needed.
		}
	}

	/**
	 * Load a native POSIX layer of its own, with the implementation that
	 * {@value #IMPLEMENTATION_PROPERTY} asks for, or else the best one for this JVM: the
	 * foreign function API on JDK 22 and later on Linux x86_64 and aarch64, jnr
	 * otherwise.
	 * @return the native POSIX layer
	 * @throws NativePosixUnavailableException if the implementation cannot run here
	 */
	public static NativePosix load() {
		return new NativePosix(SyscallsLoader.load());
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
		if (errno == NativeValues.EEXIST) {
			return false;
		}
		throw PosixException.of("mkfifo", path, errno);
	}

	/**
	 * Open the read end of a FIFO without blocking and without following a symbolic link.
	 * The caller checks {@link OpenFile#status()} to see what was opened.
	 * @param path the FIFO's path
	 * @return the open file
	 * @throws PosixException if the path cannot be opened (for a symbolic link:
	 * {@code ELOOP})
	 */
	public OpenFile openReadEnd(Path path) throws PosixException {
		return this.checkedOpens.openAndStat(path, NativeValues.READ_END_FLAGS, 0);
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
		return this.checkedOpens.openAndStat(path, NativeValues.LOCK_FILE_FLAGS | NativeValues.O_CREAT_EXCL,
				permissions);
	}

	/**
	 * Open an existing file for reading and writing without blocking and without
	 * following a symbolic link. The caller checks {@link OpenFile#status()}.
	 * @param path the file's path
	 * @return the open file
	 * @throws PosixException if the file cannot be opened
	 */
	public OpenFile openFile(Path path) throws PosixException {
		return this.checkedOpens.openAndStat(path, NativeValues.LOCK_FILE_FLAGS, 0);
	}

	/**
	 * Ask the kernel whether a process exists, with {@code kill(pid, 0)}: no signal is
	 * sent.
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
		if (errno == NativeValues.ESRCH) {
			return ProcessExistence.NONE;
		}
		if (errno == NativeValues.EPERM) {
			return ProcessExistence.EXISTS_OTHER_USER;
		}
		throw PosixException.of("kill", pid + ", 0", errno);
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
	 * it at once. Nothing is written, and nothing but a FIFO is opened: an {@code lstat}
	 * learns the type first, so a regular file is never opened for writing (file watchers
	 * would see it modified), and a symbolic link is not followed (it is
	 * {@link WriteEndResult.NotAFifo}: whoever planted it could point it at any FIFO).
	 * The opened descriptor is checked again with {@code fstat}, so a path swapped
	 * between the two calls is never reported as a FIFO with a reader. Four calls when a
	 * reader is present: {@code stat}, {@code open}, {@code fstat}, {@code close}.
	 * @param path the path to probe
	 * @param expectedOwner the uid that must own the FIFO, or {@link #ANY_OWNER}
	 * @return the result
	 */
	public WriteEndResult openWriteEndAndClose(Path path, int expectedOwner) {
		return openWriteEndAndClose(NativePath.of(path), expectedOwner);
	}

	/**
	 * Like {@link #openWriteEndAndClose(Path, int)}, with the path encoded once
	 * beforehand: the way to probe one path repeatedly.
	 * @param path the encoded path
	 * @param expectedOwner the uid that must own the FIFO, or {@link #ANY_OWNER}
	 * @return the result
	 */
	public WriteEndResult openWriteEndAndClose(NativePath path, int expectedOwner) {
		return this.checkedOpens.openWriteEndAndClose(path, expectedOwner, StatBuffer.perThread());
	}

	/**
	 * Like {@link #openWriteEndAndClose(NativePath, int)}, but keep the write end open
	 * when a reader is present, for an event loop to learn when the last reader goes.
	 * @param path the encoded path
	 * @param expectedOwner the uid that must own the FIFO, or {@link #ANY_OWNER}
	 * @param release what closes the write end kept
	 * @return the result, with the write end kept when a reader is present
	 */
	WriteEndResult openWriteEnd(NativePath path, int expectedOwner, IntConsumer release) {
		return this.checkedOpens.openWriteEnd(path, expectedOwner, release);
	}

	/**
	 * Read the start of a small regular file, such as a PID file, without ever blocking:
	 * the type is learnt with {@code stat} first and nothing but a regular file is opened
	 * ({@code O_RDONLY|O_NONBLOCK|O_NOCTTY}: a FIFO without writer or a device would
	 * block a plain read or have side effects); the opened descriptor is checked again
	 * with {@code fstat}, and at most {@code maxBytes} are read, so a huge file or a file
	 * swapped for {@code /dev/zero} costs no more than a few bytes.
	 * @param path the file's path (a symbolic link there is not followed: it is reported
	 * as what is there, unread)
	 * @param maxBytes how many bytes to read at most
	 * @return what is at the path and, for a regular file, the bytes read
	 * @throws PosixException if the path cannot be examined or read
	 * ({@link PosixException#isMissing()} when nothing is there)
	 */
	public SmallFile readSmallFile(Path path, int maxBytes) throws PosixException {
		return this.checkedOpens.readSmallFile(path, maxBytes);
	}

	/**
	 * Return the uid of a user, by name, as the system's user database has it.
	 * @param name the user name
	 * @return the uid, or empty if no such user exists
	 */
	public OptionalInt userId(String name) {
		byte[] encoded = name.getBytes(NativeCharset.get());
		long uid = this.syscalls.userId(Arrays.copyOf(encoded, encoded.length + 1));
		return (uid >= 0) ? OptionalInt.of((int) uid) : OptionalInt.empty();
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
			if (-result == NativeValues.ENOENT) {
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
