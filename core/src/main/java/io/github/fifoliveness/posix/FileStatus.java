package io.github.fifoliveness.posix;

/**
 * What {@code stat} tells about one file.
 *
 * @param type the kind of file
 * @param device the device that holds the file
 * @param inode the file's inode on that device
 * @param ownerUid the numeric id of the file's owner
 * @param permissions the permission bits, such as {@code 0600}
 */
public record FileStatus(FileType type, long device, long inode, int ownerUid, int permissions) {

	/**
	 * Whether this status and another describe the same file (same device and inode).
	 * @param other the other status
	 * @return {@code true} for the same file
	 */
	public boolean isSameFileAs(FileStatus other) {
		return this.device == other.device && this.inode == other.inode;
	}

	/**
	 * Whether users other than the owner have any permission bit.
	 * @return {@code true} when group or other bits are set
	 */
	public boolean isOpenToOthers() {
		return (this.permissions & 0077) != 0;
	}

}
