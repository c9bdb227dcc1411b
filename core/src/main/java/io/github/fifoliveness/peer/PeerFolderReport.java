package io.github.fifoliveness.peer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * What a peer folder holds at one moment: whether the folder exists, each member's latest
 * probe result, and what its start-up grace still holds back.
 *
 * @param folder the folder's configuration
 * @param present whether the folder exists and can be read
 * @param members each member's latest result, by member name, in name order
 * @param notSeenYet the members found down that were not seen UP since the monitor
 * started, within the folder's start-up grace: not DOWN yet
 * @param startupGraceLeft how long the folder, which has not held its quorum since the
 * monitor started, is still not DOWN; {@code null} once it held its quorum or the grace
 * has passed
 */
public record PeerFolderReport(PeerFolder folder, boolean present, Map<String, ProbeResult> members,
		Set<String> notSeenYet, @Nullable Duration startupGraceLeft) {

	/**
	 * Create a report.
	 * @param folder the folder's configuration
	 * @param present whether the folder exists and can be read
	 * @param members each member's latest result, by member name
	 * @param notSeenYet the members found down that are not DOWN yet
	 * @param startupGraceLeft how long the folder is still not DOWN, {@code null} for no
	 * longer
	 */
	public PeerFolderReport {
		members = Collections.unmodifiableMap(new TreeMap<>(members));
		notSeenYet = Collections.unmodifiableSet(new TreeSet<>(notSeenYet));
	}

	/**
	 * Create a report with no start-up grace.
	 * @param folder the folder's configuration
	 * @param present whether the folder exists and can be read
	 * @param members each member's latest result, by member name
	 */
	public PeerFolderReport(PeerFolder folder, boolean present, Map<String, ProbeResult> members) {
		this(folder, present, members, Set.of(), null);
	}

	/**
	 * Return the folder's path.
	 * @return the path
	 */
	public Path path() {
		return this.folder.path();
	}

	/**
	 * Return how many members are up.
	 * @return the count
	 */
	public int up() {
		return (int) this.members.values().stream().filter(ProbeResult::alive).count();
	}

	/**
	 * Return how many members are down, not counting those {@link #notSeenYet() not seen
	 * yet}.
	 * @return the count
	 */
	public int down() {
		return this.members.size() - up() - this.notSeenYet.size();
	}

	/**
	 * Whether the folder, down now, is not DOWN yet: it has not held its quorum since the
	 * monitor started, and its start-up grace has not passed. Health reports it
	 * {@link UnknownReason#NOT_SEEN_YET}.
	 * @return {@code true} if so
	 */
	public boolean isNotSeenYet() {
		return this.startupGraceLeft != null && !quorum();
	}

	/**
	 * Whether the folder is up: it exists and at least {@code min-up} members are up.
	 * @return {@code true} if so
	 */
	public boolean quorum() {
		return reason() == null;
	}

	/**
	 * Return why the folder is down.
	 * @return the reason, {@code null} while it holds its quorum
	 */
	public @Nullable PeerFolderDownReason reason() {
		if (!this.present) {
			return PeerFolderDownReason.FOLDER_MISSING;
		}
		if (this.members.isEmpty()) {
			return PeerFolderDownReason.NO_MEMBERS;
		}
		return (up() < this.folder.minUp()) ? PeerFolderDownReason.QUORUM_LOST : null;
	}

	/**
	 * Return a sentence saying why the folder is down, for the health response and the
	 * check command.
	 * @return the message, {@code null} while it holds its quorum
	 */
	public @Nullable String message() {
		PeerFolderDownReason reason = reason();
		if (reason == null) {
			return null;
		}
		return switch (reason) {
			case FOLDER_MISSING ->
				"The folder does not exist or cannot be read: its members have not started," + " or the path is wrong";
			case NO_MEMBERS ->
				"No FIFO in the folder matches '" + this.folder.pattern() + "' with the expected owner: no member runs";
			case QUORUM_LOST ->
				up() + " of " + this.members.size() + " members are up; at least " + this.folder.minUp() + " must be";
		};
	}

}
