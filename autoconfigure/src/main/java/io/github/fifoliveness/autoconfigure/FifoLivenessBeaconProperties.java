package io.github.fifoliveness.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for the application's own liveness beacon.
 */
@ConfigurationProperties("fifo-liveness.beacon")
public class FifoLivenessBeaconProperties {

	/**
	 * Whether to hold a liveness FIFO while the application runs.
	 */
	private boolean enabled = true;

	/**
	 * Absolute path of the liveness FIFO. Defaults to
	 * "$XDG_RUNTIME_DIR/<app>/<app>.fifo", or, without XDG_RUNTIME_DIR, to
	 * "<java.io.tmpdir>/fifo-liveness-<user>/<app>/<app>.fifo", where <app> is
	 * spring.application.name.
	 */
	private String path;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getPath() {
		return this.path;
	}

	public void setPath(String path) {
		this.path = path;
	}

}
