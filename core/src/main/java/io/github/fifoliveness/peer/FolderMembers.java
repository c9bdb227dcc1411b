package io.github.fifoliveness.peer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

import io.github.fifoliveness.posix.FolderChange;
import io.github.fifoliveness.posix.NativePosix;
import org.slf4j.Logger;
import org.jspecify.annotations.Nullable;

/**
 * The members of one peer folder, by file name: who joined, who left and who changed, as
 * the names the kernel reported since the last settle and rescans tell, with the write
 * end of each live member held where the budget allows, each member's status through a
 * {@link PeerStatusTracker} (the folder's grace period and flap limits), and the report
 * health reads. Confined to the loop's thread, except for {@link #report()}.
 */
final class FolderMembers {

	// A FIFO that appears without a reader gets this long to be opened before it joins
	// as down: a beacon or a shell holder creates its FIFO and opens it a moment later.
	static final Duration ARRIVAL = Duration.ofSeconds(1);

	private final PeerFolder folder;

	private final Logger logger;

	private final NativePosix posix;

	private final LongSupplier clock;

	private final PeerStatusTracker tracker;

	private final FolderPublications publications;

	private final Map<String, PeerFolderMember> members = new HashMap<>();

	// Member name to file name: two files that make one member name make one member.
	private final Map<String, String> fileOfMember = new HashMap<>();

	// Files that appeared without a reader, by the time they join anyway.
	private final Map<String, Long> arriving = new LinkedHashMap<>();

	// FIFOs of another owner, warned of once; bounded like the members.
	private final Set<String> foreign = new HashSet<>();

	// Files that make the name of a member another file makes already; bounded likewise.
	private final Set<String> shadowed = new HashSet<>();

	private final Set<String> pending = new LinkedHashSet<>();

	private @Nullable ExpectedOwner owner;

	private boolean present;

	private boolean rescan;

	// Files were passed over for want of room since the last rescan.
	private boolean full;

	private boolean fullWarned;

	private boolean changed;

	private volatile PeerFolderReport report;

	// Whether the report says what the first look at the folder found.
	private volatile boolean reported;

	FolderMembers(PeerFolder folder, Logger logger, PeerFolderListener listener, NativePosix posix,
			LongSupplier clock) {
		this.folder = folder;
		this.logger = logger;
		this.posix = posix;
		this.clock = clock;
		this.publications = new FolderPublications(folder, logger, listener, clock, () -> this.report,
				this.members::size, () -> this.present);
		this.tracker = new PeerStatusTracker(logger, this.publications::memberChanged, (member) -> folder.downAfter(),
				(member) -> null, this.publications::subject, this.publications.startupGrace(), clock);
		this.report = new PeerFolderReport(folder, false, Map.of());
	}

	PeerFolder folder() {
		return this.folder;
	}

	PeerFolderReport report() {
		return this.report;
	}

	/**
	 * Whether {@link #report()} says what the folder held at the first look, or later.
	 * @return {@code false} before the watcher's first look
	 */
	boolean isReported() {
		return this.reported;
	}

	PeerStatusTracker tracker() {
		return this.tracker;
	}

	PeerFolderReport withStartupGrace(PeerFolderReport report) {
		return this.publications.withStartupGrace(report);
	}

	boolean isPresent() {
		return this.present;
	}

	/**
	 * Note that the kernel reported something about a name in the folder.
	 * @param fileName the name
	 * @param change what happened
	 */
	void changed(String fileName, FolderChange change) {
		if (!this.folder.matches(fileName)) {
			return;
		}
		PeerFolderMember member = this.members.get(fileName);
		boolean openOrClose = change == FolderChange.OPENED || change == FolderChange.CLOSED_AFTER_WRITING;
		// A live member hears every probe's open and close, the watcher's own too
		// (one not held is probed every poll interval instead); a FIFO that is no
		// member tells nothing by being opened.
		boolean alive = member != null && member.last() != null && member.last().alive();
		if (openOrClose && (alive || this.foreign.contains(fileName) || this.shadowed.contains(fileName))) {
			return;
		}
		if (change == FolderChange.CLOSED_AFTER_WRITING) {
			return;
		}
		this.pending.add(fileName);
	}

	/**
	 * Note that a member's held end reported its last reader gone.
	 * @param member the member
	 */
	void readerGone(PeerFolderMember member) {
		this.pending.add(member.fileName());
	}

	/**
	 * Note that every name must be looked at again: events were lost, the folder was
	 * mounted over, or the safety net is due.
	 */
	void mustRescan() {
		this.rescan = true;
	}

