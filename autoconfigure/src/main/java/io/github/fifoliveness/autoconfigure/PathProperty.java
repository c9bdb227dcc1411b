package io.github.fifoliveness.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Turns the value of a path property into an absolute {@link Path}, or fails naming the
 * property and the value.
 */
final class PathProperty {

	// Linux's limits; macOS and the BSDs allow less for PATH_MAX (1024), and say so at open.
	private static final int PATH_MAX = 4096;

	private static final int NAME_MAX = 255;

	private PathProperty() {
	}

	static Path absolute(String property, String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidPathPropertyException(property, value, "a path is required");
		}
		Path path;
		try {
			path = Path.of(value);
		}
		catch (InvalidPathException ex) {
			throw new InvalidPathPropertyException(property, value, "not a valid path (" + ex.getReason() + ")");
		}
		int bytes = value.getBytes(StandardCharsets.UTF_8).length;
		if (bytes >= PATH_MAX) {
			throw new InvalidPathPropertyException(property, value,
					"the path is " + bytes + " bytes long; the system allows less than " + PATH_MAX + " (PATH_MAX)");
		}
		for (Path name : path) {
			if (name.toString().getBytes(StandardCharsets.UTF_8).length > NAME_MAX) {
				throw new InvalidPathPropertyException(property, value,
						"a name in the path is longer than " + NAME_MAX + " bytes (NAME_MAX)");
			}
		}
		if (!path.isAbsolute()) {
			throw new InvalidPathPropertyException(property, value,
					"the path must be absolute, so that every process finds the same FIFO");
		}
		return path;
	}

}
