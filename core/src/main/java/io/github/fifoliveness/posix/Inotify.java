package io.github.fifoliveness.posix;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/** The inotify instance of a {@link KernelEvents} set. Not thread-safe. */
public final class Inotify {

	// A busy folder is drained in a few reads at most.
	private static final int MAX_READS = 64;

	private static final int FOLDER_MASK = InotifyRecords.IN_CREATE | InotifyRecords.IN_DELETE
			| InotifyRecords.IN_MOVED_FROM | InotifyRecords.IN_MOVED_TO | InotifyRecords.IN_OPEN
			| InotifyRecords.IN_CLOSE_WRITE | InotifyRecords.IN_ATTRIB | InotifyRecords.IN_DELETE_SELF
			| InotifyRecords.IN_MOVE_SELF | InotifyRecords.IN_ONLYDIR | InotifyRecords.IN_EXCL_UNLINK;

	// A parent watched for one of its folders: no opens or writes of its other files, and
	// added to what another watch of the same folder reports (a full mask replaces it).
	private static final int NAMES_MASK = InotifyRecords.IN_CREATE | InotifyRecords.IN_DELETE
			| InotifyRecords.IN_MOVED_FROM | InotifyRecords.IN_MOVED_TO | InotifyRecords.IN_DELETE_SELF
			| InotifyRecords.IN_MOVE_SELF | InotifyRecords.IN_ONLYDIR | InotifyRecords.IN_MASK_ADD;

	private static final int FOLDER_GONE = InotifyRecords.IN_IGNORED | InotifyRecords.IN_DELETE_SELF
			| InotifyRecords.IN_MOVE_SELF | InotifyRecords.IN_UNMOUNT;

	private final TableSyscalls calls;

	private final NativePosix posix;

	private final int fd;

	private final byte[] records = new byte[64 * 1024];

	private final ByteBuffer view = ByteBuffer.wrap(this.records).order(ByteOrder.nativeOrder());

	Inotify(TableSyscalls calls, NativePosix posix, int fd) {
		this.calls = calls;
		this.posix = posix;
		this.fd = fd;
	}

	/**
	 * Watch a folder for changes to its files; watching it again returns the same id.
	 * @throws PosixException if it cannot be watched: {@code ENOENT} or {@code ENOTDIR}
	 * when it does not exist (callers then watch an ancestor), {@code EACCES} when this
	 * user may not read it, {@code ENOSPC} when the user's inotify watches are used up
	 */
	public FolderWatch watch(Path folder) throws PosixException {
		return watch(folder, FOLDER_MASK);
	}

	/**
	 * Watch a folder only for files created, deleted or renamed in it, and for whatever
	 * another watch of the same folder reports.
	 */
	public FolderWatch watchNames(Path folder) throws PosixException {
		return watch(folder, NAMES_MASK);
	}

	private FolderWatch watch(Path folder, int mask) throws PosixException {
		NativePath path = NativePath.of(folder);
		// Before the watch: a mount in between makes isStillAt say false, never true.
		FileStatus status = statusFollowingLinks(path);
		int wd = this.calls.inotifyAddWatch(this.fd, path.bytes(), mask);
		if (wd < 0) {
			throw PosixException.of("inotify_add_watch", folder, -wd);
		}
		return new FolderWatch(wd, folder, status);
	}

	/**
	 * Whether a watch's path still names the watched folder, following a link as the
	 * watch did; a mount over the path or an unmount from under it makes it name another.
	 */
	public boolean isStillAt(FolderWatch watch) {
		FileStatus now = statusFollowingLinks(NativePath.of(watch.folder()));
		return now != null && watch.status() != null && now.isSameFileAs(watch.status());
	}

	/**
	 * Stop watching a folder. Events already queued may still name it, and
	 * {@link KernelEventHandler#folderGone(int)} may still report it once the kernel has
	 * removed it, so handlers ignore ids they no longer know.
	 */
	public void unwatch(FolderWatch watch) {
		// EINVAL: the kernel removed it already (the folder was deleted).
		int result = this.calls.inotifyRmWatch(this.fd, watch.id());
		if (result < 0 && result != -PosixConstants.EINVAL) {
			throw new IllegalStateException(PosixException.of("inotify_rm_watch", watch.folder(), -result));
		}
	}

	void read(KernelEventHandler handler) throws PosixException {
		for (int reads = 0; reads < MAX_READS; reads++) {
			int length = this.calls.read(this.fd, this.records);
			if (length == -PosixConstants.EWOULDBLOCK) {
				return;
			}
			if (length == -PosixConstants.EINTR) {
				continue;
			}
			if (length < 0) {
				throw PosixException.of("read", "inotify", -length);
			}
			// struct inotify_event: int wd; uint32_t mask, cookie, len; len bytes of
			// NUL-padded name.
			for (int at = 0; at + InotifyRecords.HEADER <= length;) {
				int start = at + InotifyRecords.HEADER;
				int nameEnd = start + this.view.getInt(at + 12);
				int end = start;
				while (end < nameEnd && this.records[end] != 0) {
					end++;
				}
				String name = (end > start)
						? new String(this.records, start, end - start, NativePosix.fileNameCharset()) : null;
				report(this.view.getInt(at), this.view.getInt(at + 4), name, handler);
				at = nameEnd;
			}
		}
	}

	private static void report(int wd, int mask, @Nullable String name, KernelEventHandler handler) {
		if ((mask & InotifyRecords.IN_Q_OVERFLOW) != 0) {
			handler.eventsLost();
		}
		else if ((mask & FOLDER_GONE) != 0) {
			handler.folderGone(wd);
		}
		else if (name == null && (mask & InotifyRecords.IN_ATTRIB) != 0) {
			handler.folderAttributesChanged(wd);
		}
		else if (name != null) {
			FolderChange change = FolderChange.of(mask);
			if (change != null) {
				handler.folderChanged(wd, name, change);
			}
		}
	}

	// Closing the instance removes its watches.
	void close() {
		this.calls.close(this.fd);
	}

	// As inotify_add_watch resolves a folder: following a symbolic link there.
	private @Nullable FileStatus statusFollowingLinks(NativePath path) {
		StatBuffer stat = StatBuffer.perThread();
		return (this.posix.syscalls().stat(path.bytes(), true, stat) == 0) ? stat.toFileStatus() : null;
	}

}
