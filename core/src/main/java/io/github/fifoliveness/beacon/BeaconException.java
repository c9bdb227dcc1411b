package io.github.fifoliveness.beacon;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when the liveness beacon cannot hold its FIFO, saying what the user can do.
 */
public class BeaconException extends IllegalStateException {

	private final Path path;

	private final String problem;

	private final String action;

	BeaconException(Path path, String problem, String action, @Nullable Throwable cause) {
		super("Liveness beacon cannot hold a FIFO at '" + path + "': " + problem, cause);
		this.path = path;
		this.problem = problem;
		this.action = action;
	}

	/** Return the beacon's path. */
	public Path getPath() {
		return this.path;
	}

	/** Return what is wrong, such as "a regular file is there". */
	public String getProblem() {
		return this.problem;
	}

	/** Return what the user can do about it. */
	public String getAction() {
		return this.action;
	}

}
