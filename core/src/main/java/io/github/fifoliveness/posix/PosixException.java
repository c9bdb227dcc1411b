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

	/**
	 * Whether the call failed because nothing exists at the path ({@code ENOENT}).
	 * @return {@code true} for a missing file
	 */
	public boolean isMissing() {
		return "ENOENT".equals(this.errorName);
	}

	/**
	 * Whether the call failed because this process may not do it ({@code EACCES} or
	 * {@code EPERM}).
	 * @return {@code true} when permission was denied
	 */
	public boolean isAccessDenied() {
		return "EACCES".equals(this.errorName) || "EPERM".equals(this.errorName);
	}

	/**
	 * Whether the call failed because something already exists at the path
	 * ({@code EEXIST}).
	 * @return {@code true} when the path is taken
	 */
	public boolean isAlreadyExisting() {
		return "EEXIST".equals(this.errorName);
	}

	/**
	 * Whether the call refused to follow a symbolic link ({@code ELOOP}, as an open with
	 * {@code O_NOFOLLOW} answers when the path names a link).
	 * @return {@code true} when a symbolic link is in the way
	 */
	public boolean isSymbolicLink() {
		return "ELOOP".equals(this.errorName);
	}

	/**
	 * Whether the call failed because the file system is full ({@code ENOSPC}) or the
	 * user's quota is used up ({@code EDQUOT}).
	 * @return {@code true} when there is no space left
	 */
	public boolean isNoSpace() {
		return "ENOSPC".equals(this.errorName) || "EDQUOT".equals(this.errorName);
	}

	/**
	 * Return the symbolic name of the error, such as {@code EACCES}.
	 * @return the error name
	 */
	public String getErrorName() {
		return this.errorName;
	}

}
