package io.github.fifoliveness.peer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Remembers each peer's last probe result and, on every change of its status or down
 * reason, logs it and tells the listener. Watched and polled peers go through it alike,
 * so both report exactly the same transitions.
 * <p>
 * A peer's {@link Peers#downAfter(String) grace period} holds back a DOWN after UP until
 * the peer has stayed down that long, and its {@link StartupGrace start-up grace} holds
 * back a first result that is not alive; every change from UP to DOWN is {@link PeerDowns
 * counted} at once all the same; a peer back UP within its grace period publishes
 * nothing. The recording thread calls {@link #tick()} by {@link #due()} for what is due
 * later. Every change published is an event, but log lines are {@link ChangeLines
 * limited}. Results are recorded by one thread at a time and may be read from any.
 */
final class PeerStatusTracker {

	private final Logger logger;

	private final PeerStatusListener listener;

	private final Function<String, Duration> downAfter;

	private final Function<String, @Nullable PeerDowns> downs;

	private final Function<String, String> subject;

	// Null where each peer's lines are limited on their own.
	private final @Nullable ChangeLog changeLog;

	private final LongSupplier clock;

	private final StartupGrace startupGrace;

	private final Map<String, ProbeResult> last = new ConcurrentHashMap<>();

	private final Map<String, PeerReport> reports = new HashMap<>();

	// The peers with something due later, so that ticks never walk every peer.
	private final Set<String> waiting = new LinkedHashSet<>();

	PeerStatusTracker(Logger logger, PeerStatusListener listener, Peers peers, LongSupplier clock) {
		this(logger, listener, peers::downAfter, peers::downs, (peer) -> "Peer '" + peer + "'", null,
				peers.startupGrace(), clock);
	}

	/**
	 * Create a tracker of names other than configured peers, such as folder members,
	 * whose change lines go to a log that limits them together, else each on its own.
	 */
	PeerStatusTracker(Logger logger, PeerStatusListener listener, Function<String, Duration> downAfter,
			Function<String, @Nullable PeerDowns> downs, Function<String, String> subject,
			@Nullable ChangeLog changeLog, StartupGrace startupGrace, LongSupplier clock) {
		this.logger = logger;
		this.listener = listener;
		this.downAfter = downAfter;
		this.downs = downs;
		this.subject = subject;
		this.changeLog = changeLog;
		this.startupGrace = startupGrace;
		this.clock = clock;
	}

	/** Forget a name no longer followed, with any DOWN held back for it. */
	void forget(String peer) {
		this.last.remove(peer);
		this.reports.remove(peer);
		this.waiting.remove(peer);
		this.startupGrace.forget(peer);
	}

	/** Return when a DOWN held back for the peer is due, if one is. */
	Optional<Long> heldBackUntil(String peer) {
		PeerReport report = this.reports.get(peer);
		return (report != null) ? report.heldBackUntil() : Optional.empty();
	}

	void record(String peer, ProbeResult result) {
		ProbeResult previous = this.last.put(peer, result);
		// The reason is null exactly when the peer is alive, so it tells every change.
		if (previous != null && previous.reason() == result.reason()) {
			return;
		}
		if (result.alive()) {
			this.startupGrace.seenUp(peer);
		}
		if (previous != null && previous.alive() && !result.alive()) {
			PeerDowns downs = this.downs.apply(peer);
			if (downs != null) {
				downs.record(result.reason());
			}
		}
		report(peer, result);
	}

	/** Whether something is due later: a held-back DOWN or a log line. */
	boolean isWaiting() {
		return !this.waiting.isEmpty();
	}

	/**
	 * Return when {@link #tick()} is due next; only while {@link #isWaiting() waiting}.
	 */
	long due() {
		return this.waiting.stream()
			.mapToLong((peer) -> this.reports.get(peer).due())
			.reduce((one, other) -> (other - one < 0) ? other : one)
			.orElse(0);
	}

	/** Publish the held-back DOWNs and log the lines that are due now. */
	void tick() {
		long now = this.clock.getAsLong();
		List<String> due = new ArrayList<>();
		for (String peer : this.waiting) {
			if (now - this.reports.get(peer).due() >= 0) {
				due.add(peer);
			}
		}
		for (String peer : due) {
			PeerReport report = this.reports.get(peer);
			ProbeResult down = report.heldBackDue(now);
			// A first DOWN the start-up grace held back is stale once any probe (health,
			// the gauge) saw the peer UP meanwhile: the next probe tells what holds now.
			boolean stale = report.published() == null && this.startupGrace.wasSeenUp(peer);
			if (down != null && stale) {
				report.dropHeldBack();
			}
			else if (down != null) {
				publish(peer, report, down, now);
			}
			logCount(peer, report.lines().countLine(now));
			logStill(peer, report.lines().stillLine(now));
			updateWaiting(peer, report);
		}
	}

	/** Return a peer's latest result, {@code null} before the first. */
	@Nullable ProbeResult last(String peer) {
		return this.last.get(peer);
	}

	Logger logger() {
		return this.logger;
	}

	private void report(String peer, ProbeResult result) {
		long now = this.clock.getAsLong();
		PeerReport report = this.reports.computeIfAbsent(peer, (name) -> new PeerReport());
		ProbeResult told = report.published();
		if (told == null && !result.alive()) {
			if (this.startupGrace.left(peer).isPresent()) {
				// Never seen UP since the start: not DOWN until the grace has passed.
				report.holdBack(result, this.startupGrace.end(this.startupGrace.grace(peer)));
				updateWaiting(peer, report);
				return;
			}
		}
		if (told != null && told.alive()) {
			if (result.alive()) {
				// Back before its grace period ended: nothing to tell.
				report.dropHeldBack();
				updateWaiting(peer, report);
				return;
			}
			Duration grace = this.downAfter.apply(peer);
			if (!grace.isZero() && !grace.isNegative()) {
				report.holdBack(result, now + grace.toNanos());
				updateWaiting(peer, report);
				return;
			}
		}
		publish(peer, report, result, now);
	}

	private void publish(String peer, PeerReport report, ProbeResult result, long now) {
		ProbeResult told = report.published();
		PeerStatus previousStatus = (told == null) ? PeerStatus.UNKNOWN : PeerStatus.of(told);
		report.published(result);
		boolean line = !result.alive() || previousStatus == PeerStatus.DOWN;
		if (line && (this.changeLog != null || report.lines().log(now))) {
			String text = this.subject.apply(peer)
					+ (result.alive() ? " is UP again" : " is DOWN (" + result.reason() + "): " + result.message());
			if (this.changeLog != null) {
				this.changeLog.log(peer, !result.alive(), text);
			}
			else {
				log(this.logger, !result.alive(), text);
			}
		}
		updateWaiting(peer, report);
		this.listener.peerStatusChanged(new PeerStatusChange(peer, previousStatus, result));
	}

	private void updateWaiting(String peer, PeerReport report) {
		if (report.isWaiting()) {
			this.waiting.add(peer);
		}
		else {
			this.waiting.remove(peer);
		}
	}

	private void logCount(String peer, long notLogged) {
		if (notLogged > 0) {
			this.logger.warn(this.subject.apply(peer) + " flaps: " + notLogged + " changes in the last "
					+ ChangeLines.WINDOW.toSeconds() + " s were not logged (at most " + ChangeLines.MAX_LINES
					+ " lines per peer in " + ChangeLines.WINDOW.toSeconds() + " s); it is " + describe(peer)
					+ " now. Look for a crash loop or a script toggling its FIFO; its health tells its state at"
					+ " every moment.");
		}
	}

	private void logStill(String peer, long notLogged) {
		if (notLogged < 0) {
			return;
		}
		String line = this.subject.apply(peer) + " has held still for " + ChangeLines.WINDOW.toSeconds()
				+ " s after flapping" + ((notLogged > 0) ? " (" + notLogged + " more changes not logged)" : "")
				+ ": it is " + describe(peer) + ", and its changes are logged again";
		ProbeResult result = this.last.get(peer);
		log(this.logger, result == null || !result.alive(), line);
	}

	private static void log(Logger logger, boolean warn, String line) {
		if (warn) {
			logger.warn(line);
		}
		else {
			logger.info(line);
		}
	}

	private String describe(String peer) {
		ProbeResult result = this.last.get(peer);
		return (result == null || result.alive()) ? "UP" : "DOWN (" + result.reason() + ")";
	}

	/** Where the lines of changes go to be limited together. */
	interface ChangeLog {

		void log(String peer, boolean warn, String line);

	}

}
