package io.github.fifoliveness.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.fifoliveness.autoconfigure.beacon.AvailabilityBeacon;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.DeprecatedConfigurationProperty;

/**
 * Configuration properties for fifo-liveness. Unknown properties under
 * {@code fifo-liveness} fail startup, so a misspelt peer property cannot silently leave a
 * peer unwatched.
 */
@ConfigurationProperties(prefix = "fifo-liveness", ignoreUnknownFields = false)
public class FifoLivenessProperties {

	private final Beacon beacon = new Beacon();

	private final Monitor monitor = new Monitor();

	private final Test test = new Test();

	private final Systemd systemd = new Systemd();

	/**
	 * Peers to probe, by name, each with either the "path" of the FIFO its beacon holds
	 * (fifo-liveness.peers.<name>.path) or its "pid-file". Each one shows as a component
	 * of the "peers" health contributor, at /actuator/health/peers/<name>. Names of
	 * lowercase letters, digits and dashes always work; two names that bind to one peer
	 * (such as "db_1" and "db1") and names binding would shorten fail startup.
	 */
	private final Map<String, Peer> peers = new LinkedHashMap<>();

	/**
	 * Folders of FIFOs to follow as pools of workers, by group name: every FIFO in the
	 * folder whose name matches the pattern is a member, joining and leaving as its FIFO
	 * appears and is removed. Each group shows as one component of the "peers" health
	 * contributor, at /actuator/health/peers/<group>, UP while at least "min-up" members
	 * are.
	 */
	private final Map<String, PeerFolder> peerFolders = new LinkedHashMap<>();

	/**
	 * Absolute path of a PID file to write at startup (the decimal PID and a newline,
	 * mode 0600, renamed into place) and remove on graceful shutdown if it still holds
	 * this process's PID. For tools that only understand PID files; written whether or
	 * not the beacon is enabled.
	 */
	private @Nullable String pidFile;

	public Beacon getBeacon() {
		return this.beacon;
	}

	public @Nullable String getPidFile() {
		return this.pidFile;
	}

	public void setPidFile(@Nullable String pidFile) {
		this.pidFile = pidFile;
	}

	public Map<String, Peer> getPeers() {
		return this.peers;
	}

	public Map<String, PeerFolder> getPeerFolders() {
		return this.peerFolders;
	}

	public Monitor getMonitor() {
		return this.monitor;
	}

	public Test getTest() {
		return this.test;
	}

	public Systemd getSystemd() {
		return this.systemd;
	}

	/**
	 * Notifications to systemd, where it asks for them (NOTIFY_SOCKET set).
	 */
	public static class Systemd {

		/**
		 * Whether to tell systemd when the application is ready and stopping and what it
		 * does, and to send watchdog pings while its LivenessState is CORRECT. Only where
		 * the environment variable NOTIFY_SOCKET is set, as systemd sets it for a
		 * Type=notify service.
		 */
		private boolean enabled = true;

		/**
		 * How much more time to ask systemd for (EXTEND_TIMEOUT_USEC) whenever start-up
		 * progresses (a bean is initialized), until the application is ready: the longest
		 * one step of start-up may take. Unset, the unit's TimeoutStartSec= applies as it
		 * is.
		 */
		private @Nullable Duration extendTimeout;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public @Nullable Duration getExtendTimeout() {
			return this.extendTimeout;
		}

		public void setExtendTimeout(@Nullable Duration extendTimeout) {
			this.extendTimeout = extendTimeout;
		}

	}

	/**
	 * The application in tests.
	 */
	public static class Test {

		/**
		 * Whether an application context started by Spring's test support holds the
		 * application's liveness and readiness beacons, as the application does. Off by
		 * default there, so that tests never take the path of the application running
		 * beside them; @AutoConfigureFifoLiveness on a test class turns it on too. Read
		 * in tests only.
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

	/**
	 * Watching peers in the background.
	 */
	public static class Monitor {

		/**
		 * How often to probe, and publish a PeerStatusChangedEvent for each change, every
		 * peer that is not watched: all of them when watching is off or unavailable (no
		 * epoll and inotify, as on macOS and the BSDs), else those that cannot be
		 * watched. Zero or negative turns polling off.
		 */
		private Duration pollInterval = Duration.ofSeconds(1);

