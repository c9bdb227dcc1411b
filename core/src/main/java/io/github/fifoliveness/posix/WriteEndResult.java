package io.github.fifoliveness.posix;

import org.jspecify.annotations.Nullable;

/**
 * The result of opening the write end of a path and closing it at once.
 *
 * @param outcome what happened
 * @param foundType the kind of file found when the outcome is
 * {@link WriteEndOutcome#NOT_A_FIFO}, else {@code null}
 * @param ownerUid the owner of the FIFO found when the outcome is
 * {@link WriteEndOutcome#FOREIGN_OWNER}, else {@code null}
 * @param errorName the error name, such as {@code ELOOP}, when the outcome is
 * {@link WriteEndOutcome#FAILED}, else {@code null}
 * @param errorDescription the error's text when the outcome is
 * {@link WriteEndOutcome#FAILED}, else {@code null}
 * @param held the write end kept open when the outcome is
 * {@link WriteEndOutcome#READER_PRESENT} and it was asked for (by
 * {@link KernelEvents#holdWriteEnd}), else {@code null}
 */
public record WriteEndResult(WriteEndOutcome outcome, @Nullable FileType foundType, @Nullable Integer ownerUid,
		@Nullable String errorName, @Nullable String errorDescription, @Nullable OpenFile held) {

	// Shared instances keep the common outcomes free of allocation.
	static final WriteEndResult READER_PRESENT = new WriteEndResult(WriteEndOutcome.READER_PRESENT, null, null, null,
			null, null);

	static final WriteEndResult NO_READER = new WriteEndResult(WriteEndOutcome.NO_READER, null, null, null, null, null);

	static final WriteEndResult MISSING = new WriteEndResult(WriteEndOutcome.MISSING, null, null, null, null, null);

	static final WriteEndResult ACCESS_DENIED = new WriteEndResult(WriteEndOutcome.ACCESS_DENIED, null, null, null,
			null, null);

	static WriteEndResult notAFifo(FileType foundType) {
		return new WriteEndResult(WriteEndOutcome.NOT_A_FIFO, foundType, null, null, null, null);
	}

	static WriteEndResult foreignOwner(int ownerUid) {
		return new WriteEndResult(WriteEndOutcome.FOREIGN_OWNER, FileType.FIFO, ownerUid, null, null, null);
	}

	WriteEndResult holding(OpenFile held) {
		return new WriteEndResult(this.outcome, this.foundType, this.ownerUid, this.errorName, this.errorDescription,
				held);
	}

	static WriteEndResult failed(String errorName, String errorDescription) {
		return new WriteEndResult(WriteEndOutcome.FAILED, null, null, errorName, errorDescription, null);
	}

}
