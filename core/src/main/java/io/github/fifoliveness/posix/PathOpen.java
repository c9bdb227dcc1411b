package io.github.fifoliveness.posix;

import jnr.ffi.annotations.In;

/**
 * libc's {@code open} taking the path as bytes, so that a repeated probe encodes its path
 * once, not on every call as jnr-posix's {@code CharSequence} signature does.
 */
public interface PathOpen {

	/** {@code open(2)}: the descriptor, or -1 with errno set. */
	int open(@In byte[] path, int flags, int mode);

}
