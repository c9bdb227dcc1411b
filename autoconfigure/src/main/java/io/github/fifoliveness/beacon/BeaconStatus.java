package io.github.fifoliveness.beacon;

/**
 * Whether the beacon holds its FIFO, and if not, why.
 *
 * @param held whether peers see the application alive
 * @param reason why the FIFO is not held, {@code null} when held
 * @param message what the reason means, {@code null} when held
 */
public record BeaconStatus(boolean held, BeaconDownReason reason, String message) {

	static final BeaconStatus HELD = new BeaconStatus(true, null, null);

	static final BeaconStatus RELEASED = new BeaconStatus(false, BeaconDownReason.RELEASED,
			"The beacon does not hold its FIFO: peers see this application down");

}
