package io.github.fifoliveness.posix;

import jnr.ffi.annotations.In;

/**
 * libc's {@code open} taking the path as bytes, so that a probe repeated thousands of
 * times encodes its path once rather than on every call, as jnr-posix's
 * {@code CharSequence} signature does. Every open goes through it.
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
