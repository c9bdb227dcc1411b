package io.github.fifoliveness.peer;

import org.jspecify.annotations.Nullable;

/**
 * A change in a peer folder, as a {@link PeerFolderListener} is told of it.
 *
 * @param member the member's name, {@code null} for a change of the quorum
 * @param result the member's probe result, {@code null} when it left or for the quorum
 * @param up how many members are up, as published, after the change
 */
public record PeerFolderChange(String folder, Kind kind, @Nullable String member, @Nullable ProbeResult result, int up,
		int members, int minUp) {

	/** Whether at least {@link #minUp()} members are up after the change. */
	public boolean quorum() {
		return this.up >= this.minUp;
	}

	/** What changed in a peer folder. */
	public enum Kind {

		/** A member's FIFO appeared; its result says whether it is up. */
		MEMBER_JOINED,

		/**
		 * A member's FIFO is no longer in the folder, as after a clean stop, or is no
		 * member's any more: not a failure.
		 */
		MEMBER_LEFT,

		/** A member that was down is up again. */
		MEMBER_UP,

		/** A member went down, or is down for another reason now. */
		MEMBER_DOWN,

		/** At least {@code min-up} members are up: at startup, or again. */
		QUORUM_HELD,

		/**
		 * Fewer than {@code min-up} members are up: at startup (or, with a start-up
		 * grace, once it has passed without the quorum held), or since now.
		 */
		QUORUM_LOST

	}

}
