package io.github.fifoliveness.autoconfigure;

import io.github.fifoliveness.posix.NativePosixUnavailableException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a {@link NativePosixUnavailableException} at startup.
 */
class NativePosixUnavailableFailureAnalyzer extends AbstractFailureAnalyzer<NativePosixUnavailableException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, NativePosixUnavailableException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Run on Linux, macOS or a BSD, where FIFOs exist; elsewhere, set 'fifo-liveness.beacon.enabled=false'"
						+ " and 'management.health.peers.enabled=false'.",
				cause);
	}

}
