package io.github.fifoliveness.posix;

import com.kenai.jffi.CallContext;
import com.kenai.jffi.CallingConvention;
import com.kenai.jffi.HeapInvocationBuffer;
import com.kenai.jffi.Invoker;
import com.kenai.jffi.LastError;
import com.kenai.jffi.Library;
import com.kenai.jffi.Type;

/**
 * libc's {@code syscall(3)} through jffi: the one native function through which
 * {@link JffiSyscalls} and {@link JffiEventSyscalls} make every system call, with errno
 * saved by jffi right after each call, on the calling thread. The jffi counterpart of the
 * foreign implementation's {@code ForeignSyscall}.
 */
final class JffiSyscall {

	private static final Type[] SIX_LONGS = { Type.SINT64, Type.SINT64, Type.SINT64, Type.SINT64, Type.SINT64,
			Type.SINT64 };

	private static final Type[] SEVEN_LONGS = { Type.SINT64, Type.SINT64, Type.SINT64, Type.SINT64, Type.SINT64,
			Type.SINT64, Type.SINT64 };

	private final Invoker invoker = Invoker.getInstance();

	// long syscall(long number, ...): the number is the one fixed argument.
	private final CallContext upToFive = CallContext.getCallContext(Type.SINT64, 1, SIX_LONGS,
			CallingConvention.DEFAULT, true);

	// Six arguments (sendto) take jffi's slower path: its fast one stops at six in all.
	private final CallContext six = CallContext.getCallContext(Type.SINT64, 1, SEVEN_LONGS, CallingConvention.DEFAULT,
			true);

	private final long address;

	private JffiSyscall(long address) {
		this.address = address;
	}

	/**
	 * Load jffi's native stub and find {@code syscall} in the process's libc.
	 * @return the system call
	 * @throws RuntimeException or {@link LinkageError} if jffi's stub cannot be loaded or
	 * libc has no {@code syscall}
	 */
	static JffiSyscall load() {
		return new JffiSyscall(symbol("syscall"));
	}

	/**
	 * Return the address of a function of the process's libc.
	 * @param name the function's name
	 * @return its address
	 * @throws IllegalStateException if libc has no such function
	 */
	static long symbol(String name) {
		long address = Library.getDefault().getSymbolAddress(name);
		if (address == 0) {
			throw new IllegalStateException("libc has no '" + name + "': " + Library.getLastError());
		}
		return address;
	}

	/**
	 * Return the invoker the calls go through, for other functions of libc.
	 * @return the invoker
	 */
	Invoker invoker() {
		return this.invoker;
	}

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
	long call(long number, long a1, long a2, long a3, long a4, long a5) {
		return result(this.invoker.invokeN6(this.upToFive, this.address, number, a1, a2, a3, a4, a5));
	}

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
	long call(long number, long a1, long a2, long a3, long a4, long a5, long a6) {
		HeapInvocationBuffer arguments = new HeapInvocationBuffer(this.six);
		for (long argument : new long[] { number, a1, a2, a3, a4, a5, a6 }) {
			arguments.putLong(argument);
		}
		return result(this.invoker.invokeLong(this.six, this.address, arguments));
	}

	private static long result(long result) {
		return (result != -1) ? result : -LastError.getInstance().get();
	}

}
