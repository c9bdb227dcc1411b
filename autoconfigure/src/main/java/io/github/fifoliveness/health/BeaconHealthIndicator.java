package io.github.fifoliveness.health;

import io.github.fifoliveness.beacon.LivenessBeacon;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@link HealthIndicator} for this application's own liveness beacon: UP while it holds
 * its FIFO, so what peers see can be checked from here too.
 */
public class BeaconHealthIndicator implements HealthIndicator {

	private final LivenessBeacon beacon;

	/**
	 * Create an indicator for the given beacon.
	 * @param beacon the beacon
	 */
	public BeaconHealthIndicator(LivenessBeacon beacon) {
		this.beacon = beacon;
	}

	@Override
	public Health health() {
		Health.Builder builder = Health.up();
		if (!this.beacon.isHeld()) {
			builder.down().withDetail("message", "The beacon does not hold its FIFO: peers see this application down");
		}
		return builder.withDetail("path", this.beacon.getPath().toString()).build();
	}

}
