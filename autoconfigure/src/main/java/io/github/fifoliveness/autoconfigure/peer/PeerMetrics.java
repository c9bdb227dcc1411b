package io.github.fifoliveness.autoconfigure.peer;

import io.github.fifoliveness.peer.PeerProbe;
import io.github.fifoliveness.peer.PeerWatcher;
import io.github.fifoliveness.peer.Peers;
import io.github.fifoliveness.peer.ProbeResult;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

/**
 * Publishes every peer's liveness as metrics: the gauge {@code fifo.liveness.peer.up} (1
 * or 0, NaN for a peer not seen UP yet within its start-up grace) and the timer
 * {@code fifo.liveness.probe}, both tagged {@code peer} and {@code kind} ({@code fifo} or
 * {@code pid-file}), and the counter {@code fifo.liveness.peer.downs}, tagged
 * {@code reason} too, of every change from UP to DOWN the watcher or the poller sees,
 * created with the first such change. For a peer that a {@link PeerWatcher} watches, the
 * gauge reads the watched state, which the kernel keeps current within milliseconds; any
 * other peer is probed when the registry reads the gauge. The timer records every probe
 * of the peer, whoever asks for it: health requests, the poller, the watcher's probes of
 * PID files and of the peers it polls, and the gauge.
 */
public class PeerMetrics implements MeterBinder {

	private final Peers peers;

	private final @Nullable PeerWatcher watcher;

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
	public PeerMetrics(Peers peers, @Nullable PeerWatcher watcher) {
		this.peers = peers;
		this.watcher = watcher;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Map<String, Timer> timers = new HashMap<>();
		this.peers.probes().forEach((name, probe) -> {
			timers.put(name,
					Timer.builder("fifo.liveness.probe")
						.description("Time taken by one liveness probe of a peer")
						.tag("peer", name)
						.tag("kind", probe.kind())
						.register(registry));
			Gauge.builder("fifo.liveness.peer.up", probe, (measured) -> up(name, measured))
				.description("Whether the peer is alive (1) or not (0), as watched, else probed when read;"
						+ " NaN while not seen UP yet within its start-up grace")
				.tag("peer", name)
				.tag("kind", probe.kind())
				.strongReference(true)
				.register(registry);
		});
		this.peers.recordProbesWith((peer, nanos) -> timers.get(peer).record(nanos, TimeUnit.NANOSECONDS));
		this.peers.recordDownsWith((peer, reason) -> Counter.builder("fifo.liveness.peer.downs")
			.description("Changes of the peer from UP to DOWN that the watcher or the poller saw")
			.tag("peer", peer)
			.tag("kind", this.peers.probes().get(peer).kind())
			.tag("reason", reason.name())
			.register(registry)
			.increment());
	}

	private double up(String name, PeerProbe probe) {
		Optional<ProbeResult> watched = (this.watcher != null) ? this.watcher.watchedResult(name) : Optional.empty();
		boolean alive = watched.map(ProbeResult::alive).orElseGet(() -> probe.probe().alive());
		if (!alive && this.peers.startupGraceLeft(name).isPresent()) {
			// Not seen UP yet within its start-up grace: neither alive nor down.
			return Double.NaN;
		}
		return alive ? 1 : 0;
	}

}
