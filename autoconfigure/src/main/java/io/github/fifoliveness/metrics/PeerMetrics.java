package io.github.fifoliveness.metrics;

import java.util.Optional;

import io.github.fifoliveness.peer.PeerProbe;
import io.github.fifoliveness.peer.PeerWatcher;
import io.github.fifoliveness.peer.Peers;
import io.github.fifoliveness.peer.ProbeResult;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Publishes every peer's liveness as metrics: the gauge {@code fifo.liveness.peer.up}
 * (1 or 0) and the timer {@code fifo.liveness.probe}, both tagged {@code peer} and
 * {@code kind} ({@code fifo} or {@code pid-file}). For a peer that a {@link PeerWatcher}
 * watches, the gauge reads the watched state, which the kernel keeps current within
 * milliseconds; any other peer is probed when the registry reads the gauge, and that
 * probe is timed.
 */
public class PeerMetrics implements MeterBinder {

	private final Peers peers;

	private final PeerWatcher watcher;

	/**
	 * Create the metrics for the given peers, probed whenever read.
	 * @param peers the peers
	 */
	public PeerMetrics(Peers peers) {
		this(peers, null);
	}

	/**
	 * Create the metrics for the given peers, reading the watched state where a watcher
	 * watches them.
	 * @param peers the peers
	 * @param watcher the watcher, or {@code null}
	 */
	public PeerMetrics(Peers peers, PeerWatcher watcher) {
		this.peers = peers;
		this.watcher = watcher;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.peers.probes().forEach((name, probe) -> {
			Timer timer = Timer.builder("fifo.liveness.probe")
				.description("Time taken by one liveness probe of a peer")
				.tag("peer", name)
				.tag("kind", probe.kind())
				.register(registry);
			Gauge.builder("fifo.liveness.peer.up", probe, (measured) -> up(name, measured, timer))
				.description("Whether the peer is alive (1) or not (0), as watched, else probed when read")
				.tag("peer", name)
				.tag("kind", probe.kind())
				.strongReference(true)
				.register(registry);
		});
	}

	private double up(String name, PeerProbe probe, Timer timer) {
		Optional<ProbeResult> watched = (this.watcher != null) ? this.watcher.watchedResult(name) : Optional.empty();
		boolean alive = watched.isPresent() ? watched.get().alive() : timer.record(() -> probe.probe().alive());
		return alive ? 1 : 0;
	}

}
