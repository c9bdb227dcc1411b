package io.github.fifoliveness.posix;

import java.nio.ByteBuffer;

import com.kenai.jffi.CallContext;
import com.kenai.jffi.CallingConvention;
import com.kenai.jffi.HeapInvocationBuffer;
import com.kenai.jffi.Invoker;
import com.kenai.jffi.LastError;
import com.kenai.jffi.Library;
import com.kenai.jffi.MemoryIO;
import com.kenai.jffi.Type;

/**
 * The {@link SyscallGate} through jffi, beneath jnr-posix, on Java 17 to 21: libc's
 * {@code syscall(3)}, with errno saved by jffi right after each call, per thread.
 */
final class JffiSyscall implements SyscallGate {

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

	// Throws RuntimeException or LinkageError without jffi's stub or libc's syscall.
	static JffiSyscall load() {
		return new JffiSyscall(symbol("syscall"));
	}

	private static long symbol(String name) {
		long address = Library.getDefault().getSymbolAddress(name);
		if (address == 0) {
			throw new IllegalStateException("libc has no '" + name + "': " + Library.getLastError());
		}
		return address;
	}

	@Override
	public NativeImplementation implementation() {
		return NativeImplementation.JNR;
	}

	@Override
	public long call(long number, long a1, long a2, long a3, long a4, long a5) {
		return result(this.invoker.invokeN6(this.upToFive, this.address, number, a1, a2, a3, a4, a5));
	}

	@Override
	public long call6(long number, long a1, long a2, long a3, long a4, long a5, long a6) {
		HeapInvocationBuffer arguments = new HeapInvocationBuffer(this.six);
		for (long argument : new long[] { number, a1, a2, a3, a4, a5, a6 }) {
			arguments.putLong(argument);
		}
		return result(this.invoker.invokeLong(this.six, this.address, arguments));
	}

	@Override
	public int getpwnam(long name, long entry, long buffer, long size, long found) {
		return (int) this.invoker.invokeN5(UserLookup.CONTEXT, UserLookup.GETPWNAM_R, name, entry, buffer, size, found);
	}

	@Override
	public long address(ByteBuffer buffer) {
		return MemoryIO.getInstance().getDirectBufferAddress(buffer);
	}

	private static long result(long result) {
		return (result != -1) ? result : -LastError.getInstance().get();
	}

	// Found on first use only.
	private static final class UserLookup {

		static final long GETPWNAM_R = symbol("getpwnam_r");

		static final CallContext CONTEXT = CallContext.getCallContext(Type.SINT32,
				new Type[] { Type.POINTER, Type.POINTER, Type.POINTER, Type.UINT64, Type.POINTER },
				CallingConvention.DEFAULT, false);

	}

}
