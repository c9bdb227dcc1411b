package io.github.fifoliveness.beacon;

import java.nio.file.Path;
import java.time.Duration;

import io.github.fifoliveness.posix.NativePosix;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;

/**
 * A second FIFO that follows Spring Boot's {@link ReadinessState}: held while the
 * application accepts traffic, closed while it refuses it (and until it is first ready),
 * so that a monitor can watch readiness as a peer of its own.
 */
public class ReadinessBeacon implements SmartLifecycle, ApplicationListener<AvailabilityChangeEvent<ReadinessState>> {

	private final LivenessBeacon beacon;

	/**
	 * Create a readiness beacon.
	 * @param path the absolute path of the readiness FIFO
	 * @param watchInterval how often to check that the path still names the held FIFO
	 * @param posix the native calls
	 */
	public ReadinessBeacon(Path path, Duration watchInterval, NativePosix posix) {
		this.beacon = new LivenessBeacon(path, true, watchInterval, posix);
		this.beacon.suspend("the application does not accept traffic yet");
	}

	/**
	 * Return the path of the readiness FIFO.
	 * @return the path
	 */
	public Path getPath() {
		return this.beacon.getPath();
	}

	/**
	 * Return whether the readiness FIFO is held, and if not, why.
	 * @return the status
	 */
	public BeaconStatus status() {
		return this.beacon.status();
	}

	@Override
	public void onApplicationEvent(AvailabilityChangeEvent<ReadinessState> event) {
		if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
			this.beacon.resume();
		}
		else {
			this.beacon.suspend("the application refuses traffic");
		}
	}

	@Override
	public void start() {
		this.beacon.start();
	}

	@Override
	public void stop() {
		this.beacon.stop();
	}

	@Override
	public boolean isRunning() {
		return this.beacon.isRunning();
	}

}
