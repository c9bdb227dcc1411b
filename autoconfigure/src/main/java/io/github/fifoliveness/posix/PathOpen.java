package io.github.fifoliveness.posix;

import jnr.ffi.annotations.In;

/**
 * libc's {@code open} taking the path as bytes encoded once, so that a probe repeated
 * thousands of times does not encode its path on every call the way jnr-posix's
 * {@code CharSequence} signature does.
 */
public interface PathOpen {

	/**
	 * {@code open(2)}.
	 * @param path the path, NUL-terminated
	 * @param flags the open flags
	 * @param mode the mode for a created file
	 * @return the descriptor, or -1 with errno set
	 */
	int open(@In byte[] path, int flags, int mode);

}
