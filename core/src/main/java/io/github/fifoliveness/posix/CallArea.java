package io.github.fifoliveness.posix;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One thread's native memory for its system calls: a direct buffer that grows to the
 * largest request, never pinned Java arrays, since some calls block. One per thread, in a
 * static thread local, so that it stays reachable during every call, whoever makes it;
 * the garbage collector frees it once its thread is gone.
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

	/**
	 * Return the calling thread's area, creating it on first use. Any gate gives a direct
	 * buffer's true address, so one area serves both.
	 * @param gate the gate that finds its address
	 * @return the area
	 */
	static CallArea current(SyscallGate gate) {
		CallArea area = CURRENT.get();
		if (area == null) {
			area = new CallArea(gate, INITIAL_CAPACITY);
			CURRENT.set(area);
		}
		return area;
	}

	/**
	 * Return the buffer's address, growing it first if it is smaller than asked; growing
	 * keeps nothing of what it held.
	 * @param size the bytes needed
	 * @return the address
	 */
	long address(int size) {
		if (size > this.buffer.capacity()) {
			allocate(size);
		}
		return this.address;
	}

	/**
	 * Copy bytes to the buffer's start.
	 * @param bytes the bytes
	 * @param length how many of them
	 * @return the buffer's address
	 */
	long copyIn(byte[] bytes, int length) {
		long address = address(length);
		this.buffer.put(0, bytes, 0, length);
		return address;
	}

	/**
	 * Copy bytes from the buffer's start.
	 * @param into where to
	 * @param length how many
	 */
	void copyOut(byte[] into, int length) {
		this.buffer.get(0, into, 0, length);
	}

	/**
	 * Return the buffer, in the platform's byte order, to read what a call wrote.
	 * @return the buffer
	 */
	ByteBuffer bytes() {
		return this.buffer;
	}

	private void allocate(int size) {
		// From malloc: aligned for any type, such as struct stat's and epoll_event's.
		this.buffer = ByteBuffer.allocateDirect(size).order(ByteOrder.nativeOrder());
		this.address = this.gate.address(this.buffer);
	}

}
