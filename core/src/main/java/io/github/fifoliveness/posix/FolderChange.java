package io.github.fifoliveness.posix;

import org.jspecify.annotations.Nullable;

/** What inotify reported about a file in a watched folder. */
public enum FolderChange {

	/** A file was created in the folder ({@code IN_CREATE}). */
	CREATED,

	/** A file was deleted from the folder ({@code IN_DELETE}). */
	DELETED,

	/** A file was renamed into the folder, or within it ({@code IN_MOVED_TO}). */
	MOVED_IN,

	/** A file was renamed away from this name ({@code IN_MOVED_FROM}). */
	MOVED_OUT,

	/**
	 * The file was opened ({@code IN_OPEN}). For a FIFO a reader exists then, unless the
	 * opener closes it at once, as a probe does ({@link #CLOSED_AFTER_WRITING} follows).
	 */
	OPENED,

	/** A descriptor opened for writing was closed ({@code IN_CLOSE_WRITE}). */
	CLOSED_AFTER_WRITING,

	/** The file's permissions, owner or times changed ({@code IN_ATTRIB}). */
	ATTRIBUTES_CHANGED;

	static @Nullable FolderChange of(int mask) {
		if ((mask & InotifyRecords.IN_OPEN) != 0) {
			return OPENED;
		}
		if ((mask & InotifyRecords.IN_CLOSE_WRITE) != 0) {
			return CLOSED_AFTER_WRITING;
		}
		if ((mask & InotifyRecords.IN_CREATE) != 0) {
			return CREATED;
		}
		if ((mask & InotifyRecords.IN_DELETE) != 0) {
			return DELETED;
		}
		if ((mask & InotifyRecords.IN_MOVED_TO) != 0) {
			return MOVED_IN;
		}
		if ((mask & InotifyRecords.IN_MOVED_FROM) != 0) {
			return MOVED_OUT;
		}
		return ((mask & InotifyRecords.IN_ATTRIB) != 0) ? ATTRIBUTES_CHANGED : null;
	}

}
