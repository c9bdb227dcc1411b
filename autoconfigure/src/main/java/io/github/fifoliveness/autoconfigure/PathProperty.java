package io.github.fifoliveness.autoconfigure;

import java.nio.file.Path;

import io.github.fifoliveness.beacon.FifoBeacon;
import io.github.fifoliveness.posix.ConfiguredPath;
import org.jspecify.annotations.Nullable;

/**
 * Turns the value of a path property into an absolute {@link Path} by the rules of
 * {@link ConfiguredPath}, or fails naming the property and the value and saying what to
 * set.
 */
final class PathProperty {

	private PathProperty() {
	}

	/** For a FIFO or a PID file. */
	static Path file(String property, @Nullable String value) {
		return PropertyRules.check(property, value, () -> ConfiguredPath.file(value), action(property));
	}

	static Path folder(String property, @Nullable String value) {
		return PropertyRules.check(property, value, () -> ConfiguredPath.of(value), action(property));
	}

	/**
	 * Like {@link #file(String, String)}, for a beacon's FIFO: with a single-instance
	 * lock, {@code <name>.lock} must fit beside it too.
	 */
	static Path beacon(String property, @Nullable String value, boolean singleInstance) {
		return PropertyRules.check(property, value, () -> FifoBeacon.configuredPath(value, singleInstance),
				action(property));
	}

	private static String action(String property) {
		String example = property.endsWith(".pid-file") ? "a PID file, such as /run/nginx.pid"
				: property.startsWith("fifo-liveness.peer-folders.")
						? "a folder that holds the members' FIFOs, such as /run/user/1000/workers"
						: "a FIFO, such as /run/user/1000/my-daemon/my-daemon.fifo";
		return "Set '" + property + "' to the absolute path of " + example + ".";
	}

}
