package io.github.fifoliveness.beacon;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.context.ApplicationListener;

/**
 * Ties the beacon to Spring Boot's {@link LivenessState}: an application that publishes
 * BROKEN (a deadlock detector, a fatal dependency loss) closes its FIFO, so peers see it
 * down although the process still runs; CORRECT holds it again. Alive then means alive
 * and well.
 */
public class LivenessStateFollower implements ApplicationListener<AvailabilityChangeEvent<LivenessState>> {

	private final LivenessBeacon beacon;

	/**
	 * Create a follower for the given beacon.
	 * @param beacon the beacon
	 */
	public LivenessStateFollower(LivenessBeacon beacon) {
		this.beacon = beacon;
	}

	@Override
	public void onApplicationEvent(AvailabilityChangeEvent<LivenessState> event) {
		if (event.getState() == LivenessState.BROKEN) {
			this.beacon.suspend("the application's liveness state is BROKEN");
		}
		else {
			this.beacon.resume();
		}
	}

}
