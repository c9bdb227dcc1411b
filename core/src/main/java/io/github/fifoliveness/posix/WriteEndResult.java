package io.github.fifoliveness.posix;

import org.jspecify.annotations.Nullable;

/** What opening the write end of a path without blocking found. */
public sealed interface WriteEndResult {

	/** The write end kept open, if {@link KernelEvents#holdWriteEnd} asked for it. */
	default @Nullable OpenFile held() {
		return null;
	}

	/** A FIFO with at least one reader: the open succeeded. */
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

	/** Something other than a FIFO is at the path. */
	record NotAFifo(FileType foundType) implements WriteEndResult {
	}

	/** A FIFO owned by another user than the expected one; it was not trusted. */
	record ForeignOwner(int ownerUid) implements WriteEndResult {
	}

	/** Any other failure, with the error's name, such as {@code ELOOP}, and text. */
	record Failed(String errorName, String errorDescription) implements WriteEndResult {
	}

}
