package io.github.fifoliveness.autoconfigure.peer;

import io.github.fifoliveness.peer.PeerDowns;
import io.github.fifoliveness.peer.PeerProbe;
import io.github.fifoliveness.peer.ProbeResult;
import io.github.fifoliveness.peer.UnknownReason;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

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
 * {@code lastDown} how many times it went from UP to DOWN and when it last did. A peer
 * found down that was not seen UP since the monitor started is UNKNOWN, with reason
 * {@link UnknownReason#NOT_SEEN_YET} and what the probe found as {@code found}, until its
 * start-up grace has passed. Anything unexpected a probe throws is DOWN with the
 * exception, not an error response.
 */
public class PeerHealthIndicator extends AbstractHealthIndicator {

	private final PeerProbe probe;

	private final @Nullable BooleanSupplier watched;

	private final @Nullable PeerDowns downs;

	private final @Nullable Supplier<Optional<Duration>> startupGraceLeft;

	private final @Nullable Consumer<ProbeResult> probed;

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
		this(probe, watched, downs, null);
	}

	/**
	 * Create an indicator for a peer with a start-up grace.
	 * @param probe the probe
	 * @param watched whether the watcher watches the peer now, or {@code null} without a
	 * watcher
	 * @param downs the downs the watcher or the poller counts, or {@code null} without
	 * either
	 * @param startupGraceLeft how long the peer, not seen UP yet, is still not DOWN, or
	 * {@code null} for no start-up grace
	 * @see io.github.fifoliveness.peer.Peers#startupGraceLeft(String)
	 */
	public PeerHealthIndicator(PeerProbe probe, @Nullable BooleanSupplier watched, @Nullable PeerDowns downs,
			@Nullable Supplier<Optional<Duration>> startupGraceLeft) {
		this(probe, watched, downs, startupGraceLeft, null);
	}

	/**
	 * Create an indicator for a peer with a start-up grace that tells each result to the
	 * watcher.
	 * @param probe the probe
	 * @param watched whether the watcher watches the peer now, or {@code null} without a
	 * watcher
	 * @param downs the downs the watcher or the poller counts, or {@code null} without
	 * either
	 * @param startupGraceLeft how long the peer, not seen UP yet, is still not DOWN, or
	 * {@code null} for no start-up grace
	 * @param probed told every result, or {@code null}
	 * @see io.github.fifoliveness.peer.PeerWatcher#probed(String, ProbeResult)
	 */
	public PeerHealthIndicator(PeerProbe probe, @Nullable BooleanSupplier watched, @Nullable PeerDowns downs,
			@Nullable Supplier<Optional<Duration>> startupGraceLeft, @Nullable Consumer<ProbeResult> probed) {
		super("Peer health check failed");
		this.probe = probe;
		this.watched = watched;
		this.downs = downs;
		this.startupGraceLeft = startupGraceLeft;
		this.probed = probed;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		ProbeResult result = this.probe.probe();
		if (this.probed != null) {
			this.probed.accept(result);
		}
		Optional<Duration> graceLeft = (!result.alive() && this.startupGraceLeft != null) ? this.startupGraceLeft.get()
				: Optional.empty();
		builder.status(result.alive() ? Status.UP : graceLeft.isPresent() ? Status.UNKNOWN : Status.DOWN);
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
		if (graceLeft.isPresent()) {
			builder.withDetail("reason", UnknownReason.NOT_SEEN_YET.name())
				.withDetail("found", result.reason().name())
				.withDetail("message", notSeenYet("Not seen UP", graceLeft.get(), result.message()));
			if (result.error() != null) {
				builder.withDetail("error", result.error());
			}
		}
		else if (!result.alive()) {
			builder.withDetail("reason", result.reason().name()).withDetail("message", result.message());
			if (result.error() != null) {
				builder.withDetail("error", result.error());
			}
		}
	}

	static String notSeenYet(String what, Duration left, @Nullable String found) {
		long seconds = (left.toMillis() + 999) / 1000;
		return what + " since the monitor started, and its start-up grace has " + seconds
				+ " s left: not DOWN until then. " + found;
	}

}
