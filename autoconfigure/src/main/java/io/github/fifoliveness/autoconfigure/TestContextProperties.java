package io.github.fifoliveness.autoconfigure;

/**
 * Properties of the application in tests, under {@code fifo-liveness.test}.
 */
public class TestContextProperties {

	/**
	 * Whether an application context started by Spring's test support holds the
	 * application's liveness and readiness beacons, as the application does. Off by
	 * default there, so that tests never take the path of the application running beside
	 * them; @AutoConfigureFifoLiveness on a test class turns it on too. Read in tests
	 * only.
	 */
	private boolean beacon;

	/**
	 * Whether an application context started by Spring's test support writes the
	 * application's PID file, as the application does. Off by default there, so that
	 * tests never replace the PID file of the application running beside them; the
	 * pidFile attribute of @AutoConfigureFifoLiveness turns it on too. Read in tests
	 * only.
	 */
	private boolean pidFile;

	public boolean isBeacon() {
		return this.beacon;
	}

	public void setBeacon(boolean beacon) {
		this.beacon = beacon;
	}

	public boolean isPidFile() {
		return this.pidFile;
	}

	public void setPidFile(boolean pidFile) {
		this.pidFile = pidFile;
	}

}
