package io.github.fifoliveness.posix;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.jspecify.annotations.Nullable;

/**
 * Reads the {@code struct inotify_event} records that one {@code read} of an inotify
 * descriptor returns: {@code int wd; uint32_t mask; uint32_t cookie; uint32_t len;}
 * followed by {@code len} bytes of NUL-padded name, in the platform's byte order.
 */
final class InotifyRecords {

	static final int IN_MODIFY = 0x2;

	static final int IN_ATTRIB = 0x4;

	static final int IN_CLOSE_WRITE = 0x8;

	static final int IN_OPEN = 0x20;

	static final int IN_MOVED_FROM = 0x40;

	static final int IN_MOVED_TO = 0x80;

	static final int IN_CREATE = 0x100;

	static final int IN_DELETE = 0x200;

	static final int IN_DELETE_SELF = 0x400;

	static final int IN_MOVE_SELF = 0x800;

	static final int IN_UNMOUNT = 0x2000;

	static final int IN_Q_OVERFLOW = 0x4000;

	static final int IN_IGNORED = 0x8000;

	static final int IN_ONLYDIR = 0x01000000;

	static final int IN_EXCL_UNLINK = 0x04000000;

	static final int IN_MASK_ADD = 0x20000000;

	static final int HEADER = 16;

	private final ByteBuffer buffer;

	private final int length;

	private int position;

	private int wd;

	private int mask;

	private @Nullable String name;

	InotifyRecords(byte[] bytes, int length) {
		this.buffer = ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder());
		this.length = length;
	}

	boolean next() {
		if (this.position + HEADER > this.length) {
			return false;
		}
		this.wd = this.buffer.getInt(this.position);
		this.mask = this.buffer.getInt(this.position + 4);
		int nameLength = this.buffer.getInt(this.position + 12);
		int start = this.position + HEADER;
		int end = start;
		while (end < start + nameLength && this.buffer.get(end) != 0) {
			end++;
		}
		this.name = (end > start) ? new String(this.buffer.array(), start, end - start, NativeCharset.get()) : null;
		this.position = start + nameLength;
		return true;
	}

	int wd() {
		return this.wd;
	}

	int mask() {
		return this.mask;
	}

	/** Return {@code null} for an event about the watched folder itself. */
	@Nullable String name() {
		return this.name;
	}

}
