package io.github.fifoliveness.posix;

/**
 * What happened when the write end of a path was opened without blocking.
 */
public enum WriteEndOutcome {

	/** A FIFO with at least one reader: the open succeeded. */
	READER_PRESENT,

	/** A FIFO that nobody holds open for reading ({@code ENXIO}). */
	NO_READER,

	/** Nothing at the path ({@code ENOENT}). */
	MISSING,

	/** Something other than a FIFO is at the path. */
	NOT_A_FIFO,

	/** A FIFO owned by another user than the expected one; it was not trusted. */
	FOREIGN_OWNER,

	/** The caller may not open the path ({@code EACCES} or {@code EPERM}). */
	ACCESS_DENIED,

	/** Any other failure; the result names the error. */
	FAILED

}
