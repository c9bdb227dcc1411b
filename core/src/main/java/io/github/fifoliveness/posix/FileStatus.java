package io.github.fifoliveness.posix;

/** What {@code stat} tells about one file. */
public record FileStatus(FileType type, long device, long inode, int ownerUid, int permissions) {

	/** Whether this status and another describe the same file: same device and inode. */
	public boolean isSameFileAs(FileStatus other) {
		return this.device == other.device && this.inode == other.inode;
	}

	/** Whether group or others have any permission bit. */
	public boolean isOpenToOthers() {
		return (this.permissions & 0077) != 0;
	}

}
