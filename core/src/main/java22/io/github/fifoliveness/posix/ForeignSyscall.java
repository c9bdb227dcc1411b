package io.github.fifoliveness.posix;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.ByteBuffer;

/**
 * The {@link SyscallGate} through the foreign function API: one downcall handle to libc's
 * {@code syscall(3)}, since each handle is a generated binding that costs start-up time,
 * with errno captured by the call itself. Not critical: some calls block ({@code open} on
 * a network file system, {@code epoll_pwait}) and must not hold up safepoints meanwhile.
 */
final class ForeignSyscall implements SyscallGate {

	// long syscall(long number, ...): six arguments whatever the call, unused ones zero.
	private static final MethodHandle SYSCALL = ForeignDowncalls.link("syscall",
			FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG,
					ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG,
					ValueLayout.JAVA_LONG),
			1, true);

	private static final long ERRNO_OFFSET = Linker.Option.captureStateLayout()
		.byteOffset(PathElement.groupElement("errno"));

	static final ForeignSyscall INSTANCE = new ForeignSyscall();

	// Where each thread's calls capture errno; freed by the garbage collector with it.
	private final ThreadLocal<MemorySegment> callState = ThreadLocal
		.withInitial(() -> Arena.ofAuto().allocate(Linker.Option.captureStateLayout()));

	private ForeignSyscall() {
	}

	@Override
	public NativeImplementation implementation() {
		return NativeImplementation.FFM;
	}

	@Override
	public long call(long number, long a1, long a2, long a3, long a4, long a5) {
		return call6(number, a1, a2, a3, a4, a5, 0L);
	}

	@Override
	public long call6(long number, long a1, long a2, long a3, long a4, long a5, long a6) {
		MemorySegment state = this.callState.get();
		long result;
		try {
			result = (long) SYSCALL.invokeExact(state, number, a1, a2, a3, a4, a5, a6);
		}
		catch (Throwable ex) {
			throw new IllegalStateException("syscall " + number + " failed to run", ex);
		}
		return (result != -1) ? result : -state.get(ValueLayout.JAVA_INT, ERRNO_OFFSET);
	}

	@Override
	public int getpwnam(long name, long entry, long buffer, long size, long found) {
		try {
			return (int) UserLookup.GETPWNAM_R.invokeExact(MemorySegment.ofAddress(name),
					MemorySegment.ofAddress(entry), MemorySegment.ofAddress(buffer), size,
					MemorySegment.ofAddress(found));
		}
		catch (Throwable ex) {
			throw new IllegalStateException("getpwnam_r failed to run", ex);
		}
	}

	@Override
	public long address(ByteBuffer buffer) {
		return MemorySegment.ofBuffer(buffer).address();
	}

	// Linked on first use only.
	private static final class UserLookup {

		static final MethodHandle GETPWNAM_R = ForeignDowncalls.link("getpwnam_r",
				FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS,
						ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS),
				-1, false);

	}

}
