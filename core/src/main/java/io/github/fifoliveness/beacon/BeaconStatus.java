package io.github.fifoliveness.beacon;

import org.jspecify.annotations.Nullable;

/**
 * Whether the beacon holds its FIFO, and if not, why.
 *
 * @param reason why the FIFO is not held, {@code null} when held
 * @param message what the reason means, {@code null} when held
 */
public record BeaconStatus(@Nullable BeaconDownReason reason, @Nullable String message) {

	static final BeaconStatus HELD = new BeaconStatus(null, null);

	static final BeaconStatus RELEASED = new BeaconStatus(BeaconDownReason.RELEASED,
			"The beacon does not hold its FIFO: peers see this application down");

	/**
	 * Whether the FIFO is held: peers see the application alive.
	 * @return {@code true} when there is no reason to be down
	 */
	public boolean held() {
		return this.reason == null;
	}

}
