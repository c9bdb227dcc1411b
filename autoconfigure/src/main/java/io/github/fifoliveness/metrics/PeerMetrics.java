package io.github.fifoliveness.metrics;

import io.github.fifoliveness.peer.PeerProbe;
import io.github.fifoliveness.peer.Peers;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Publishes every peer's liveness as metrics: the gauge {@code fifo.liveness.peer.up}
 * (1 or 0, probed when the registry reads it, so a scrape sees the state of that moment)
 * and the timer {@code fifo.liveness.probe}, both tagged {@code peer} and {@code kind}
 * ({@code fifo} or {@code pid-file}).
 */
public class PeerMetrics implements MeterBinder {

	private final Peers peers;

	/**
	 * Create the metrics for the given peers.
	 * @param peers the peers
	 */
	public PeerMetrics(Peers peers) {
		this.peers = peers;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.peers.probes().forEach((name, probe) -> {
			Timer timer = Timer.builder("fifo.liveness.probe")
				.description("Time taken by one liveness probe of a peer")
				.tag("peer", name)
				.tag("kind", probe.kind())
				.register(registry);
			Gauge.builder("fifo.liveness.peer.up", probe, (measured) -> up(measured, timer))
				.description("Whether the peer is alive (1) or not (0), probed when read")
				.tag("peer", name)
				.tag("kind", probe.kind())
				.strongReference(true)
				.register(registry);
		});
	}

	private static double up(PeerProbe probe, Timer timer) {
		return timer.record(() -> probe.probe().alive()) ? 1 : 0;
	}

}
