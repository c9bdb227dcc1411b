package io.github.fifoliveness.autoconfigure.beacon;

import io.github.fifoliveness.beacon.BeaconStatus;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * {@link HealthIndicator} for one of this application's own beacons: UP while it holds
 * its FIFO, DOWN with a {@code reason} and a {@code message} otherwise, so what peers see
 * can be checked from here too. Every call examines the path, so a FIFO removed since the
 * last watch shows at once.
 */
public class BeaconHealthIndicator extends AbstractHealthIndicator {

	private final AvailabilityBeacon beacon;

	/**
	 * Create an indicator for the given beacon.
	 * @param beacon the beacon
	 */
	public BeaconHealthIndicator(AvailabilityBeacon beacon) {
		super("Liveness beacon health check failed");
		this.beacon = beacon;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		BeaconStatus status = this.beacon.status();
		builder.status(status.held() ? Status.UP : Status.DOWN);
		builder.withDetail("path", this.beacon.getPath().toString());
		if (!status.held()) {
			builder.withDetail("reason", status.reason().name()).withDetail("message", status.message());
		}
	}

}
