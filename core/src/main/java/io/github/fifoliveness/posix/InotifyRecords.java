package io.github.fifoliveness.posix;

/**
 * The inotify constants, and the size of a {@code struct inotify_event} without its name.
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

}
