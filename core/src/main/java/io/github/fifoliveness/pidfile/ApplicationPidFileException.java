package io.github.fifoliveness.pidfile;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when the application's PID file cannot be written.
 */
public class ApplicationPidFileException extends IllegalStateException {

	private final Path path;

	private final String property;

	private final String problem;

	ApplicationPidFileException(Path path, String property, String problem, @Nullable Throwable cause) {
		super("Cannot write PID file '" + path + "' (" + property + "): " + problem, cause);
		this.path = path;
		this.property = property;
		this.problem = problem;
	}

	/** Return the PID file's path. */
	public Path getPath() {
		return this.path;
	}

	/** Return the name of the property that set the path. */
	public String getProperty() {
		return this.property;
	}

	/** Return what is wrong at the path, such as "a directory is there; …". */
	public String getProblem() {
		return this.problem;
	}

}
