package io.github.fifoliveness.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Turns the value of a path property into an absolute {@link Path}, or fails naming the
 * property and the value.
 */
final class PathProperty {

	// Linux's limits; macOS and the BSDs allow less for PATH_MAX (1024), and say so at
	// open.
	private static final int PATH_MAX = 4096;

	private static final int NAME_MAX = 255;

	private static final String LOCK_SUFFIX = ".lock";

	private PathProperty() {
	}

	static Path absolute(String property, @Nullable String value) {
		if (value == null || value.isBlank()) {
			throw invalid(property, value, "a path is required");
		}
		Path path;
		try {
			path = Path.of(value);
		}
		catch (InvalidPathException ex) {
			throw invalid(property, value, "not a valid path (" + ex.getReason() + ")");
		}
		int bytes = value.getBytes(StandardCharsets.UTF_8).length;
		if (bytes >= PATH_MAX) {
			throw invalid(property, value,
					"the path is " + bytes + " bytes long; the system allows less than " + PATH_MAX + " (PATH_MAX)");
		}
		for (Path name : path) {
			if (name.toString().getBytes(StandardCharsets.UTF_8).length > NAME_MAX) {
				throw invalid(property, value, "a name in the path is longer than " + NAME_MAX + " bytes (NAME_MAX)");
			}
			// Folders are created along the path: "a/../b" would leave a stray "a"
			// behind.
			if (name.toString().equals(".") || name.toString().equals("..")) {
				throw invalid(property, value, "the path has a '" + name
						+ "' segment; write it without '.' and '..', so that the folders created along it are the ones it names");
			}
		}
		if (!path.isAbsolute()) {
			throw invalid(property, value, "the path must be absolute, so that every process finds the same FIFO");
		}
		if (path.getFileName() == null) {
			throw invalid(property, value, "the path names a folder, not a file in it");
		}
		return path;
	}

	/**
	 * Like {@link #absolute(String, String)}, for a beacon's FIFO: with a single-instance
	 * lock, {@code <name>.lock} must fit beside it too.
	 */
	static Path beacon(String property, @Nullable String value, boolean singleInstance) {
		Path path = absolute(property, value);
		if (singleInstance) {
			int nameBytes = path.getFileName().toString().getBytes(StandardCharsets.UTF_8).length;
			if (nameBytes + LOCK_SUFFIX.length() > NAME_MAX) {
				throw invalid(property, value,
						"the file name is " + nameBytes + " bytes long, which leaves no room for the lock file '<name>"
								+ LOCK_SUFFIX + "' beside it (NAME_MAX is " + NAME_MAX
								+ " bytes): use a name of at most " + (NAME_MAX - LOCK_SUFFIX.length()) + " bytes");
			}
			int pathBytes = value.getBytes(StandardCharsets.UTF_8).length;
			if (pathBytes + LOCK_SUFFIX.length() >= PATH_MAX) {
				throw invalid(property, value,
						"the path is " + pathBytes + " bytes long, which leaves no room for the lock file '<path>"
								+ LOCK_SUFFIX + "' within the system's limit of less than " + PATH_MAX
								+ " bytes (PATH_MAX)");
			}
		}
		return path;
	}

	// Boot's failure analysis shows the property, its value and where it was set; the
	// reason says what is wrong and what to set instead.
	private static InvalidConfigurationPropertyValueException invalid(String property, @Nullable String value,
			String problem) {
		String example = property.endsWith(".pid-file") ? "a PID file, such as /run/nginx.pid"
				: "a FIFO, such as /run/user/1000/my-daemon/my-daemon.fifo";
		String reason = problem.substring(0, 1).toUpperCase(Locale.ROOT) + problem.substring(1) + ". Set '" + property
				+ "' to the absolute path of " + example + ".";
		return new InvalidConfigurationPropertyValueException(property,
				(value != null) ? value.replace("\0", "\\0") : null, reason);
	}

}
