package io.github.fifoliveness.autoconfigure;

/**
 * What an application can use of fifo-liveness. Each of them needs the native layer.
 */
enum Feature {

	/** The application's liveness beacon. */
	LIVENESS_BEACON("liveness beacon"),

	/** The application's readiness beacon. */
	READINESS_BEACON("readiness beacon"),

	/** The application's own PID file. */
	PID_FILE("PID file"),

	/** Peers to probe and watch. */
	PEERS("peers"),

	/** systemd's notifications, where {@code NOTIFY_SOCKET} asks for them. */
	SYSTEMD_NOTIFY("systemd notifications");

	private final String description;

	Feature(String description) {
		this.description = description;
	}

	@Override
	public String toString() {
		return this.description;
	}

}
