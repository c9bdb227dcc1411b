package io.github.fifoliveness.peer;

import java.io.IOException;
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
 * The members of one peer folder, by file name, as the kernel's events and rescans tell;
 * live members hold their write ends where the budget allows. Confined to the loop's
 * thread.
 */
final class FolderMembers {

	private final PeerFolder folder;

	private final NativePosix posix;

	private final PeerStatusTracker tracker;

	private final FolderPublications publications;

	private final Map<String, PeerFolderMember> members = new HashMap<>();

	// Member name to file name: two files that make one member name make one member.
	private final Map<String, String> fileOfMember = new HashMap<>();

	private final FolderCandidates candidates;

	private final FolderPresence presence;

	private final Set<String> pending = new LinkedHashSet<>();

	private @Nullable ExpectedOwner owner;

	// The folder the members are in, read as a rescan begins and published with them.
	private @Nullable Object identity;

	private boolean rescan;

	private boolean changed;

	FolderMembers(PeerFolder folder, Logger logger, PeerFolderListener listener, NativePosix posix,
			LongSupplier clock) {
		this.folder = folder;
		this.posix = posix;
		this.presence = new FolderPresence(folder, logger);
		this.publications = new FolderPublications(folder, logger, listener, clock, this.members::size,
				this.presence::isPresent);
		this.tracker = new PeerStatusTracker(logger, this.publications::memberChanged, (member) -> folder.downAfter(),
				(member) -> null, this.publications::subject, this.publications::memberLine,
				this.publications.startupGrace(), clock);
		this.candidates = new FolderCandidates(folder, logger, clock);
	}

	FolderPublications publications() {
		return this.publications;
	}

	void changed(String fileName, FolderChange change) {
		if (!this.folder.matches(fileName)) {
			return;
		}
		PeerFolderMember member = this.members.get(fileName);
		boolean openOrClose = change == FolderChange.OPENED || change == FolderChange.CLOSED_AFTER_WRITING;
		if (member == null && fileName.indexOf('\uFFFD') >= 0) {
			// Decoded with a replacement character: only a listing tells whether the name
			// is really so, or one the JVM's file-name encoding cannot hold.
			this.rescan |= !openOrClose;
			return;
		}
		// A live member hears every probe's open and close, the watcher's own too; a
		// FIFO that is no member tells nothing by being opened.
		boolean alive = member != null && member.last() != null && member.last().alive();
		if (openOrClose && (alive || this.candidates.isForeignOrShadowed(fileName))) {
			return;
		}
		if (change == FolderChange.CLOSED_AFTER_WRITING) {
			return;
		}
		this.pending.add(fileName);
	}

	void readerGone(PeerFolderMember member) {
		this.pending.add(member.fileName());
	}

	void mustRescan() {
		this.rescan = true;
	}

	void settle(WatchLoop holds) {
		settleMembers(holds);
		this.tracker.tick();
		this.publications.tick();
	}

	private void settleMembers(WatchLoop holds) {
		if (this.rescan) {
			this.rescan = false;
			// A death told in this turn: a rescan passes over members still held.
			List<String> told = new ArrayList<>(this.pending);
			this.pending.clear();
			this.publications.batch(() -> {
				rescan(holds);
				told.stream().filter(this.members::containsKey).forEach((name) -> examine(name, holds, false));
			});
		}
		else if (!this.pending.isEmpty()) {
			List<String> names = new ArrayList<>(this.pending);
			this.pending.clear();
			names.forEach((name) -> examine(name, holds, false));
		}
		arrive(holds);
		publishReport();
	}

	// Polls live members beyond the descriptor budget; the watch tells of down ones.
	void pollUnheld(WatchLoop holds) {
		this.rescan |= this.presence.isUnlisted();
		for (PeerFolderMember member : new ArrayList<>(this.members.values())) {
			if (!member.isHeld() && member.last() != null && member.last().alive()) {
				examine(member.fileName(), holds, false);
			}
		}
		publishReport();
	}

