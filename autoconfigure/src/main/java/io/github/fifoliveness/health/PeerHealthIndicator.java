package io.github.fifoliveness.health;

import io.github.fifoliveness.peer.FifoPeerProbe;
import io.github.fifoliveness.peer.ProbeResult;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@link HealthIndicator} for one peer: UP while a process holds the peer's FIFO, DOWN
 * with a {@code reason} code and a {@code message} otherwise. Probes on every call, so a
 * peer that died shows DOWN on the very next request.
 */
public class PeerHealthIndicator implements HealthIndicator {

	private final FifoPeerProbe probe;

	/**
	 * Create an indicator for the peer the given probe checks.
	 * @param probe the probe
	 */
	public PeerHealthIndicator(FifoPeerProbe probe) {
		this.probe = probe;
	}

	@Override
	public Health health() {
		ProbeResult result = this.probe.probe();
		Health.Builder builder = (result.alive()) ? Health.up() : Health.down();
		builder.withDetail("path", this.probe.getPath().toString());
		if (!result.alive()) {
			builder.withDetail("reason", result.reason().name()).withDetail("message", result.message());
			if (result.error() != null) {
				builder.withDetail("error", result.error());
			}
		}
		return builder.build();
	}

}
