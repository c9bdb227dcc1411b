package io.github.fifoliveness.peer;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.jspecify.annotations.Nullable;

/**
 * How many times one peer went from UP to DOWN since this application started, and when
 * it last did, so that a crash loop faster than anyone scrapes the gauge still shows.
 * Safe to read from any thread.
 */
public final class PeerDowns {

	private static final Logger logger = LoggerFactory.getLogger(PeerDowns.class);

	private final String peer;

	private final List<DownRecorder> recorders;

	private final AtomicLong count = new AtomicLong();

	private volatile @Nullable Instant last;

	PeerDowns(String peer, List<DownRecorder> recorders) {
		this.peer = peer;
		this.recorders = recorders;
	}

	/** Return how many times the peer went down. */
	public long count() {
		return this.count.get();
	}

	/** Return when the peer last went down, {@code null} if never. */
	public @Nullable Instant last() {
		return this.last;
	}

	void record(DownReason reason) {
		this.last = Instant.now();
		this.count.incrementAndGet();
		for (DownRecorder recorder : this.recorders) {
			try {
				recorder.record(this.peer, reason);
			}
			catch (RuntimeException ex) {
				// A metric must never cost a peer its events.
				logger.debug("Recording a down of peer '" + this.peer + "' failed", ex);
			}
		}
	}

}
