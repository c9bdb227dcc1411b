package io.github.fifoliveness.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains an {@link InvalidPeerNameException} at startup.
 */
class InvalidPeerNameFailureAnalyzer extends AbstractFailureAnalyzer<InvalidPeerNameException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidPeerNameException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.getAction(), cause);
	}

}
