package io.github.fifoliveness.autoconfigure.beacon;

import io.github.fifoliveness.beacon.FifoBeacon;
import java.nio.file.Path;
import java.time.Duration;

import io.github.fifoliveness.posix.NativePosix;

import org.springframework.boot.availability.LivenessState;

/**
 * The application's liveness FIFO, held while it runs. Following {@link LivenessState},
 * an application that publishes BROKEN (a deadlock detector, a fatal dependency loss)
 * closes it, so peers see it down although the process still runs; CORRECT holds it
 * again. Alive then means alive and well.
 */
public class LivenessBeacon extends AvailabilityBeacon {

	/**
	 * Create a single-instance liveness beacon that follows the liveness state and checks
	 * its FIFO every two seconds.
	 * @param path the absolute path of the FIFO
	 * @param posix the native calls
	 */
	public LivenessBeacon(Path path, NativePosix posix) {
		this(new FifoBeacon(path, true, posix), DEFAULT_WATCH_INTERVAL, true);
	}

	/**
	 * Create a liveness beacon.
	 * @param fifo the FIFO to hold
	 * @param watchInterval how often to check that the path still names the held FIFO;
	 * zero never checks
	 * @param followLivenessState whether to close the FIFO while the liveness state is
	 * BROKEN
	 * @throws IllegalArgumentException if the watch interval is negative
	 */
	public LivenessBeacon(FifoBeacon fifo, Duration watchInterval, boolean followLivenessState) {
		super(fifo, watchInterval, followLivenessState ? LivenessState.CORRECT : null);
	}

}
