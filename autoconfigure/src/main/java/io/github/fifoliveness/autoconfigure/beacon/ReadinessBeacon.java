package io.github.fifoliveness.autoconfigure.beacon;

import io.github.fifoliveness.beacon.FifoBeacon;
import java.time.Duration;

import org.springframework.boot.availability.ReadinessState;

/**
 * A second FIFO that follows Spring Boot's {@link ReadinessState}: held while the
 * application accepts traffic, closed while it refuses it (and until it is first ready),
 * so that a monitor can watch readiness as a peer of its own.
 */
public class ReadinessBeacon extends AvailabilityBeacon {

	/**
	 * Create a readiness beacon.
	 * @param fifo the readiness FIFO
	 * @param watchInterval how often to check that the path still names the held FIFO
	 * @throws IllegalArgumentException if the watch interval is negative
	 */
	public ReadinessBeacon(FifoBeacon fifo, Duration watchInterval) {
		super(fifo, watchInterval, ReadinessState.ACCEPTING_TRAFFIC);
		fifo.suspend("the application does not accept traffic yet");
	}

}