	private void rescan(WatchLoop holds) {
		this.changed = true;
		PeerFolderScan.AtPath atPath = PeerFolderScan.AtPath.of(this.folder);
		Optional<ExpectedOwner> owner = atPath.owner();
		this.identity = atPath.identity();
		Optional<List<String>> names;
		try {
			names = owner.isPresent() ? PeerFolderScan.matchingNames(this.folder, this.candidates::unreadable)
					: Optional.empty();
		}
		catch (IOException ex) {
			this.presence.notListed(ex);
			return;
		}
		this.presence.listed();
		if (names.isEmpty()) {
			gone(owner.isPresent() || atPath.denied(), holds);
			return;
		}
		if (this.presence.isPresent() && !owner.get().equals(this.owner)) {
			// The folder changed hands: its members were trusted for the old owner.
			new ArrayList<>(this.members.values())
				.forEach((member) -> leave(member, "its folder changed hands", holds));
		}
		this.presence.found();
		this.owner = owner.get();
		Set<String> listed = new HashSet<>(names.get());
		for (PeerFolderMember member : new ArrayList<>(this.members.values())) {
			if (!listed.contains(member.fileName())) {
				leave(member, PeerFolderScan.GONE_FROM_FOLDER, holds);
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

	// The folder is gone, or cannot be read: every member left with it.
	private void gone(boolean unreadable, WatchLoop holds) {
		String why = this.presence.gone(unreadable);
		new ArrayList<>(this.members.values()).forEach((member) -> leave(member, why, holds));
		this.candidates.clear();
		this.owner = null;
		this.changed = true;
	}

	void start(WatchLoop holds) {
		rescan(holds);
		this.publications.started();
		publishReport();
		this.publications.firstLookDone();
	}

	private void examine(String fileName, WatchLoop holds, boolean joinNow) {
		if (!this.presence.isPresent() || this.owner == null) {
			this.rescan = true;
			return;
		}
		PeerFolderMember member = this.members.get(fileName);
		boolean known = member != null;
		if (!known) {
			if (!this.candidates.hasRoomFor(fileName, this.members.size())) {
				return;
			}
			member = new PeerFolderMember(this, fileName, this.folder.memberName(fileName), holds.keys().take(),
					new FifoPeerProbe(this.folder.path().resolve(fileName), this.owner, this.posix));
		}
		ProbeResult result = member.probeAndHold(holds);
		if (!PeerFolderScan.isMember(result)) {
			this.candidates.notAMember(fileName, result);
			if (known) {
				leave(member, PeerFolderScan.whyNoLonger(result), holds);
			}
			else {
				member.drop(holds);
			}
			return;
		}
		this.candidates.notForeign(fileName);
		if (!known) {
			String other = this.fileOfMember.get(member.name());
			if (other != null) {
				member.drop(holds);
				this.candidates.shadowed(fileName);
				return;
			}
			if (!result.alive() && !joinNow && this.candidates.mustWait(fileName)) {
				member.drop(holds);
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

	private void leave(PeerFolderMember member, String why, WatchLoop holds) {
		member.drop(holds);
		this.members.remove(member.fileName());
		this.fileOfMember.remove(member.name());
		Optional<Long> heldDownDue = this.tracker.heldBackUntil(member.name());
		this.tracker.forget(member.name());
		this.changed = true;
		if (this.candidates.waitForRoom()) {
			// A file passed over for want of room, or for this name, may take its place.
			this.rescan = true;
		}
		this.publications.memberLeft(member.name(), why, heldDownDue);
	}

	private void publishReport() {
		if (!this.changed) {
			return;
		}
		this.changed = false;
		Map<String, ProbeResult> results = new HashMap<>();
		int polled = 0;
		for (PeerFolderMember member : this.members.values()) {
			ProbeResult last = member.last();
			results.put(member.name(), last);
			polled += (!member.isHeld() && last != null && last.alive()) ? 1 : 0;
		}
		this.publications.report(new PeerFolderReport(this.folder, this.presence.isPresent(), results), this.identity,
				polled);
	}

	void release(WatchLoop holds) {
		this.members.values().forEach((member) -> member.release(holds));
	}

	// Nanoseconds until there is work without an event.
	long due(long now) {
		if (this.rescan || !this.pending.isEmpty()) {
			return 0;
		}
		long next = Math.min(due(this.candidates.arrivalDue(), now), due(this.publications.due(), now));
		return this.tracker.isWaiting() ? Math.min(next, this.tracker.due() - now) : next;
	}

	private static long due(Optional<Long> due, long now) {
		return due.map((at) -> at - now).orElse(Long.MAX_VALUE);
	}

}
