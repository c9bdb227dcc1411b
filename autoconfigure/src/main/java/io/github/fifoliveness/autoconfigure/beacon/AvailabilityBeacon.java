package io.github.fifoliveness.autoconfigure.beacon;

import io.github.fifoliveness.beacon.FifoBeacon;
import io.github.fifoliveness.beacon.BeaconStatus;
import io.github.fifoliveness.beacon.FifoBeaconWatcher;
import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.AvailabilityState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;

/**
 * A FIFO held for as long as the application runs and is in a given
 * {@link AvailabilityState}: closed while it is in another one, so peers see that state
 * as a peer of its own. {@link LivenessBeacon} follows {@code LivenessState},
 * {@link ReadinessBeacon} {@code ReadinessState}, as Spring Boot's
 * {@code AvailabilityStateHealthIndicator} serves both.
 * <p>
 * Takes its single-instance lock when the bean is made, starts in the last lifecycle
 * phase (the application is up) and stops in the first (peers see it going down as soon
 * as shutdown begins). While running, a watcher checks every watch interval that the path
 * still names the FIFO held.
 */
public class AvailabilityBeacon
		implements SmartLifecycle, ApplicationListener<AvailabilityChangeEvent<?>>, InitializingBean, DisposableBean {

	/** How often the beacon checks its FIFO by default. */
	public static final Duration DEFAULT_WATCH_INTERVAL = Duration.ofSeconds(2);

	private final FifoBeacon fifo;

	private final FifoBeaconWatcher watcher;

	private final @Nullable AvailabilityState holdingState;

	/**
	 * Create a beacon.
	 * @param fifo the FIFO to hold
	 * @param watchInterval how often to check that the path still names the held FIFO;
	 * zero never checks
	 * @param holdingState the state in which the FIFO is held; the FIFO is closed in any
	 * other state of its type; {@code null} holds it whatever the state
	 * @throws IllegalArgumentException if the watch interval is negative
	 */
	public AvailabilityBeacon(FifoBeacon fifo, Duration watchInterval, @Nullable AvailabilityState holdingState) {
		this.fifo = fifo;
		this.watcher = new FifoBeaconWatcher(fifo, watchInterval);
		this.holdingState = holdingState;
	}

	/**
	 * Return the FIFO this beacon holds.
	 * @return the FIFO
	 */
	public FifoBeacon getFifo() {
		return this.fifo;
	}

	/**
	 * Return the path of the FIFO.
	 * @return the path
	 */
	public Path getPath() {
		return this.fifo.getPath();
	}

	/**
	 * Return whether the beacon holds its FIFO, and if not, why.
	 * @return the status
	 */
	public BeaconStatus status() {
		return this.fifo.status();
	}

	/**
	 * Whether the beacon holds the FIFO that its path names now.
	 * @return {@code true} while peers see this application alive in that state
	 */
	public boolean isHeld() {
		return status().held();
	}

	@Override
	public void onApplicationEvent(AvailabilityChangeEvent<?> event) {
		AvailabilityState state = event.getState();
		if (this.holdingState == null || state.getClass() != this.holdingState.getClass()) {
			return;
		}
		if (state == this.holdingState) {
			this.fifo.resume();
		}
		else {
			// Boot's web contexts refuse traffic as they close: not worth a warning.
			this.fifo.suspend("the application's " + state.getClass().getSimpleName() + " is " + state,
					state instanceof ReadinessState);
		}
	}

	// When the bean is made, before any lifecycle bean starts: a second instance fails
	// before it opens a port or starts a listener, and before it writes a PID file.
	@Override
	public void afterPropertiesSet() {
		this.fifo.lock();
	}

	@Override
	public void start() {
		this.fifo.hold();
		this.watcher.start();
	}

	@Override
	public void stop() {
		this.watcher.stop();
		this.fifo.release();
	}

	// Gives back the lock when the context fails to start after it was taken.
	@Override
	public void destroy() {
		stop();
	}

	@Override
	public boolean isRunning() {
		return this.fifo.isHolding();
	}

	@Override
	public int getPhase() {
		return DEFAULT_PHASE;
	}

}
