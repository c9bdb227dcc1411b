package io.github.fifoliveness.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains an {@link InvalidPathPropertyException} at startup.
 */
class InvalidPathPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidPathPropertyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidPathPropertyException cause) {
		String description = "Property '" + cause.getProperty() + "' has the value '"
				+ InvalidPathPropertyException.printable(cause.getValue()) + "': " + cause.getProblem() + ".";
		String action = cause.getProperty().endsWith(".pid-file")
				? "Set '" + cause.getProperty() + "' to the absolute path of a PID file, such as /run/nginx.pid."
				: "Set '" + cause.getProperty() + "' to the absolute path of a FIFO, such as /run/user/1000/my-daemon/my-daemon.fifo.";
		return new FailureAnalysis(description, action, cause);
	}

}
