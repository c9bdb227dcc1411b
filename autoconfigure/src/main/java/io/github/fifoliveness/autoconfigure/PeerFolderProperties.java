package io.github.fifoliveness.autoconfigure;

import java.time.Duration;

import io.github.fifoliveness.peer.PeerFolder;

import org.jspecify.annotations.Nullable;

/**
 * Properties of one folder of FIFOs whose members come and go, under
 * {@code fifo-liveness.peer-folders.<group>}.
 */
public class PeerFolderProperties {

	/**
	 * Absolute path of the folder that holds the members' FIFOs.
	 */
	private @Nullable String path;

	/**
	 * Glob on file names in the folder that a member's FIFO matches; the member is named
	 * by its file name without the extension the pattern ends with, or by its whole file
	 * name where the pattern ends with none.
	 */
	private String pattern = PeerFolder.DEFAULT_PATTERN;

	/**
	 * How many members must be up for the group to be UP.
	 */
	private int minUp = 1;

	/**
	 * User (name or numeric uid) that must own the members' FIFOs; a FIFO of another
	 * owner is never a member. Defaults to the owner of the folder, also for a monitor
	 * running as root.
	 */
	private @Nullable String owner;

	/**
	 * How many members to follow at most: those found at startup, in name order, then in
	 * order of arrival. Further FIFOs are ignored with one warning.
	 */
	private int maxMembers = PeerFolder.DEFAULT_MAX_MEMBERS;

	/**
	 * How long a member, once up, must stay down before its DOWN is published, and the
	 * quorum, once held, stay lost before its loss is published; overrides
	 * "fifo-liveness.monitor.down-after".
	 */
	private @Nullable Duration downAfter;

	/**
	 * How long after the monitor started the members not seen UP yet, and the group not
	 * seen holding its quorum yet, are not DOWN; overrides
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
