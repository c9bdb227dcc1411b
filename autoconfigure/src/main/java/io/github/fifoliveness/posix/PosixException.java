package io.github.fifoliveness.posix;

import java.io.IOException;

/**
 * A system call failed. Carries the symbolic name of the error (such as {@code ENXIO})
 * so callers never handle errno numbers.
 */
public class PosixException extends IOException {

	private final String errorName;

	PosixException(String call, Object target, String errorName, String description) {
		super(call + "(" + target + ") failed: " + description + " (" + errorName + ")");
		this.errorName = errorName;
	}

	/**
	 * Return the symbolic name of the error, such as {@code EACCES}.
	 * @return the error name
	 */
	public String getErrorName() {
		return this.errorName;
	}

}
