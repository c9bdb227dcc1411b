package io.github.fifoliveness.posix;

/**
 * The system calls fifo-liveness makes, one method per call and nothing composite. Every
 * method follows the kernel's convention: a result of zero or more is the call's result,
 * a negative one is the errno of that very call, negated, so the error can never come
 * from another call made in between. {@link NativePosix} builds everything else on top,
 * in shared code; the implementations differ only in how they reach libc: the foreign
 * function API on JDK 22 and later, jffi's {@code syscall} before, jnr-posix where
 * {@link LinuxSyscallTable} does not know the platform.
 */
interface Syscalls {

	/**
	 * Return which implementation this is.
	 * @return the implementation
	 */
	NativeImplementation implementation();

	/**
	 * {@code open(2)}.
	 * @param path the path, NUL-terminated
	 * @param flags the open flags
	 * @param mode the mode of a created file
	 * @return the descriptor, or {@code -errno}
	 */
	int open(byte[] path, int flags, int mode);

	/**
	 * {@code close(2)}.
	 * @param fd the descriptor
	 * @return 0, or {@code -errno}
	 */
	int close(int fd);

	/**
	 * {@code fstat(2)}.
	 * @param fd the descriptor
	 * @param into receives the status
	 * @return 0, or {@code -errno}
	 */
	int fstat(int fd, StatBuffer into);

	/**
	 * {@code stat(2)}, following a symbolic link, or {@code lstat(2)}, not following one.
	 * @param path the path, NUL-terminated
	 * @param followLinks whether to follow a symbolic link at the path
	 * @param into receives the status
	 * @return 0, or {@code -errno}
	 */
	int stat(byte[] path, boolean followLinks, StatBuffer into);

	/**
	 * {@code mkfifo(3)}.
	 * @param path the path, NUL-terminated
	 * @param mode the permission bits
	 * @return 0, or {@code -errno}
	 */
	int mkfifo(byte[] path, int mode);

	/**
	 * {@code flock(2)}.
	 * @param fd the descriptor
	 * @param operation the operation, such as {@code LOCK_EX | LOCK_NB}
	 * @return 0, or {@code -errno}
	 */
	int flock(int fd, int operation);

	/**
	 * {@code kill(2)}.
	 * @param pid the process id
	 * @param signal the signal; 0 checks only that the process exists
	 * @return 0, or {@code -errno}
	 */
	int kill(int pid, int signal);

	/**
	 * {@code pread(2)}.
	 * @param fd the descriptor
	 * @param buffer receives the bytes read
	 * @param length how many bytes to read at most, at most {@code buffer.length}
	 * @param offset where in the file to read
	 * @return the number of bytes read, or {@code -errno}
	 */
	int pread(int fd, byte[] buffer, int length, long offset);

	/**
	 * {@code pwrite(2)}.
	 * @param fd the descriptor
	 * @param bytes the bytes to write
	 * @param length how many of them, at most {@code bytes.length}
	 * @param offset where in the file to write
	 * @return the number of bytes written, or {@code -errno}
	 */
	int pwrite(int fd, byte[] bytes, int length, long offset);

	/**
	 * {@code ftruncate(2)}.
	 * @param fd the descriptor
	 * @param length the new length
	 * @return 0, or {@code -errno}
	 */
	int ftruncate(int fd, long length);

	/**
	 * {@code fchmod(2)}.
	 * @param fd the descriptor
	 * @param mode the permission bits
	 * @return 0, or {@code -errno}
	 */
	int fchmod(int fd, int mode);

	/**
	 * Look a user up by name in the system's user database ({@code getpwnam_r(3)}, which
	 * may ask a directory service).
	 * @param name the user name, NUL-terminated
	 * @return the uid, or {@code -ENOENT} when no user has that name, or another
	 * {@code -errno}
	 */
	long userId(byte[] name);

	/**
	 * {@code geteuid(2)}, which cannot fail.
	 * @return the effective user id
	 */
	int geteuid();

}
