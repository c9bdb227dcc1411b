package io.github.fifoliveness.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains an {@link InvalidPeerException} at startup.
 */
class InvalidPeerFailureAnalyzer extends AbstractFailureAnalyzer<InvalidPeerException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidPeerException cause) {
		String prefix = "fifo-liveness.peers." + cause.getPeer();
		return new FailureAnalysis(cause.getMessage() + ".",
				"Set '" + prefix + ".path' for a peer that holds a FIFO"
						+ " (any application with the fifo-liveness starter), or '" + prefix
						+ ".pid-file' for one that only writes a PID file.",
				cause);
	}

}
