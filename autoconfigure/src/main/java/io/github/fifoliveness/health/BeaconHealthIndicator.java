package io.github.fifoliveness.health;

import io.github.fifoliveness.beacon.BeaconStatus;
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
		BeaconStatus status = this.beacon.status();
		Health.Builder builder = (status.held()) ? Health.up() : Health.down();
		builder.withDetail("path", this.beacon.getPath().toString());
		if (!status.held()) {
			builder.withDetail("reason", status.reason().name()).withDetail("message", status.message());
		}
		return builder.build();
	}

}
