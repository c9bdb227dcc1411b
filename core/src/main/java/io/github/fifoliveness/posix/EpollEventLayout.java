package io.github.fifoliveness.posix;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The layout of {@code struct epoll_event} ({@code uint32_t events; uint64_t data}):
 * packed into 12 bytes on x86_64, where glibc declares it
 * {@code __attribute__((packed))}, and aligned to 16 bytes, the data at offset 8, on
 * aarch64.
 *
 * @param size the size of one event
 * @param dataOffset where the 64-bit data starts
 */
record EpollEventLayout(int size, int dataOffset) {

	static final EpollEventLayout PACKED = new EpollEventLayout(12, 4);

	static final EpollEventLayout ALIGNED = new EpollEventLayout(16, 8);

	/**
	 * Encode one event.
	 * @param events the event bits
	 * @param data the data the kernel hands back with it
	 * @return the structure's bytes
	 */
	byte[] encode(int events, long data) {
		ByteBuffer buffer = ByteBuffer.allocate(this.size).order(ByteOrder.nativeOrder());
		buffer.putInt(0, events).putLong(this.dataOffset, data);
		return buffer.array();
	}

	/**
	 * Return the event bits of the event at an index of an array of events.
	 * @param events the array's bytes
	 * @param index the index
	 * @return the event bits
	 */
	int events(ByteBuffer events, int index) {
		return events.getInt(index * this.size);
	}

	/**
	 * Return the data of the event at an index of an array of events.
	 * @param events the array's bytes
	 * @param index the index
	 * @return the data
	 */
	long data(ByteBuffer events, int index) {
		return events.getLong(index * this.size + this.dataOffset);
	}

}
