package io.github.fifoliveness.peer;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

import io.github.fifoliveness.posix.NativePosix;
import org.slf4j.Logger;

/**
 * The files of a peer folder that are not members: arriving without a reader, of another
 * owner, or shadowed by a file of the same member name; each bounded like the members.
 */
final class FolderCandidates {

	// A FIFO that appears without a reader gets this long to be opened before it joins
	// as down: a beacon or a shell holder creates its FIFO and opens it a moment later.
	static final Duration ARRIVAL = Duration.ofSeconds(1);

	private final PeerFolder folder;

	private final Logger logger;

	private final LongSupplier clock;

	// Files that appeared without a reader, by the time they join anyway.
	private final Map<String, Long> arriving = new LinkedHashMap<>();

	private final Set<String> foreign = new HashSet<>();

	private final Set<String> shadowed = new HashSet<>();

	private final Set<String> unreadable = new HashSet<>();

	// Files were passed over for want of room since the last rescan.
	private boolean full;

	private boolean fullWarned;

	FolderCandidates(PeerFolder folder, Logger logger, LongSupplier clock) {
		this.folder = folder;
		this.logger = logger;
		this.clock = clock;
	}

	// Their opens and closes tell nothing.
	boolean isForeignOrShadowed(String fileName) {
		return this.foreign.contains(fileName) || this.shadowed.contains(fileName);
	}

	boolean hasRoomFor(String fileName, int members) {
		if (members + this.arriving.size() < this.folder.maxMembers() || this.arriving.containsKey(fileName)) {
			return true;
		}
		passedOver(fileName);
		return false;
	}

	// The wait of a FIFO found without a reader starts the first time it is asked.
	boolean mustWait(String fileName) {
		long now = this.clock.getAsLong();
		Long due = this.arriving.get(fileName);
		if (due != null && now - due >= 0) {
			return false;
		}
		this.arriving.putIfAbsent(fileName, now + ARRIVAL.toNanos());
		return true;
	}

	void stopWaiting(String fileName) {
		this.arriving.remove(fileName);
	}

	Optional<Long> arrivalDue() {
		return this.arriving.values().stream().findFirst();
	}

	List<String> arrived() {
		long now = this.clock.getAsLong();
		List<String> due = new ArrayList<>();
		for (Map.Entry<String, Long> arrival : this.arriving.entrySet()) {
			if (now - arrival.getValue() < 0) {
				break;
			}
			due.add(arrival.getKey());
		}
		return due;
	}

	// Not a member: no FIFO, or one of another owner, which is said once.
	void notAMember(String fileName, ProbeResult result) {
		this.arriving.remove(fileName);
		if (result.reason() == DownReason.FOREIGN_OWNER && this.foreign.size() < this.folder.maxMembers()
				&& this.foreign.add(fileName)) {
			this.logger.warn("Peer folder '" + this.folder.name() + "': '" + CStyleEscape.escape(fileName)
					+ "' is not a member: " + result.message());
		}
	}

	// A name the JVM's file-name encoding cannot hold, as decoded; said once while the
	// folder is there.
	void unreadable(String fileName) {
		if (this.unreadable.size() < this.folder.maxMembers() && this.unreadable.add(fileName)) {
			Charset names = NativePosix.fileNameCharset();
			this.logger.warn("Peer folder '" + this.folder.name() + "': '" + CStyleEscape.escape(fileName)
					+ "' is not a member: its name is not valid in the JVM's encoding of file names, " + names
					+ ", which follows the locale. " + (names.equals(StandardCharsets.UTF_8) ? "Rename the file."
							: "Run the monitor with a UTF-8 locale (LANG=C.UTF-8), or rename the file."));
		}
	}

	void notForeign(String fileName) {
		this.foreign.remove(fileName);
	}

	void shadowed(String fileName) {
		this.arriving.remove(fileName);
		if (this.shadowed.size() < this.folder.maxMembers()) {
			this.shadowed.add(fileName);
		}
	}

	private void passedOver(String fileName) {
		this.full = true;
		if (!this.fullWarned) {
			this.fullWarned = true;
			this.logger.warn("Peer folder '" + this.folder.name() + "' follows " + this.folder.maxMembers()
					+ " FIFOs, its 'max-members' (members, and FIFOs that wait a second for a reader before they"
					+ " join): '" + CStyleEscape.escape(fileName)
					+ "' and any other new FIFO are not followed until members leave. Raise 'max-members' if the"
					+ " pool is meant to be this large.");
		}
	}

	// A member that leaves may make room for one of them.
	boolean waitForRoom() {
		return this.full || !this.shadowed.isEmpty();
	}

	void rescanning(Set<String> listed) {
		this.arriving.keySet().retainAll(listed);
		this.foreign.retainAll(listed);
		this.shadowed.clear();
		this.full = false;
	}

	// Warn again the next time the folder is full, if this rescan found room for all.
	void rescanned() {
		if (!this.full) {
			this.fullWarned = false;
		}
	}

	void clear() {
		this.arriving.clear();
		this.foreign.clear();
		this.shadowed.clear();
		this.unreadable.clear();
	}

}
