package io.github.fifoliveness.posix;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One thread's native memory for system calls, never pinned arrays since some calls
 * block; a static thread local keeps it reachable during every call, and frees it with
 * its thread.
 */
final class CallArea {

	/** {@code PATH_MAX}: a path longer than this fails with {@code ENAMETOOLONG}. */
	static final int PATH_CAPACITY = 4096;

	// Room for a path and a struct stat (at most 144 bytes) from the start.
	private static final int INITIAL_CAPACITY = PATH_CAPACITY + 256;

	private static final ThreadLocal<CallArea> CURRENT = new ThreadLocal<>();

	private final SyscallGate gate;

	private ByteBuffer buffer;

	private long address;

	CallArea(SyscallGate gate, int capacity) {
		this.gate = gate;
		allocate(capacity);
	}

	/** Any gate gives a direct buffer's true address, so one area serves both. */
	static CallArea current(SyscallGate gate) {
		CallArea area = CURRENT.get();
		if (area == null) {
			area = new CallArea(gate, INITIAL_CAPACITY);
			CURRENT.set(area);
		}
		return area;
	}

	/** Growing the buffer keeps nothing of what it held. */
	long address(int size) {
		if (size > this.buffer.capacity()) {
			allocate(size);
		}
		return this.address;
	}

	long copyIn(byte[] bytes, int length) {
		long address = address(length);
		this.buffer.put(0, bytes, 0, length);
		return address;
	}

	void copyOut(byte[] into, int length) {
		this.buffer.get(0, into, 0, length);
	}

	ByteBuffer bytes() {
		return this.buffer;
	}

	private void allocate(int size) {
		// From malloc: aligned for any type, such as struct stat's and epoll_event's.
		this.buffer = ByteBuffer.allocateDirect(size).order(ByteOrder.nativeOrder());
		this.address = this.gate.address(this.buffer);
	}

}
