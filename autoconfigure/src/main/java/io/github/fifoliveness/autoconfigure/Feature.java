package io.github.fifoliveness.autoconfigure;

/**
 * What an application can use of fifo-liveness. Each of them needs the native layer.
 */
enum Feature {

	/** The application's liveness beacon. */
	LIVENESS_BEACON("liveness beacon", "LivenessBeaconAutoConfiguration"),

	/** The application's readiness beacon. */
	READINESS_BEACON("readiness beacon", "LivenessBeaconAutoConfiguration"),

	/** The application's own PID file. */
	PID_FILE("PID file", "ApplicationPidFileAutoConfiguration"),

	/** Peers to probe and watch. */
	PEERS("peers", "PeersAutoConfiguration"),

	/** systemd's notifications, where {@code NOTIFY_SOCKET} asks for them. */
	SYSTEMD_NOTIFY("systemd notifications", "SystemdNotifyAutoConfiguration");

	private final String description;

	private final String autoConfiguration;

	Feature(String description, String autoConfiguration) {
		this.description = description;
		this.autoConfiguration = Feature.class.getPackageName() + "." + autoConfiguration;
	}

	/** The name of the auto-configuration that sets the feature up. */
	String autoConfiguration() {
		return this.autoConfiguration;
	}

	@Override
	public String toString() {
		return this.description;
	}

}
