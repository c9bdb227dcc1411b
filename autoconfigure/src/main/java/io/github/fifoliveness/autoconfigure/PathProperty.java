package io.github.fifoliveness.autoconfigure;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Turns the value of a path property into an absolute {@link Path}, or fails naming the
 * property and the value.
 */
final class PathProperty {

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
		if (!path.isAbsolute()) {
			throw new InvalidPathPropertyException(property, value,
					"the path must be absolute, so that every process finds the same FIFO");
		}
		return path;
	}

}
