package io.github.fifoliveness.posix;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.IntConsumer;

import org.jspecify.annotations.Nullable;

/**
 * Opens checked with {@code fstat} on what was opened. A path someone else may control is
 * opened only once {@code lstat} says what is there, so nothing else is ever opened.
 */
final class CheckedOpens {

	// Shared instances keep the common outcomes free of allocation.
	private static final WriteEndResult READER_PRESENT = new WriteEndResult.ReaderPresent(null);

	private static final WriteEndResult NO_READER = new WriteEndResult.NoReader();

	private static final WriteEndResult MISSING = new WriteEndResult.Missing();

	private static final WriteEndResult ACCESS_DENIED = new WriteEndResult.AccessDenied();

	private final Syscalls syscalls;

	private final NativePosix posix;

	CheckedOpens(Syscalls syscalls, NativePosix posix) {
		this.syscalls = syscalls;
		this.posix = posix;
	}

	WriteEndResult openWriteEnd(NativePath path, int expectedOwner, IntConsumer release) {
		StatBuffer stat = new StatBuffer();
		int[] kept = { -1 };
		WriteEndResult result = openChecked(path, expectedOwner, stat, (fd) -> kept[0] = fd);
		return (kept[0] < 0) ? result
				: new WriteEndResult.ReaderPresent(new OpenFile(this.posix, kept[0], stat.toFileStatus(), release));
	}

	WriteEndResult openChecked(NativePath path, int expectedOwner, StatBuffer stat, @Nullable IntConsumer keeper) {
		// lstat: a symbolic link here is not the peer's FIFO, whoever owns its target.
		int statResult = this.syscalls.stat(path.bytes(), false, stat);
		if (statResult < 0) {
			int errno = -statResult;
			if (errno == PosixConstants.ENOENT) {
				return MISSING;
			}
			return (errno == PosixConstants.EACCES) ? ACCESS_DENIED : failed(errno);
		}
		WriteEndResult refused = refuseUnlessFifoOf(stat, expectedOwner);
		if (refused != null) {
			return refused;
		}
		int fd = open(path, PosixConstants.WRITE_END_FLAGS, 0);
		if (fd < 0) {
			int errno = -fd;
			if (errno == PosixConstants.ENXIO) {
				return NO_READER;
			}
			if (errno == PosixConstants.ENOENT) {
				return MISSING;
			}
			if (errno == PosixConstants.EACCES || errno == PosixConstants.EPERM) {
				return ACCESS_DENIED;
			}
			// The FIFO was swapped for another file between stat and open.
			if (errno == PosixConstants.EISDIR) {
				return new WriteEndResult.NotAFifo(FileType.DIRECTORY);
			}
			return failed(errno);
		}
		int result = this.syscalls.fstat(fd, stat);
		refused = (result < 0) ? failed(-result) : refuseUnlessFifoOf(stat, expectedOwner);
		if (refused != null || keeper == null) {
			this.syscalls.close(fd);
		}
		else {
			keeper.accept(fd);
		}
		return (refused != null) ? refused : READER_PRESENT;
	}

	private static @Nullable WriteEndResult refuseUnlessFifoOf(StatBuffer stat, int expectedOwner) {
		FileType type = stat.type();
		if (type != FileType.FIFO) {
			return new WriteEndResult.NotAFifo(type);
		}
		if (expectedOwner != NativePosix.ANY_OWNER && stat.ownerUid != expectedOwner) {
			return new WriteEndResult.ForeignOwner(stat.ownerUid);
		}
		return null;
	}

	SmallFile readSmallFile(Path path, int maxBytes) throws PosixException {
		NativePath nativePath = NativePath.of(path);
		StatBuffer stat = new StatBuffer();
		int result = this.syscalls.stat(nativePath.bytes(), false, stat);
		if (result < 0) {
			throw PosixException.of("stat", path, -result);
		}
		if (stat.type() != FileType.REGULAR_FILE) {
			return new SmallFile(stat.toFileStatus(), modified(stat), null);
		}
		int fd = open(nativePath, PosixConstants.READ_ONLY_FLAGS, 0);
		if (fd < 0) {
			throw PosixException.of("open", path, -fd);
		}
		try {
			result = this.syscalls.fstat(fd, stat);
			if (result < 0) {
				throw PosixException.of("fstat", path, -result);
			}
			if (stat.type() != FileType.REGULAR_FILE) {
				return new SmallFile(stat.toFileStatus(), modified(stat), null);
			}
			byte[] buffer = new byte[maxBytes];
			int read = this.syscalls.pread(fd, buffer, maxBytes, 0);
			if (read < 0) {
				throw PosixException.of("pread", path, -read);
			}
			return new SmallFile(stat.toFileStatus(), modified(stat), Arrays.copyOf(buffer, read));
		}
		finally {
			this.syscalls.close(fd);
		}
	}

	// For a beacon's own read end or lock file.
	OpenFile openAndStat(Path path, int flags, int permissions) throws PosixException {
		int fd = open(NativePath.of(path), flags, permissions);
		if (fd < 0) {
			throw PosixException.of("open", path, -fd);
		}
		StatBuffer stat = new StatBuffer();
		int result = this.syscalls.fstat(fd, stat);
		if (result < 0) {
			this.syscalls.close(fd);
			throw PosixException.of("fstat", path, -result);
		}
		return new OpenFile(this.posix, fd, stat.toFileStatus(), this.syscalls::close);
	}

	// Returns the descriptor, or -errno, as Syscalls does.
	int open(NativePath path, int flags, int permissions) {
		int fd;
		do {
			fd = this.syscalls.open(path.bytes(), flags, permissions);
		}
		while (fd == -PosixConstants.EINTR);
		return fd;
	}

	private static WriteEndResult failed(int errno) {
		return new WriteEndResult.Failed(PosixConstants.errorName(errno), PosixConstants.errorDescription(errno));
	}

	private static Instant modified(StatBuffer stat) {
		return Instant.ofEpochSecond(stat.modifiedSeconds);
	}

}
