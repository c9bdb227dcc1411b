package io.github.fifoliveness.peer;

import java.time.Duration;

/**
 * Limits the lines logged for one peer's changes: at most {@link #MAX_LINES} in any
 * {@link #WINDOW}. Beyond that it counts the changes instead, asks for a line with the
 * count once per window while they go on, and for a last line once the peer has held
 * still for a window. A crash loop or a toggling script must not bury the rest of the
 * log. Times are {@link System#nanoTime()} values.
 */
final class ChangeLines {

	/**
	 * How many change lines a peer may log in any window: a clean restart needs three
	 * (MISSING, NO_READER, UP), so two restarts still log every line.
	 */
	static final int MAX_LINES = 6;

	/**
	 * The window over which lines are counted, and how long a peer must hold still to be
	 * logged again.
	 */
	static final Duration WINDOW = Duration.ofSeconds(10);

	private static final long WINDOW_NANOS = WINDOW.toNanos();

	// When the last lines were logged, oldest at next once full.
	private final long[] logged = new long[MAX_LINES];

	private int next;

	private int size;

	private boolean limited;

	private long notLogged;

	private long countDue;

	private long stillDue;

	/**
	 * Note a change and say whether to log its line.
	 * @param now the time of the change
	 * @return {@code true} to log it, {@code false} when it is counted instead
	 */
	boolean log(long now) {
		if (!this.limited && this.size == MAX_LINES && now - this.logged[this.next] < WINDOW_NANOS) {
			this.limited = true;
			this.countDue = now + WINDOW_NANOS;
		}
		if (this.limited) {
			this.notLogged++;
			this.stillDue = now + WINDOW_NANOS;
			return false;
		}
		this.logged[this.next] = now;
		this.next = (this.next + 1) % MAX_LINES;
		this.size = Math.min(this.size + 1, MAX_LINES);
		return true;
	}

	/**
	 * Whether changes are counted rather than logged, so that a line is due later.
	 * @return {@code true} while limited
	 */
	boolean isLimited() {
		return this.limited;
	}

	/**
	 * Return when the next line is due; only while {@link #isLimited() limited}.
	 * @return the time
	 */
	long due() {
		return (this.countDue - this.stillDue < 0) ? this.countDue : this.stillDue;
	}

	/**
	 * Return how many changes went unlogged since the last line with a count, if that
	 * line is due now.
	 * @param now the time now
	 * @return the count, or {@code -1} when no such line is due
	 */
	long countLine(long now) {
		if (!this.limited || now - this.stillDue >= 0 || now - this.countDue < 0) {
			return -1;
		}
		long count = this.notLogged;
		this.notLogged = 0;
		this.countDue = now + WINDOW_NANOS;
		return count;
	}

	/**
	 * Return how many changes went unlogged since the last line with a count, if the peer
	 * has held still for the window now; its changes are logged again after that.
	 * @param now the time now
	 * @return the count, or {@code -1} when the peer has not held still for the window
	 */
	long stillLine(long now) {
		if (!this.limited || now - this.stillDue < 0) {
			return -1;
		}
		long count = this.notLogged;
		this.limited = false;
		this.notLogged = 0;
		this.size = 0;
		return count;
	}

}
