package io.github.fifoliveness.peer;

import java.time.Duration;

/**
 * Limits the lines logged for one peer's changes, so that a crash loop cannot bury the
 * rest of the log: beyond {@link #MAX_LINES} in a {@link #WINDOW}, changes are counted,
 * with a count line once per window and a last one once the peer holds still for a
 * window. Times are {@link System#nanoTime()} values.
 */
final class ChangeLines {

	// A clean restart logs three lines (MISSING, NO_READER, UP): two restarts log all.
	static final int MAX_LINES = 6;

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

	// Notes a change: false when it is counted instead of logged.
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

	boolean isLimited() {
		return this.limited;
	}

	// Only while limited.
	long due() {
		return (this.countDue - this.stillDue < 0) ? this.countDue : this.stillDue;
	}

	// Changes not logged since the last count line, if one is due now, else -1.
	long countLine(long now) {
		if (!this.limited || now - this.stillDue >= 0 || now - this.countDue < 0) {
			return -1;
		}
		long count = this.notLogged;
		this.notLogged = 0;
		this.countDue = now + WINDOW_NANOS;
		return count;
	}

	// The same once the peer has held still for the window, ending the limit; else -1.
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
