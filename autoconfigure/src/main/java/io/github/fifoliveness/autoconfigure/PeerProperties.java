package io.github.fifoliveness.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Properties of one peer to probe, under {@code fifo-liveness.peers.<name>}.
 */
public class PeerProperties {

	/**
	 * Absolute path of the FIFO that the peer's beacon holds. Set this or "pid-file", not
	 * both.
	 */
	private @Nullable String path;

	/**
	 * Absolute path of the PID file of a peer that writes one instead of holding a FIFO
	 * (nginx, sshd, databases). Set this or "path", not both.
	 */
	private @Nullable String pidFile;

	/**
	 * User (name or numeric uid) that must own the peer's FIFO or PID file; anything else
	 * is reported DOWN with reason FOREIGN_OWNER, as another user may have put it there.
	 * Defaults to the monitor's own user; a monitor running as root accepts any owner
	 * unless this is set. PID files owned by root are always accepted.
	 */
	private @Nullable String owner;

	/**
	 * How long this peer, once up, must stay down before its DOWN is published; overrides
	 * "fifo-liveness.monitor.down-after".
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
