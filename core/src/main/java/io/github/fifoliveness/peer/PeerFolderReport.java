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
 * What a peer folder holds at one moment: whether it exists, each member's latest probe
 * result, and what its start-up grace still holds back.
 *
 * @param present whether the folder exists and can be read
 * @param members each member's latest result, by member name, in name order
 * @param notSeenYet the members found down, never seen UP, within the start-up grace
 * @param startupGraceLeft how long the folder is still not DOWN; {@code null} once it
 * held its quorum or the grace has passed
 */
public record PeerFolderReport(PeerFolder folder, boolean present, Map<String, ProbeResult> members,
		Set<String> notSeenYet, @Nullable Duration startupGraceLeft) {

	/** Create a report. */
	public PeerFolderReport {
		members = Collections.unmodifiableMap(new TreeMap<>(members));
		notSeenYet = Collections.unmodifiableSet(new TreeSet<>(notSeenYet));
	}

	/** Create a report with no start-up grace. */
	public PeerFolderReport(PeerFolder folder, boolean present, Map<String, ProbeResult> members) {
		this(folder, present, members, Set.of(), null);
	}

	/** Return the folder's path. */
	public Path path() {
		return this.folder.path();
	}

	/** Return how many members are up. */
	public int up() {
		return (int) this.members.values().stream().filter(ProbeResult::alive).count();
	}

	/** Return how many members are down, not counting those not seen yet. */
	public int down() {
		return this.members.size() - up() - this.notSeenYet.size();
	}

	/**
	 * Whether the folder, down now, is not DOWN yet as its start-up grace has not passed.
	 * Health reports it {@link UnknownReason#NOT_SEEN_YET}.
	 */
	public boolean isNotSeenYet() {
		return this.startupGraceLeft != null && !quorum();
	}

	/** Whether the folder is up: it exists and at least {@code min-up} members are up. */
	public boolean quorum() {
		return reason() == null;
	}

	/** Return why the folder is down, {@code null} while it holds its quorum. */
	public @Nullable PeerFolderDownReason reason() {
		if (!this.present) {
			return PeerFolderDownReason.FOLDER_MISSING;
		}
		if (this.members.isEmpty()) {
			return PeerFolderDownReason.NO_MEMBERS;
		}
		return (up() < this.folder.minUp()) ? PeerFolderDownReason.QUORUM_LOST : null;
	}

	/** Return a sentence saying why the folder is down, {@code null} while it is up. */
	public @Nullable String message() {
		PeerFolderDownReason reason = reason();
		if (reason == null) {
			return null;
		}
		return switch (reason) {
			case FOLDER_MISSING ->
				"The folder does not exist or cannot be read: its members have not started, or the path is wrong";
			case NO_MEMBERS ->
				"No FIFO in the folder matches '" + this.folder.pattern() + "' with the expected owner: no member runs";
			case QUORUM_LOST ->
				up() + " of " + this.members.size() + " members are up; at least " + this.folder.minUp() + " must be";
		};
	}

}
