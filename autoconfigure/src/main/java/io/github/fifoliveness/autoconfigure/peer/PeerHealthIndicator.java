package io.github.fifoliveness.autoconfigure.peer;

import io.github.fifoliveness.peer.PeerDowns;
import io.github.fifoliveness.peer.PeerProbe;
import io.github.fifoliveness.peer.ProbeResult;
import java.time.Instant;
import java.util.function.BooleanSupplier;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * {@link HealthIndicator} for one peer: UP while the peer's probe finds it alive (a
 * process holds its FIFO, or its PID file names a live process), DOWN with a
 * {@code reason} code and a {@code message} otherwise. Probes on every call, so a peer
 * that died shows DOWN on the very next request: the health endpoint stays the authority,
 * whether or not a {@link io.github.fifoliveness.peer.PeerWatcher} watches the peer. With
 * a watcher, the {@code watched} detail says whether the kernel reports this peer's
 * changes ({@code true}) or it is polled ({@code false}), and {@code downs} and
 * {@code lastDown} how many times it went from UP to DOWN and when it last did. Anything
 * unexpected a probe throws is DOWN with the exception, not an error response.
 */
public class PeerHealthIndicator extends AbstractHealthIndicator {

	private final PeerProbe probe;

	private final @Nullable BooleanSupplier watched;

	private final @Nullable PeerDowns downs;

	/**
	 * Create an indicator for the peer the given probe checks.
	 * @param probe the probe
	 */
	public PeerHealthIndicator(PeerProbe probe) {
		this(probe, null);
	}

	/**
	 * Create an indicator for a peer that a watcher follows.
	 * @param probe the probe
	 * @param watched whether the watcher watches the peer now, or {@code null} without a
	 * watcher
	 */
	public PeerHealthIndicator(PeerProbe probe, @Nullable BooleanSupplier watched) {
		this(probe, watched, null);
	}

	/**
	 * Create an indicator for a peer that a watcher or a poller follows.
	 * @param probe the probe
	 * @param watched whether the watcher watches the peer now, or {@code null} without a
	 * watcher
	 * @param downs the downs the watcher or the poller counts, or {@code null} without
	 * either
	 */
	public PeerHealthIndicator(PeerProbe probe, @Nullable BooleanSupplier watched, @Nullable PeerDowns downs) {
		super("Peer health check failed");
		this.probe = probe;
		this.watched = watched;
		this.downs = downs;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		ProbeResult result = this.probe.probe();
		builder.status(result.alive() ? Status.UP : Status.DOWN);
		builder.withDetails(this.probe.inputs());
		if (this.watched != null) {
			builder.withDetail("watched", this.watched.getAsBoolean());
		}
		if (this.downs != null) {
			builder.withDetail("downs", this.downs.count());
			Instant lastDown = this.downs.last();
			if (lastDown != null) {
				builder.withDetail("lastDown", lastDown.toString());
			}
		}
		if (result.pid() != null) {
			builder.withDetail("pid", result.pid());
		}
		if (result.note() != null) {
			builder.withDetail("note", result.note());
		}
		if (!result.alive()) {
			builder.withDetail("reason", result.reason().name()).withDetail("message", result.message());
			if (result.error() != null) {
				builder.withDetail("error", result.error());
			}
		}
	}

}
