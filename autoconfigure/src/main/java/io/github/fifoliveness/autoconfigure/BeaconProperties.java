package io.github.fifoliveness.autoconfigure;

import java.time.Duration;

import io.github.fifoliveness.autoconfigure.beacon.AvailabilityBeacon;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.DeprecatedConfigurationProperty;

/**
 * Properties of the application's own liveness beacon, under
 * {@code fifo-liveness.beacon}.
 */
public class BeaconProperties {

	/**
	 * Whether to hold a liveness FIFO while the application runs.
	 */
	private boolean enabled = true;

	/**
	 * Absolute path of the liveness FIFO. Defaults to
	 * "$XDG_RUNTIME_DIR/<app>/<app>.fifo", or, without XDG_RUNTIME_DIR, to
	 * "<java.io.tmpdir>/fifo-liveness-<user>/<app>/<app>.fifo", where <app> is
	 * spring.application.name and <user> the user's name, or uid where the user has no
	 * name the JVM knows. With single-instance on, the file name may be at most 250
	 * bytes, so that "<name>.lock" fits beside it.
	 */
	private @Nullable String path;

	/**
	 * Whether to take an exclusive lock on "<path>.lock" so that only one instance holds
	 * the FIFO; a second instance fails startup. Turn off for applications that want
	 * several instances to hold one FIFO.
	 */
	private boolean singleInstance = true;

	/**
	 * How often to check that the path still names the FIFO the beacon holds, and
	 * recreate it if something (such as a tmp cleaner) removed it. Zero turns the check
	 * off.
	 */
	private Duration watchInterval = AvailabilityBeacon.DEFAULT_WATCH_INTERVAL;

	/**
	 * Whether to close the FIFO while the application's liveness state is BROKEN, so that
	 * peers see a running but broken application down.
	 */
	private boolean followLivenessState = true;

	/**
	 * Absolute path of a second FIFO that follows the application's readiness: held while
	 * it accepts traffic, closed while it refuses it, so a monitor can watch readiness as
	 * a peer of its own; held only while "enabled" is on, which turns off both beacons.
	 * The file name may be at most 250 bytes, so that "<name>.lock" fits beside it.
	 */
	private @Nullable String readinessPath;

	/**
	 * Absolute path of a PID file to write at startup. Deprecated: it was not written
	 * with the beacon off; use "fifo-liveness.pid-file".
	 */
	private @Nullable String pidFile;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getPath() {
		return this.path;
	}

	public void setPath(@Nullable String path) {
		this.path = path;
	}

	public boolean isSingleInstance() {
		return this.singleInstance;
	}

	public void setSingleInstance(boolean singleInstance) {
		this.singleInstance = singleInstance;
	}

	@Deprecated(since = "0.1.0")
	@DeprecatedConfigurationProperty(replacement = "fifo-liveness.pid-file",
			reason = "The PID file does not depend on the beacon", since = "0.1.0")
	public @Nullable String getPidFile() {
		return this.pidFile;
	}

	@Deprecated(since = "0.1.0")
	public void setPidFile(@Nullable String pidFile) {
		this.pidFile = pidFile;
	}

	public @Nullable String getReadinessPath() {
		return this.readinessPath;
	}

	public void setReadinessPath(@Nullable String readinessPath) {
		this.readinessPath = readinessPath;
	}

	public boolean isFollowLivenessState() {
		return this.followLivenessState;
	}

	public void setFollowLivenessState(boolean followLivenessState) {
		this.followLivenessState = followLivenessState;
	}

	public Duration getWatchInterval() {
		return this.watchInterval;
	}

	public void setWatchInterval(Duration watchInterval) {
		this.watchInterval = watchInterval;
	}

}
