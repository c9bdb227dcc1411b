package io.github.fifoliveness.autoconfigure;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Says once per application context that the liveness beacon, on by default, is off
 * because the platform has no FIFOs (Windows), so that a developer there starts the
 * team's application without setting anything, and knows why no peer can see it. Said by
 * {@link StartupFeaturesListener}.
 */
final class PlatformWithoutFifosWarning {

	private static final Log logger = LogFactory.getLog(PlatformWithoutFifosWarning.class);

	private PlatformWithoutFifosWarning() {
	}

	static void logIfBeaconOff(Features features) {
		if (features.beaconOffForPlatform()) {
			logger.warn("No liveness beacon: " + features.osName() + " has no FIFOs, so peers cannot watch this"
					+ " application here. Set 'fifo-liveness.beacon.enabled=false' to silence this warning.");
		}
	}

}
