package io.github.fifoliveness.posix;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * {@code struct epoll_event} ({@code uint32_t events; uint64_t data}): 12 bytes on
 * x86_64, packed by glibc's {@code __attribute__((packed))}; 16 on aarch64, the data
 * aligned at offset 8.
 */
record EpollEventLayout(int size, int dataOffset) {

	static final EpollEventLayout PACKED = new EpollEventLayout(12, 4);

	static final EpollEventLayout ALIGNED = new EpollEventLayout(16, 8);

	byte[] encode(int events, long data) {
		ByteBuffer buffer = ByteBuffer.allocate(this.size).order(ByteOrder.nativeOrder());
		buffer.putInt(0, events).putLong(this.dataOffset, data);
		return buffer.array();
	}

	long data(ByteBuffer events, int index) {
		return events.getLong(index * this.size + this.dataOffset);
	}

}
