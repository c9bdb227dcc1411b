package io.github.fifoliveness.beacon;

import org.jspecify.annotations.Nullable;

/**
 * Whether the beacon holds its FIFO and, if not, why; {@code reason} and {@code message}
 * are {@code null} while held.
 */
public record BeaconStatus(@Nullable BeaconDownReason reason, @Nullable String message) {

	static final BeaconStatus HELD = new BeaconStatus(null, null);

	static final BeaconStatus RELEASED = new BeaconStatus(BeaconDownReason.RELEASED,
			"The beacon does not hold its FIFO: peers see this application down");

	/** Whether the FIFO is held, so that peers see the application alive. */
	public boolean held() {
		return this.reason == null;
	}

}
