package io.github.fifoliveness.peer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
 * the names the kernel reported since the last settle and rescans tell, each live member
 * holding its write end where the budget allows, each member's status through a
 * {@link PeerStatusTracker} (the folder's grace period and flap limits), and the report
 * health reads. Confined to the loop's thread, except for {@link #report()}.
 */
final class FolderMembers {

	private final PeerFolder folder;

	private final Logger logger;

	private final NativePosix posix;

	private final PeerStatusTracker tracker;

	private final FolderPublications publications;

	private final Map<String, PeerFolderMember> members = new HashMap<>();

	// Member name to file name: two files that make one member name make one member.
	private final Map<String, String> fileOfMember = new HashMap<>();

	private final FolderCandidates candidates;

	private final Set<String> pending = new LinkedHashSet<>();

	private @Nullable ExpectedOwner owner;

	private boolean present;

	private boolean rescan;

	private boolean changed;

	private volatile PeerFolderReport report;

	// Whether the report says what the first look at the folder found.
	private volatile boolean reported;

	FolderMembers(PeerFolder folder, Logger logger, PeerFolderListener listener, NativePosix posix,
			LongSupplier clock) {
		this.folder = folder;
		this.logger = logger;
		this.posix = posix;
		this.publications = new FolderPublications(folder, logger, listener, clock, () -> this.report,
				this.members::size, () -> this.present);
		this.tracker = new PeerStatusTracker(logger, this.publications::memberChanged, (member) -> folder.downAfter(),
				(member) -> null, this.publications::subject, this.publications.startupGrace(), clock);
		this.report = new PeerFolderReport(folder, false, Map.of());
		this.candidates = new FolderCandidates(folder, logger, clock);
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
		if (openOrClose && (alive || this.candidates.isForeignOrShadowed(fileName))) {
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
		this.candidates.rescanning(listed);
		for (String name : names.get()) {
			PeerFolderMember member = this.members.get(name);
			if (member == null || !member.isStillHeld()) {
				examine(name, holds, !this.publications.isStarted());
			}
		}
		this.candidates.rescanned();
	}

	/**
	 * The folder is gone, or cannot be read: every member left with it.
	 * @param holds how to release members
	 */
	void gone(WatchLoop holds) {
		for (PeerFolderMember member : new ArrayList<>(this.members.values())) {
			leave(member, holds);
		}
		this.candidates.clear();
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
			if (this.members.size() + this.candidates.arriving() >= this.folder.maxMembers()
					&& !this.candidates.isArriving(fileName)) {
				this.candidates.passedOver(fileName);
				return;
			}
			member = new PeerFolderMember(this, fileName, holds.newKey(),
					new FifoPeerProbe(this.folder.path().resolve(fileName), this.owner, this.posix));
		}
		ProbeResult result = member.probeAndHold(holds);
		if (!PeerFolderScan.isMember(result)) {
			member.release(holds);
			this.candidates.stopWaiting(fileName);
			if (result.reason() == DownReason.FOREIGN_OWNER) {
				this.candidates.foreign(fileName, result);
			}
			if (known) {
				leave(member, holds);
			}
			return;
		}
		this.candidates.notForeign(fileName);
		if (!known) {
			String other = this.fileOfMember.get(member.name());
			if (other != null) {
				member.release(holds);
				this.candidates.stopWaiting(fileName);
				this.candidates.shadowed(fileName);
				return;
			}
			if (!result.alive() && !joinNow && this.candidates.mustWait(fileName)) {
				return;
			}
			this.candidates.stopWaiting(fileName);
			this.members.put(fileName, member);
			this.fileOfMember.put(member.name(), fileName);
		}
		member.last(result);
		this.changed = true;
		this.tracker.record(member.name(), result);
	}

	// FIFOs that appeared without a reader and got none in time join as down.
	private void arrive(WatchLoop holds) {
		this.candidates.arrived().forEach((name) -> examine(name, holds, true));
	}

	private void leave(PeerFolderMember member, WatchLoop holds) {
		member.release(holds);
		this.members.remove(member.fileName());
		this.fileOfMember.remove(member.name());
		this.tracker.forget(member.name());
		this.changed = true;
		if (this.candidates.waitForRoom()) {
			// Files were passed over for want of room, or for the member's name: one may
			// take the place.
			this.rescan = true;
		}
		this.publications.memberLeft(member.name());
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
		long next = Math.min(due(this.candidates.arrivalDue(), now),
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
