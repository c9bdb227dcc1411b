package io.github.fifoliveness.posix;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * The one downcall handle through which the foreign-function implementations make every
 * system call: libc's {@code syscall(3)}, with errno captured by the call itself. One
 * handle means one generated binding, which is most of the foreign function API's
 * start-up cost. Not critical: some calls block ({@code open} on a network file system,
 * {@code epoll_pwait}) and must not hold up the JVM's safepoints meanwhile.
 */
final class ForeignSyscall {

	// long syscall(long number, ...): six arguments whatever the call, unused ones zero.
	private static final MethodHandle SYSCALL = ForeignDowncalls.link("syscall",
			FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG,
					ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG,
					ValueLayout.JAVA_LONG),
			1, true);

	private static final long ERRNO_OFFSET = Linker.Option.captureStateLayout()
		.byteOffset(PathElement.groupElement("errno"));

	private ForeignSyscall() {
	}

	/**
	 * Allocate where a thread's calls capture errno.
	 * @param arena the arena to allocate in
	 * @return the call state
	 */
	static MemorySegment callState(Arena arena) {
		return arena.allocate(Linker.Option.captureStateLayout());
	}

	/**
	 * Make a system call.
	 * @param callState the calling thread's call state
	 * @param number the system call's number
	 * @param a1 the first argument
	 * @param a2 the second argument
	 * @param a3 the third argument
	 * @param a4 the fourth argument
	 * @param a5 the fifth argument
	 * @return the call's result, or {@code -errno}
	 */
	static long call(MemorySegment callState, long number, long a1, long a2, long a3, long a4, long a5) {
		return call(callState, number, a1, a2, a3, a4, a5, 0L);
	}

	/**
	 * Make a system call of six arguments, such as {@code sendto}.
	 * @param callState the calling thread's call state
	 * @param number the system call's number
	 * @param a1 the first argument
	 * @param a2 the second argument
	 * @param a3 the third argument
	 * @param a4 the fourth argument
	 * @param a5 the fifth argument
	 * @param a6 the sixth argument
	 * @return the call's result, or {@code -errno}
	 */
	static long call(MemorySegment callState, long number, long a1, long a2, long a3, long a4, long a5, long a6) {
		long result;
		try {
			result = (long) SYSCALL.invokeExact(callState, number, a1, a2, a3, a4, a5, a6);
		}
		catch (Throwable ex) {
			throw new IllegalStateException("syscall " + number + " failed to run", ex);
		}
		return (result != -1) ? result : -callState.get(ValueLayout.JAVA_INT, ERRNO_OFFSET);
	}

}
