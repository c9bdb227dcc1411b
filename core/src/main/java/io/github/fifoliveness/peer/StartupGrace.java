package io.github.fifoliveness.peer;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The start-up grace of peers or folder members: one never seen UP since the start is not
 * DOWN until its grace has passed, so a monitor started before its peers pages no one.
 * Any probe that sees a name UP ends its grace. Safe to use from any thread.
 */
final class StartupGrace {

	private static final Duration FOREVER = Duration.ofNanos(Long.MAX_VALUE / 4);

	private final Function<String, Duration> grace;

	private final LongSupplier clock;

	private final long start;

	private final Set<String> seenUp = ConcurrentHashMap.newKeySet();

	// The grace starts now, by a clock of System.nanoTime() values.
	StartupGrace(Function<String, Duration> grace, LongSupplier clock) {
		this.grace = grace;
		this.clock = clock;
		this.start = clock.getAsLong();
	}

	Duration grace(String name) {
		return this.grace.apply(name);
	}

	// Only while a grace may apply, so the set stops growing once all have passed.
	void seenUp(String name) {
		if (left(name).isPresent()) {
			this.seenUp.add(name);
		}
	}

	boolean wasSeenUp(String name) {
		return this.seenUp.contains(name);
	}

	void forget(String name) {
		this.seenUp.remove(name);
	}

	Optional<Duration> left(String name) {
		return this.seenUp.contains(name) ? Optional.empty() : left(grace(name));
	}

	long end(Duration grace) {
		return this.start + nanos(grace);
	}

	Optional<Duration> left(Duration grace) {
		if (grace.isZero() || grace.isNegative()) {
			return Optional.empty();
		}
		long left = this.start + nanos(grace) - this.clock.getAsLong();
		return (left > 0) ? Optional.of(Duration.ofNanos(left)) : Optional.empty();
	}

	// Beyond about 70 years a grace is as good as forever, and its nanoseconds overflow.
	private static long nanos(Duration grace) {
		return (grace.compareTo(FOREVER) < 0) ? grace.toNanos() : FOREVER.toNanos();
	}

}
