package io.github.fifoliveness.posix;

import java.nio.file.Path;
import java.util.Arrays;

/** A path encoded once as the NUL-terminated bytes that system calls take. */
public final class NativePath {

	private final Path path;

	private final byte[] bytes;

	private NativePath(Path path, byte[] bytes) {
		this.path = path;
		this.bytes = bytes;
	}

	/** Encode a path the way the JDK does for its own file system calls. */
	public static NativePath of(Path path) {
		byte[] encoded = path.toString().getBytes(NativePosix.fileNameCharset());
		return new NativePath(path, Arrays.copyOf(encoded, encoded.length + 1));
	}

	/** Return the path. */
	public Path path() {
		return this.path;
	}

	byte[] bytes() {
		return this.bytes;
	}

	@Override
	public String toString() {
		return this.path.toString();
	}

}
