package io.github.fifoliveness.peer;

import java.time.Duration;

/** The rules of peer and peer folder grace periods: never negative, zero for none. */
public final class GracePeriods {

	private GracePeriods() {
	}

	/**
	 * Return how long a peer that was up must stay down before its DOWN is published.
	 * @throws IllegalArgumentException if it is negative
	 */
	public static Duration downAfter(Duration value) {
		return checked(value, "A grace period",
				"give 0 to publish every DOWN at once, or how long a peer must stay down first, such as 5s.");
	}

	/**
	 * Return how long after the monitor starts a peer not seen UP yet is not DOWN.
	 * @throws IllegalArgumentException if it is negative
	 */
	public static Duration startupGrace(Duration value) {
		return checked(value, "A start-up grace",
				"give 0 for none, or how long after the monitor starts a peer not seen UP yet is not DOWN, such as 30s.");
	}

	// Beyond 100 years the clock's nanosecond arithmetic would overflow (292 years).
	static Duration checked(Duration value, String what, String ifNegative) {
		if (value.isNegative()) {
			throw new IllegalArgumentException(what + " cannot be negative; " + ifNegative);
		}
		if (value.compareTo(Duration.ofDays(36_500)) > 0) {
			throw new IllegalArgumentException(what + " can be at most 36500d (100 years); give 0 for none.");
		}
		return value;
	}

}
