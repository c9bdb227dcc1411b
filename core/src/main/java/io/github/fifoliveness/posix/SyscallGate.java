package io.github.fifoliveness.posix;

import java.nio.ByteBuffer;

/**
 * What jffi and the foreign function API each do their own way, below
 * {@link TableSyscalls} and {@link TableEventSyscalls}: call libc's {@code syscall(3)},
 * with errno saved on the calling thread, and its {@code getpwnam_r}, and give the
 * address of a direct buffer. Everything else is done once, above them.
 */
interface SyscallGate {

	/**
	 * Return which implementation this is.
	 * @return the implementation
	 */
	NativeImplementation implementation();

	/**
	 * Make a system call of up to five arguments, unused ones zero.
	 * @param number the system call's number
	 * @param a1 the first argument
	 * @param a2 the second argument
	 * @param a3 the third argument
	 * @param a4 the fourth argument
	 * @param a5 the fifth argument
	 * @return the call's result, or {@code -errno}
	 */
	long call(long number, long a1, long a2, long a3, long a4, long a5);

	/**
	 * Make a system call of six arguments, such as {@code sendto}.
	 * @param number the system call's number
	 * @param a1 the first argument
	 * @param a2 the second argument
	 * @param a3 the third argument
	 * @param a4 the fourth argument
	 * @param a5 the fifth argument
	 * @param a6 the sixth argument
	 * @return the call's result, or {@code -errno}
	 */
	long call6(long number, long a1, long a2, long a3, long a4, long a5, long a6);

	/**
	 * Call libc's {@code getpwnam_r}, found on first use: no system call, but the user
	 * database (files, LDAP, ...) through NSS.
	 * @param name the user's name, NUL-terminated
	 * @param entry a {@code struct passwd}
	 * @param buffer room for the entry's strings
	 * @param size the buffer's size
	 * @param found where the pointer to the entry, or {@code NULL}, is written
	 * @return zero, or the error (it does not set errno)
	 */
	int getpwnam(long name, long entry, long buffer, long size, long found);

	/**
	 * Return the native address of a direct buffer.
	 * @param buffer the buffer
	 * @return its address
	 */
	long address(ByteBuffer buffer);

}
