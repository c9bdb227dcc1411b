package io.github.fifoliveness.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Configuration properties for fifo-liveness. Unknown properties under
 * {@code fifo-liveness} fail startup, so a misspelt peer property cannot silently leave a
 * peer unwatched. Each feature's properties are in a class of its own, bound here.
 */
@ConfigurationProperties(prefix = "fifo-liveness", ignoreUnknownFields = false)
public class FifoLivenessProperties {

	@NestedConfigurationProperty
	private final BeaconProperties beacon = new BeaconProperties();

	@NestedConfigurationProperty
	private final MonitorProperties monitor = new MonitorProperties();

	@NestedConfigurationProperty
	private final TestContextProperties test = new TestContextProperties();

	@NestedConfigurationProperty
	private final SystemdProperties systemd = new SystemdProperties();

	/**
	 * Peers to probe, by name, each with either the "path" of the FIFO its beacon holds
	 * (fifo-liveness.peers.<name>.path) or its "pid-file". Each one shows as a component
	 * of the "peers" health contributor, at /actuator/health/peers/<name>. Names of
	 * lowercase letters, digits and dashes always work; two names that bind to one peer
	 * (such as "db_1" and "db1") and names binding would shorten fail startup.
	 */
	private final Map<String, PeerProperties> peers = new LinkedHashMap<>();

	/**
	 * Folders of FIFOs to follow as pools of workers, by group name: every FIFO in the
	 * folder whose name matches the pattern is a member, joining and leaving as its FIFO
	 * appears and is removed. Each group shows as one component of the "peers" health
	 * contributor, at /actuator/health/peers/<group>, UP while at least "min-up" members
	 * are.
	 */
	private final Map<String, PeerFolderProperties> peerFolders = new LinkedHashMap<>();

	/**
	 * Absolute path of a PID file to write at startup (the decimal PID and a newline,
	 * mode 0600, renamed into place) and remove on graceful shutdown if it still holds
	 * this process's PID. For tools that only understand PID files; written whether or
	 * not the beacon is enabled.
	 */
	private @Nullable String pidFile;

	public BeaconProperties getBeacon() {
		return this.beacon;
	}

	public @Nullable String getPidFile() {
		return this.pidFile;
	}

	public void setPidFile(@Nullable String pidFile) {
		this.pidFile = pidFile;
	}

	public Map<String, PeerProperties> getPeers() {
		return this.peers;
	}

	public Map<String, PeerFolderProperties> getPeerFolders() {
		return this.peerFolders;
	}

	public MonitorProperties getMonitor() {
		return this.monitor;
	}

	public TestContextProperties getTest() {
		return this.test;
	}

	public SystemdProperties getSystemd() {
		return this.systemd;
	}

}