	/**
	 * Whether something noted waits to be looked at.
	 * @return {@code true} if {@link #settle(WatchLoop)} has work to do now
	 */
	boolean hasWork() {
		return this.rescan || !this.pending.isEmpty();
	}

	/**
	 * Look at everything noted since the last call, and publish what came due.
	 * @param holds the loop, which holds the members' write ends
	 */
	void settle(WatchLoop holds) {
		settleMembers(holds);
		this.tracker.tick();
		this.publications.tickStartupGrace();
		this.publications.tickLines();
	}

	private void settleMembers(WatchLoop holds) {
		if (this.rescan) {
			this.rescan = false;
			this.pending.clear();
			rescan(holds);
		}
		else if (!this.pending.isEmpty()) {
			List<String> names = new ArrayList<>(this.pending);
			this.pending.clear();
			names.forEach((name) -> examine(name, holds, false));
		}
		arrive(holds);
		publishReport();
	}

	/**
	 * Probe again the live members not held, such as those beyond the budget of
	 * descriptors; the folder's watch tells of the down ones coming back.
	 * @param holds how to probe members
	 */
	void pollUnheld(WatchLoop holds) {
		for (PeerFolderMember member : new ArrayList<>(this.members.values())) {
			if (!member.isHeld() && member.last() != null && member.last().alive()) {
				examine(member.fileName(), holds, false);
			}
		}
		publishReport();
	}

	/**
	 * Return when a FIFO that appeared without a reader joins anyway.
	 * @return a {@link System#nanoTime()} value, empty when none waits
	 */
	Optional<Long> arrivalDue() {
		return this.arriving.values().stream().findFirst();
	}

	/**
	 * Look at the whole folder: who joined, who left, who changed.
	 * @param holds how to probe members
	 */
	private void rescan(WatchLoop holds) {
		this.changed = true;
		Optional<ExpectedOwner> owner = PeerFolderScan.owner(this.folder);
		Optional<List<String>> names = owner.isPresent() ? PeerFolderScan.matchingNames(this.folder) : Optional.empty();
		if (names.isEmpty()) {
			gone(holds);
			return;
		}
		if (this.present && !owner.get().equals(this.owner)) {
			// The folder changed hands: its members were trusted for the old owner.
			new ArrayList<>(this.members.values()).forEach((member) -> leave(member, holds));
		}
		this.present = true;
		this.owner = owner.get();
		Set<String> listed = new HashSet<>(names.get());
		for (PeerFolderMember member : new ArrayList<>(this.members.values())) {
			if (!listed.contains(member.fileName())) {
				leave(member, holds);
			}
		}
		this.arriving.keySet().retainAll(listed);
		this.foreign.retainAll(listed);
		this.shadowed.clear();
		this.full = false;
		for (String name : names.get()) {
			PeerFolderMember member = this.members.get(name);
			if (member == null || !member.isStillHeld()) {
				examine(name, holds, !this.publications.isStarted());
			}
		}
		if (!this.full) {
			this.fullWarned = false;
		}
	}

	/**
	 * The folder is gone, or cannot be read: every member left with it.
	 * @param holds how to release members
	 */
	void gone(WatchLoop holds) {
		for (PeerFolderMember member : new ArrayList<>(this.members.values())) {
			leave(member, holds);
		}
		this.arriving.clear();
		this.foreign.clear();
		this.shadowed.clear();
		if (this.present) {
			this.logger.warn("Peer folder '" + this.folder.name() + "' at '" + this.folder.path()
					+ "' is gone: its members count as stopped until it is back");
		}
		this.present = false;
		this.owner = null;
		this.changed = true;
	}

	/**
	 * Start: look at the whole folder, publish each member's state, then the quorum, and
	 * say what was found in one line.
	 * @param holds the loop, which holds the members' write ends
	 */
	void start(WatchLoop holds) {
		rescan(holds);
		this.publications.started();
		publishReport();
		this.reported = true;
		PeerFolderReport now = this.report;
		this.logger.info("Peer folder '" + this.folder.name() + "' at '" + this.folder.path() + "': "
				+ (now.present() ? now.members().size() + " members, " + now.up() + " up" : "missing") + "; at least "
				+ this.folder.minUp() + " must be up");
		this.publications.publishQuorum();
	}