		/**
		 * How long a peer that was up must stay down before its PeerStatusChangedEvent
		 * and log line are published; a peer back before then publishes nothing. Health
		 * and the fifo.liveness.peer.up gauge never wait, and every down is counted at
		 * once. Zero publishes every DOWN at once. A peer's own "down-after" overrides
		 * it.
		 */
		private Duration downAfter = Duration.ZERO;

		/**
		 * How long after the monitor started a peer not seen UP yet is not DOWN: until
		 * then health reports it UNKNOWN (reason NOT_SEEN_YET), and no
		 * PeerStatusChangedEvent, log line or 0 of the fifo.liveness.peer.up gauge is
		 * published. Seen UP once, it no longer applies. None by default. A peer's or
		 * peer folder's own "startup-grace" overrides it.
		 */
		private @Nullable Duration startupGrace;

		private final Watch watch = new Watch();

		public Duration getPollInterval() {
			return this.pollInterval;
		}

		public void setPollInterval(Duration pollInterval) {
			this.pollInterval = pollInterval;
		}

		public Duration getDownAfter() {
			return this.downAfter;
		}

		public void setDownAfter(Duration downAfter) {
			this.downAfter = downAfter;
		}

		public @Nullable Duration getStartupGrace() {
			return this.startupGrace;
		}

		public void setStartupGrace(@Nullable Duration startupGrace) {
			this.startupGrace = startupGrace;
		}

		public Watch getWatch() {
			return this.watch;
		}

		/**
		 * Watching peers through the kernel's events instead of probing them.
		 */
		public static class Watch {

			/**
			 * Whether to learn of peers dying and coming back from the kernel, within
			 * milliseconds and without polling: the write end of each live peer's FIFO
			 * held in an epoll set, a pidfd for each live PID-file peer, inotify on the
			 * folders of peers that are down (Linux on x86_64 and aarch64). Off, every
			 * peer is probed every poll interval.
			 */
			private boolean enabled = true;

			/**
			 * How often to probe the watched peers anyway, as a safety net under the
			 * kernel's events. Zero or negative turns it off.
			 */
			private Duration safetyNetInterval = Duration.ofSeconds(60);

			public boolean isEnabled() {
				return this.enabled;
			}

			public void setEnabled(boolean enabled) {
				this.enabled = enabled;
			}

			public Duration getSafetyNetInterval() {
				return this.safetyNetInterval;
			}

			public void setSafetyNetInterval(Duration safetyNetInterval) {
				this.safetyNetInterval = safetyNetInterval;
			}

		}

	}

	/**
	 * The application's own liveness beacon.
	 */
	public static class Beacon {

		/**
		 * Whether to hold a liveness FIFO while the application runs.
		 */
		private boolean enabled = true;

		/**
		 * Absolute path of the liveness FIFO. Defaults to
		 * "$XDG_RUNTIME_DIR/<app>/<app>.fifo", or, without XDG_RUNTIME_DIR, to
		 * "<java.io.tmpdir>/fifo-liveness-<user>/<app>/<app>.fifo", where <app> is
		 * spring.application.name and <user> the user's name, or uid where the user has
		 * no name the JVM knows. With single-instance on, the file name may be at most
		 * 250 bytes, so that "<name>.lock" fits beside it.
		 */
		private @Nullable String path;

		/**
		 * Whether to take an exclusive lock on "<path>.lock" so that only one instance
		 * holds the FIFO; a second instance fails startup. Turn off for applications that
		 * want several instances to hold one FIFO.
		 */
		private boolean singleInstance = true;

		/**
		 * How often to check that the path still names the FIFO the beacon holds, and
		 * recreate it if something (such as a tmp cleaner) removed it. Zero turns the
		 * check off.
		 */
		private Duration watchInterval = AvailabilityBeacon.DEFAULT_WATCH_INTERVAL;

		/**
		 * Whether to close the FIFO while the application's liveness state is BROKEN, so
		 * that peers see a running but broken application down.
		 */
		private boolean followLivenessState = true;

		/**
		 * Absolute path of a second FIFO that follows the application's readiness: held
		 * while it accepts traffic, closed while it refuses it, so a monitor can watch
		 * readiness as a peer of its own. The file name may be at most 250 bytes, so that
		 * "<name>.lock" fits beside it.
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

	/**
	 * One peer to probe.
	 */
	public static class Peer {

		/**
		 * Absolute path of the FIFO that the peer's beacon holds. Set this or "pid-file",
		 * not both.
		 */
		private @Nullable String path;

