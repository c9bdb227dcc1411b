package io.github.fifoliveness.posix;

/**
 * The fields of {@code struct stat} that fifo-liveness reads, filled in by
 * {@link Syscalls#fstat} and {@link Syscalls#stat}. Mutable and reused per thread, so a
 * probe allocates nothing.
 */
final class StatBuffer {

	private static final ThreadLocal<StatBuffer> PER_THREAD = ThreadLocal.withInitial(StatBuffer::new);

	long device;

	long inode;

	int mode;

	int ownerUid;

	long modifiedSeconds;

	static StatBuffer perThread() {
		return PER_THREAD.get();
	}

	FileType type() {
		return FileType.fromMode(this.mode);
	}

	FileStatus toFileStatus() {
		return new FileStatus(type(), this.device, this.inode, this.ownerUid, this.mode & 07777);
	}

}
