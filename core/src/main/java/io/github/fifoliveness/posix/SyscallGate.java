package io.github.fifoliveness.posix;

import java.nio.ByteBuffer;

/**
 * What jffi and the foreign function API each do their own way, below
 * {@link TableSyscalls}: call libc's {@code syscall(3)}, with errno saved on the calling
 * thread, and its {@code getpwnam_r}, and give the address of a direct buffer. Everything
 * else is done once, above them.
 */
interface SyscallGate {

	NativeImplementation implementation();

	/** Make a system call, unused arguments zero: its result, or {@code -errno}. */
	long call(long number, long a1, long a2, long a3, long a4, long a5);

	/** Like {@link #call}, with six arguments, such as {@code sendto}'s. */
	long call6(long number, long a1, long a2, long a3, long a4, long a5, long a6);

	/**
	 * Call libc's {@code getpwnam_r}, found on first use: no system call, but the user
	 * database (files, LDAP, ...) through NSS. It returns zero or the error, as it does
	 * not set errno, writes the {@code struct passwd} to {@code entry} and its strings to
	 * {@code buffer}, and the pointer to the entry, or {@code NULL}, to {@code found}.
	 */
	int getpwnam(long name, long entry, long buffer, long size, long found);

	long address(ByteBuffer buffer);

}