	// The name may have joined, left, gone down or come back.
	private void examine(String fileName, WatchLoop holds, boolean joinNow) {
		if (!this.present || this.owner == null) {
			this.rescan = true;
			return;
		}
		PeerFolderMember member = this.members.get(fileName);
		boolean known = member != null;
		if (!known) {
			if (this.members.size() + this.arriving.size() >= this.folder.maxMembers()
					&& !this.arriving.containsKey(fileName)) {
				beyondMaxMembers(fileName);
				return;
			}
			member = new PeerFolderMember(this, fileName, holds.newKey(),
					new FifoPeerProbe(this.folder.path().resolve(fileName), this.owner, this.posix));
		}
		ProbeResult result = member.probeAndHold(holds);
		if (!PeerFolderScan.isMember(result)) {
			member.release(holds);
			this.arriving.remove(fileName);
			if (result.reason() == DownReason.FOREIGN_OWNER) {
				warnForeign(fileName, result);
			}
			if (known) {
				leave(member, holds);
			}
			return;
		}
		this.foreign.remove(fileName);
		if (!known) {
			String other = this.fileOfMember.get(member.name());
			if (other != null) {
				member.release(holds);
				this.arriving.remove(fileName);
				if (this.shadowed.size() < this.folder.maxMembers()) {
					this.shadowed.add(fileName);
				}
				return;
			}
			if (!result.alive() && !joinNow && !isDue(fileName)) {
				this.arriving.putIfAbsent(fileName, this.clock.getAsLong() + ARRIVAL.toNanos());
				return;
			}
			this.arriving.remove(fileName);
			this.members.put(fileName, member);
			this.fileOfMember.put(member.name(), fileName);
		}
		member.last(result);
		this.changed = true;
		this.tracker.record(member.name(), result);
	}

	private boolean isDue(String fileName) {
		Long due = this.arriving.get(fileName);
		return due != null && this.clock.getAsLong() - due >= 0;
	}

	// FIFOs that appeared without a reader and got none in time join as down.
	private void arrive(WatchLoop holds) {
		long now = this.clock.getAsLong();
		List<String> due = new ArrayList<>();
		for (Iterator<Map.Entry<String, Long>> it = this.arriving.entrySet().iterator(); it.hasNext();) {
			Map.Entry<String, Long> arrival = it.next();
			if (now - arrival.getValue() < 0) {
				break;
			}
			due.add(arrival.getKey());
		}
		due.forEach((name) -> examine(name, holds, true));
	}

	private void leave(PeerFolderMember member, WatchLoop holds) {
		member.release(holds);
		this.members.remove(member.fileName());
		this.fileOfMember.remove(member.name());
		this.tracker.forget(member.name());
		this.changed = true;
		if (this.full || !this.shadowed.isEmpty()) {
			// Files were passed over for want of room, or for the member's name: one may
			// take the place.
			this.rescan = true;
		}
		this.publications.memberLeft(member.name());
	}

	private void beyondMaxMembers(String fileName) {
		this.full = true;
		if (!this.fullWarned) {
			this.fullWarned = true;
			this.logger.warn("Peer folder '" + this.folder.name() + "' has " + this.folder.maxMembers()
					+ " members, its 'max-members': '" + CStyleEscape.escape(fileName)
					+ "' and any other new FIFO are not followed until members leave. Raise 'max-members' if the"
					+ " pool is meant to be this large.");
		}
	}

	private void warnForeign(String fileName, ProbeResult result) {
		if (this.foreign.size() < this.folder.maxMembers() && this.foreign.add(fileName)) {
			this.logger.warn("Peer folder '" + this.folder.name() + "': '" + CStyleEscape.escape(fileName)
					+ "' is not a member: " + result.message());
		}
	}

	private void publishReport() {
		if (!this.changed) {
			return;
		}
		this.changed = false;
		Map<String, ProbeResult> results = new HashMap<>();
		this.members.values().forEach((member) -> results.put(member.name(), member.last()));
		this.report = new PeerFolderReport(this.folder, this.present, results);
	}

	/**
	 * Release every member's held end.
	 * @param holds the loop that holds them
	 */
	void release(WatchLoop holds) {
		this.members.values().forEach((member) -> member.release(holds));
	}

	/**
	 * Return how long until there is work without an event.
	 * @param now {@link System#nanoTime()}
	 * @return nanoseconds, zero for now, {@link Long#MAX_VALUE} for never
	 */
	long due(long now) {
		if (hasWork()) {
			return 0;
		}
		long next = Math.min(due(arrivalDue(), now),
				Math.min(due(this.publications.linesDue(), now), due(this.publications.startupGraceDue(), now)));
		return this.tracker.isWaiting() ? Math.min(next, this.tracker.due() - now) : next;
	}

	private static long due(Optional<Long> due, long now) {
		return due.map((at) -> at - now).orElse(Long.MAX_VALUE);
	}

	/**
	 * Return the members whose held end may no longer stand for their path, after a
	 * change of the mount table.
	 * @return the file names
	 */
	List<PeerFolderMember> members() {
		return new ArrayList<>(this.members.values());
	}

}