		/**
		 * Absolute path of the PID file of a peer that writes one instead of holding a
		 * FIFO (nginx, sshd, databases). Set this or "path", not both.
		 */
		private @Nullable String pidFile;

		/**
		 * User (name or numeric uid) that must own the peer's FIFO or PID file; anything
		 * else is reported DOWN with reason FOREIGN_OWNER, as another user may have put
		 * it there. Defaults to the monitor's own user; a monitor running as root accepts
		 * any owner unless this is set. PID files owned by root are always accepted.
		 */
		private @Nullable String owner;

		/**
		 * How long this peer, once up, must stay down before its DOWN is published;
		 * overrides "fifo-liveness.monitor.down-after".
		 */
		private @Nullable Duration downAfter;

		/**
		 * How long after the monitor started this peer, not seen UP yet, is not DOWN;
		 * overrides "fifo-liveness.monitor.startup-grace".
		 */
		private @Nullable Duration startupGrace;

		public @Nullable Duration getDownAfter() {
			return this.downAfter;
		}

		public void setDownAfter(@Nullable Duration downAfter) {
			this.downAfter = downAfter;
		}

		public @Nullable Duration getStartupGrace() {
			return this.startupGrace;
		}

		public void setStartupGrace(@Nullable Duration startupGrace) {
			this.startupGrace = startupGrace;
		}

		public @Nullable String getPath() {
			return this.path;
		}

		public void setPath(@Nullable String path) {
			this.path = path;
		}

		public @Nullable String getOwner() {
			return this.owner;
		}

		public void setOwner(@Nullable String owner) {
			this.owner = owner;
		}

		public @Nullable String getPidFile() {
			return this.pidFile;
		}

		public void setPidFile(@Nullable String pidFile) {
			this.pidFile = pidFile;
		}

	}

	/**
	 * One folder of FIFOs whose members come and go.
	 */
	public static class PeerFolder {

		/**
		 * Absolute path of the folder that holds the members' FIFOs.
		 */
		private @Nullable String path;

		/**
		 * Glob on file names in the folder that a member's FIFO matches; the member is
		 * named by its file name without the extension.
		 */
		private String pattern = io.github.fifoliveness.peer.PeerFolder.DEFAULT_PATTERN;

		/**
		 * How many members must be up for the group to be UP.
		 */
		private int minUp = 1;

		/**
		 * User (name or numeric uid) that must own the members' FIFOs; a FIFO of another
		 * owner is never a member. Defaults to the owner of the folder, also for a
		 * monitor running as root.
		 */
		private @Nullable String owner;

		/**
		 * How many members to follow at most: those found at startup, in name order, then
		 * in order of arrival. Further FIFOs are ignored with one warning.
		 */
		private int maxMembers = io.github.fifoliveness.peer.PeerFolder.DEFAULT_MAX_MEMBERS;

		/**
		 * How long a member, once up, must stay down before its DOWN is published;
		 * overrides "fifo-liveness.monitor.down-after".
		 */
		private @Nullable Duration downAfter;

		/**
		 * How long after the monitor started the members not seen UP yet, and the group
		 * not seen holding its quorum yet, are not DOWN; overrides
		 * "fifo-liveness.monitor.startup-grace".
		 */
		private @Nullable Duration startupGrace;

		public @Nullable String getPath() {
			return this.path;
		}

		public void setPath(@Nullable String path) {
			this.path = path;
		}

		public String getPattern() {
			return this.pattern;
		}

		public void setPattern(String pattern) {
			this.pattern = pattern;
		}

		public int getMinUp() {
			return this.minUp;
		}

		public void setMinUp(int minUp) {
			this.minUp = minUp;
		}

		public @Nullable String getOwner() {
			return this.owner;
		}

		public void setOwner(@Nullable String owner) {
			this.owner = owner;
		}

		public int getMaxMembers() {
			return this.maxMembers;
		}

		public void setMaxMembers(int maxMembers) {
			this.maxMembers = maxMembers;
		}

		public @Nullable Duration getDownAfter() {
			return this.downAfter;
		}

		public void setDownAfter(@Nullable Duration downAfter) {
			this.downAfter = downAfter;
		}

		public @Nullable Duration getStartupGrace() {
			return this.startupGrace;
		}

		public void setStartupGrace(@Nullable Duration startupGrace) {
			this.startupGrace = startupGrace;
		}

	}

}
