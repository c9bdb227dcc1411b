package io.github.fifoliveness.autoconfigure;

import io.github.fifoliveness.pidfile.ApplicationPidFileException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains an {@link ApplicationPidFileException} at startup: which path, set by which
 * property, what is wrong there and what to do.
 */
class ApplicationPidFileFailureAnalyzer extends AbstractFailureAnalyzer<ApplicationPidFileException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ApplicationPidFileException cause) {
		String description = "The application's PID file cannot be written at '" + cause.getPath() + "' ("
				+ cause.getProperty() + "): " + cause.getProblem() + ".";
		String action = "Move away what is at that path, or set '" + cause.getProperty()
				+ "' to a path in a folder this user can write to, where no file but an earlier PID file of this"
				+ " application is.";
		return new FailureAnalysis(description, action, cause);
	}

}
