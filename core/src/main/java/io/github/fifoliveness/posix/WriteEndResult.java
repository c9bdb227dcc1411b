package io.github.fifoliveness.posix;

import org.jspecify.annotations.Nullable;

/**
 * What opening the write end of a path without blocking found: one record per outcome,
 * each with what it alone knows.
 */
public sealed interface WriteEndResult {

	/**
	 * Return the write end kept open, when a reader is present and it was asked for (by
	 * {@link KernelEvents#holdWriteEnd}).
	 * @return the held end, or {@code null}
	 */
	default @Nullable OpenFile held() {
		return null;
	}

	/**
	 * A FIFO with at least one reader: the open succeeded.
	 *
	 * @param held the write end kept open, if asked for, else {@code null}
	 */
	record ReaderPresent(@Nullable OpenFile held) implements WriteEndResult {
	}

	/** A FIFO that nobody holds open for reading ({@code ENXIO}). */
	record NoReader() implements WriteEndResult {
	}

	/** Nothing at the path ({@code ENOENT}). */
	record Missing() implements WriteEndResult {
	}

	/** The caller may not open the path ({@code EACCES} or {@code EPERM}). */
	record AccessDenied() implements WriteEndResult {
	}

	/**
	 * Something other than a FIFO is at the path.
	 *
	 * @param foundType the kind of file found
	 */
	record NotAFifo(FileType foundType) implements WriteEndResult {
	}

	/**
	 * A FIFO owned by another user than the expected one; it was not trusted.
	 *
	 * @param ownerUid the FIFO's owner
	 */
	record ForeignOwner(int ownerUid) implements WriteEndResult {
	}

	/**
	 * Any other failure.
	 *
	 * @param errorName the error's name, such as {@code ELOOP}
	 * @param errorDescription the error's text
	 */
	record Failed(String errorName, String errorDescription) implements WriteEndResult {
	}

}
