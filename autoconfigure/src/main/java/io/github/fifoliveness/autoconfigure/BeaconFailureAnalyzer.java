package io.github.fifoliveness.autoconfigure;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import io.github.fifoliveness.beacon.BeaconException;
import io.github.fifoliveness.beacon.DefaultBeaconPath;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Explains a {@link BeaconException} at startup: which path, set by which property, what
 * is wrong there and what to do. On the default path, the application's name is what
 * chose it, so the action names {@code spring.application.name} too.
 */
class BeaconFailureAnalyzer extends AbstractFailureAnalyzer<BeaconException> {

	private static final String PATH_PROPERTY = "fifo-liveness.beacon.path";

	private static final String READINESS_PATH_PROPERTY = "fifo-liveness.beacon.readiness-path";

	private final Environment environment;

	BeaconFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, BeaconException cause) {
		String applicationName = this.environment.getProperty("spring.application.name");
		boolean readiness = isReadinessPath(cause.getPath());
		String property = readiness ? READINESS_PATH_PROPERTY : PATH_PROPERTY;
		boolean defaultPath = !readiness && !this.environment.containsProperty(PATH_PROPERTY)
				&& cause.getPath().equals(DefaultBeaconPath.forApplication(applicationName));
		String description = "The " + (readiness ? "readiness" : "liveness") + " beacon cannot hold a FIFO at '"
				+ cause.getPath() + "' ("
				+ (defaultPath ? "the default path, as '" + PATH_PROPERTY + "' is not set" : property) + "): "
				+ cause.getProblem() + ".";
		String action = cause.getAction() + " "
				+ (defaultPath ? defaultPathWaysOut(cause.getPath(), applicationName)
						: "Set '" + property + "' to use another path,")
				+ " or 'fifo-liveness.beacon.enabled=false' to run without a beacon.";
		return new FailureAnalysis(description, action, cause);
	}

	// Both beacons throw the same exception; the path tells which one failed.
	private boolean isReadinessPath(Path path) {
		String readinessPath = this.environment.getProperty(READINESS_PATH_PROPERTY);
		try {
			return readinessPath != null && Path.of(readinessPath).equals(path);
		}
		catch (InvalidPathException ex) {
			return false;
		}
	}

	private static String defaultPathWaysOut(Path path, @Nullable String applicationName) {
		String segment = String.valueOf(path.getParent().getFileName());
		String whose = !StringUtils.hasText(applicationName)
				? "of every application that does not set 'spring.application.name'"
				: segment.equals(applicationName.strip()) ? "of every application named '" + applicationName + "'"
						: "of every application whose name becomes '" + segment + "' in a path (every character but"
								+ " A-Z, a-z, 0-9, '.', '_' and '-' becomes '_', and the name is cut to 200)";
		return "'" + path + "' is the default path " + whose + ": set 'spring.application.name' to give this"
				+ " application a default path of its own, or '" + PATH_PROPERTY + "' to choose a path,";
	}

}
