package io.github.fifoliveness.posix;

import java.io.IOException;

/**
 * A system call failed. Carries the symbolic name of the error (such as {@code ENXIO}) so
 * callers never handle errno numbers.
 */
public class PosixException extends IOException {

	private final String errorName;

	PosixException(String call, Object target, String errorName, String description) {
		super(call + "(" + target + ") failed: " + description + " (" + errorName + ")");
		this.errorName = errorName;
	}

	static PosixException of(String call, Object target, int errno) {
		return new PosixException(call, target, PosixConstants.errorName(errno),
				PosixConstants.errorDescription(errno));
	}

	/** Whether the call failed because nothing exists at the path ({@code ENOENT}). */
	public boolean isMissing() {
		return "ENOENT".equals(this.errorName);
	}

	/** Whether this process may not make the call ({@code EACCES} or {@code EPERM}). */
	public boolean isAccessDenied() {
		return "EACCES".equals(this.errorName) || "EPERM".equals(this.errorName);
	}

	/** Whether something already exists at the path ({@code EEXIST}). */
	public boolean isAlreadyExisting() {
		return "EEXIST".equals(this.errorName);
	}

	/**
	 * Whether the call refused to follow a symbolic link ({@code ELOOP}, as an open with
	 * {@code O_NOFOLLOW} answers when the path names a link).
	 */
	public boolean isSymbolicLink() {
		return "ELOOP".equals(this.errorName);
	}

	/**
	 * Whether the file system is full ({@code ENOSPC}) or the user's quota is used up
	 * ({@code EDQUOT}).
	 */
	public boolean isNoSpace() {
		return "ENOSPC".equals(this.errorName) || "EDQUOT".equals(this.errorName);
	}

	/** Return the symbolic name of the error, such as {@code EACCES}. */
	public String getErrorName() {
		return this.errorName;
	}

}
