package io.github.fifoliveness.autoconfigure;

import io.github.fifoliveness.beacon.BeaconException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a {@link BeaconException} at startup: which path, set by which property, what
 * is wrong there and what to do.
 */
class BeaconFailureAnalyzer extends AbstractFailureAnalyzer<BeaconException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, BeaconException cause) {
		String description = "The liveness beacon cannot hold a FIFO at '" + cause.getPath()
				+ "' (fifo-liveness.beacon.path): " + cause.getProblem() + ".";
		String action = cause.getAction() + " Set 'fifo-liveness.beacon.path' to use another path,"
				+ " or 'fifo-liveness.beacon.enabled=false' to run without a beacon.";
		return new FailureAnalysis(description, action, cause);
	}

}
