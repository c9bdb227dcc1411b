package io.github.fifoliveness.peer;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * What {@link PeerStatusTracker} has told about one peer, as against what is true: the
 * result last published, a DOWN held back until a deadline, and the limit on its log
 * lines. Confined to the thread that records results.
 */
final class PeerReport {

	private final ChangeLines lines = new ChangeLines();

	private @Nullable ProbeResult published;

	private @Nullable ProbeResult heldBack;

	private long heldBackUntil;

	@Nullable ProbeResult published() {
		return this.published;
	}

	void published(ProbeResult result) {
		this.published = result;
		this.heldBack = null;
	}

	ChangeLines lines() {
		return this.lines;
	}

	/**
	 * Hold back a DOWN; a later reason replaces the earlier one but keeps its deadline.
	 */
	void holdBack(ProbeResult result, long until) {
		if (this.heldBack == null) {
			this.heldBackUntil = until;
		}
		this.heldBack = result;
	}

	Optional<Long> heldBackUntil() {
		return (this.heldBack != null) ? Optional.of(this.heldBackUntil) : Optional.empty();
	}

	void dropHeldBack() {
		this.heldBack = null;
	}

	/** Return the held-back DOWN if its deadline has passed, else {@code null}. */
	@Nullable ProbeResult heldBackDue(long now) {
		return (this.heldBack != null && now - this.heldBackUntil >= 0) ? this.heldBack : null;
	}

	/** Whether something is due later: a held-back DOWN or a log line. */
	boolean isWaiting() {
		return this.heldBack != null || this.lines.isLimited();
	}

	/** Return when the next thing is due; only while {@link #isWaiting() waiting}. */
	long due() {
		if (this.heldBack == null) {
			return this.lines.due();
		}
		if (!this.lines.isLimited()) {
			return this.heldBackUntil;
		}
		long lines = this.lines.due();
		return (this.heldBackUntil - lines < 0) ? this.heldBackUntil : lines;
	}

}
