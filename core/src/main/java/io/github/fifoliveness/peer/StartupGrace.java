package io.github.fifoliveness.peer;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The start-up grace of a set of names, peers or the members of a peer folder: one never
 * seen UP since the start is not DOWN until its grace has passed, so that a monitor
 * started before its peers pages no one. Every probe that finds a name UP ends its grace,
 * whoever made it: health requests, the gauge, the watcher and the poller share one. Safe
 * to use from any thread.
 */
final class StartupGrace {

	private static final Duration FOREVER = Duration.ofNanos(Long.MAX_VALUE / 4);

	private final Function<String, Duration> grace;

	private final LongSupplier clock;

	private final long start;

	private final Set<String> seenUp = ConcurrentHashMap.newKeySet();

	/**
	 * Create the grace of a set of names, starting now.
	 * @param grace each name's grace, zero for none
	 * @param clock the time, a {@link System#nanoTime()} value
	 */
	StartupGrace(Function<String, Duration> grace, LongSupplier clock) {
		this.grace = grace;
		this.clock = clock;
		this.start = clock.getAsLong();
	}

	/**
	 * Return a name's grace, as configured.
	 * @param name the name
	 * @return the grace, zero for none
	 */
	Duration grace(String name) {
		return this.grace.apply(name);
	}

	/**
	 * Note that a name was seen UP: its grace no longer applies.
	 * @param name the name
	 */
	void seenUp(String name) {
		// Only while a grace may still apply, so that the set stops growing once all
		// have passed.
		if (left(name).isPresent()) {
			this.seenUp.add(name);
		}
	}

	/**
	 * Return whether a name was seen UP while its grace applied.
	 * @param name the name
	 * @return whether it was
	 */
	boolean wasSeenUp(String name) {
		return this.seenUp.contains(name);
	}

	/**
	 * Forget that a name was seen UP, such as a member that left its folder.
	 * @param name the name
	 */
	void forget(String name) {
		this.seenUp.remove(name);
	}

	/**
	 * Return how long a name not seen UP yet is still not DOWN.
	 * @param name the name
	 * @return the time left, empty once the name was seen UP or its grace has passed
	 */
	Optional<Duration> left(String name) {
		return this.seenUp.contains(name) ? Optional.empty() : left(grace(name));
	}

	/**
	 * Return when a name's grace ends, by the clock this grace was given.
	 * @param name the name
	 * @return a {@link System#nanoTime()} value
	 */
	long end(String name) {
		return end(grace(name));
	}

	/**
	 * Return when a grace ends, by the clock this grace was given.
	 * @param grace the grace
	 * @return a {@link System#nanoTime()} value
	 */
	long end(Duration grace) {
		return this.start + nanos(grace);
	}

	/**
	 * Return how much of a grace is left since the start.
	 * @param grace the grace
	 * @return the time left, empty once it has passed
	 */
	Optional<Duration> left(Duration grace) {
		if (grace.isZero() || grace.isNegative()) {
			return Optional.empty();
		}
		long left = this.start + nanos(grace) - this.clock.getAsLong();
		return (left > 0) ? Optional.of(Duration.ofNanos(left)) : Optional.empty();
	}

	// Beyond about 70 years, a grace is as good as forever; its nanoseconds would
	// overflow.
	private static long nanos(Duration grace) {
		return (grace.compareTo(FOREVER) < 0) ? grace.toNanos() : FOREVER.toNanos();
	}

}
