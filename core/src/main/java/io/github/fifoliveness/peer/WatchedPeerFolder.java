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
import io.github.fifoliveness.posix.PosixException;
import io.github.fifoliveness.posix.WriteEndHold;
import org.slf4j.Logger;
import org.jspecify.annotations.Nullable;

/**
 * One peer folder as {@link WatchLoop} serves it: the folder watched with inotify (or its
 * nearest existing ancestor while it is missing), its members by file name with the write
 * end of each live one held, the names the kernel reported since the last settle, and
 * what was published (each member's status through a {@link PeerStatusTracker}, with the
 * folder's grace period and flap limits, and the quorum). Without events, or where the
 * folder cannot be watched, it is rescanned every poll interval. Confined to the loop's
 * thread, except for {@link #report()}.
 */
final class WatchedPeerFolder implements WatchGroup, FolderWatches.Follower {

	// A FIFO that appears without a reader gets this long to be opened before it joins
	// as down: a beacon or a shell holder creates its FIFO and opens it a moment later.
	static final Duration ARRIVAL = Duration.ofSeconds(1);

	private final PeerFolder folder;

	private final Logger logger;

	private final PeerFolderListener listener;

	private final NativePosix posix;

	private final LongSupplier clock;

	private final PeerStatusTracker tracker;

	// The members' and the quorum's, shared with health requests.
	private final StartupGrace startupGrace;

	private volatile boolean quorumSeen;

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

	private final Set<String> publishedUp = new HashSet<>();

	// Joins, leaves and quorum changes share one limit per folder.
	private final ChangeLines lines = new ChangeLines();

	private @Nullable ExpectedOwner owner;

	private boolean present;

	// Whether the folder, or an ancestor on the way to it, is watched.
	private boolean armed;

	private boolean rearm;

	// Said once: the folder cannot be watched.
	private boolean unwatchableWarned;

	private int safetyNetTicks;

	private final int phase;

	private boolean rescan;

	// Files were passed over for want of room since the last rescan.
	private boolean full;

	private boolean fullWarned;

	private @Nullable Boolean quorum;

	private boolean started;

	private boolean changed;

	private volatile PeerFolderReport report;

	// Whether the report says what the first look at the folder found.
	private volatile boolean reported;

	WatchedPeerFolder(PeerFolder folder, int phase, Logger logger, PeerFolderListener listener, NativePosix posix,
			LongSupplier clock) {
		this.folder = folder;
		this.phase = phase;
		this.logger = logger;
		this.listener = listener;
		this.posix = posix;
		this.clock = clock;
		this.startupGrace = new StartupGrace((member) -> folder.startupGrace(), clock);
		this.tracker = new PeerStatusTracker(logger, this::memberChanged, (member) -> folder.downAfter(),
				(member) -> null, this::subject, this.startupGrace, clock);
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

	/**
	 * Return a report with what the start-up grace holds back now: the members found down
	 * that were never seen UP, and whether the folder never held its quorum, within the
	 * grace. Notes who the report shows UP, so that a scan made by a health request ends
	 * the grace too. Safe to call from any thread.
	 * @param report the report, the watcher's or a scan's
	 * @return the report with the grace
	 */
	PeerFolderReport withStartupGrace(PeerFolderReport report) {
		if (this.folder.startupGrace().isZero()) {
			return report;
		}
		if (report.quorum()) {
			this.quorumSeen = true;
		}
		Set<String> notSeenYet = new HashSet<>();
		report.members().forEach((name, result) -> {
			if (result.alive()) {
				this.startupGrace.seenUp(name);
			}
			else if (this.startupGrace.left(name).isPresent()) {
				notSeenYet.add(name);
			}
		});
		return new PeerFolderReport(report.folder(), report.present(), report.members(), notSeenYet,
				quorumGraceLeft().orElse(null));
	}

	// How long the first quorum event may still wait for the quorum.
	private Optional<Duration> quorumGraceLeft() {
		return this.quorumSeen ? Optional.empty() : this.startupGrace.left(this.folder.startupGrace());
	}

	/**
	 * Return when the start-up grace of a folder that has not published its quorum yet
	 * ends.
	 * @return a {@link System#nanoTime()} value, empty when nothing waits for it
	 */
	Optional<Long> startupGraceDue() {
		if (!this.started || this.quorum != null) {
			return Optional.empty();
		}
		return quorumGraceLeft().map((left) -> this.startupGrace.end(this.folder.startupGrace()));
	}

	/**
	 * Publish the quorum lost, if the start-up grace held it back and has passed.
	 */
	void tickStartupGrace() {
		if (this.started && this.quorum == null && quorumGraceLeft().isEmpty()) {
			publishQuorum();
		}
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

	@Override
	public void settle(WatchLoop holds) {
		if (this.rearm) {
			arm(holds);
			this.rescan = true;
		}
		settleMembers(holds);
		this.tracker.tick();
		tickStartupGrace();
		tickLines();
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
	 * Probe again the members not held, such as those beyond the budget of descriptors.
	 * @param holds how to probe members
	 */
	void pollUnheld(WatchLoop holds) {
		for (PeerFolderMember member : new ArrayList<>(this.members.values())) {
			if (!member.isHeld()) {
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
				examine(name, holds, !this.started);
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
	 * Start: watch the folder, look at the whole of it, publish each member's state, then
	 * the quorum, and say what was found in one line.
	 */
	@Override
	public void start(WatchLoop holds) {
		this.rearm = false;
		this.armed = false;
		if (holds.isWatching()) {
			arm(holds);
		}
		rescan(holds);
		this.started = true;
		publishReport();
		this.reported = true;
		PeerFolderReport now = this.report;
		this.logger.info("Peer folder '" + this.folder.name() + "' at '" + this.folder.path() + "': "
				+ (now.present() ? now.members().size() + " members, " + now.up() + " up" : "missing") + "; at least "
				+ this.folder.minUp() + " must be up");
		publishQuorum();
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
		ProbeResult result = probe(holds, member);
		if (!PeerFolderScan.isMember(result)) {
			release(holds, member);
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
				release(holds, member);
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
		release(holds, member);
		this.members.remove(member.fileName());
		this.fileOfMember.remove(member.name());
		this.tracker.forget(member.name());
		this.publishedUp.remove(member.name());
		this.changed = true;
		if (this.full || !this.shadowed.isEmpty()) {
			// Files were passed over for want of room, or for the member's name: one may
			// take the place.
			this.rescan = true;
		}
		if (this.started) {
			line(true, subject(member.name()) + " left (its FIFO was removed): it stopped");
		}
		publish(PeerFolderChange.Kind.MEMBER_LEFT, member.name(), null);
		publishQuorum();
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

	// What the tracker publishes for a member: its first result is its joining.
	private void memberChanged(PeerStatusChange change) {
		ProbeResult result = change.getResult();
		PeerFolderChange.Kind kind = (change.getPreviousStatus() == PeerStatus.UNKNOWN)
				? PeerFolderChange.Kind.MEMBER_JOINED
				: result.alive() ? PeerFolderChange.Kind.MEMBER_UP : PeerFolderChange.Kind.MEMBER_DOWN;
		if (result.alive()) {
			this.publishedUp.add(change.getPeer());
		}
		else {
			this.publishedUp.remove(change.getPeer());
		}
		if (kind == PeerFolderChange.Kind.MEMBER_JOINED && this.started) {
			line(result.alive(), subject(change.getPeer()) + " joined"
					+ (result.alive() ? "" : " down (" + result.reason() + "): " + result.message()));
		}
		publish(kind, change.getPeer(), result);
		publishQuorum();
	}

	private void publishQuorum() {
		if (!this.started) {
			return;
		}
		int up = this.publishedUp.size();
		boolean now = this.present && up >= this.folder.minUp();
		if (now) {
			this.quorumSeen = true;
		}
		if (this.quorum != null && this.quorum == now) {
			return;
		}
		if (this.quorum == null && !now && quorumGraceLeft().isPresent()) {
			// Not held since the start: not lost until the start-up grace has passed.
			return;
		}
		boolean first = this.quorum == null;
		this.quorum = now;
		String counts = up + " of " + this.members.size() + " members up, at least " + this.folder.minUp() + " needed";
		if (now) {
			line(true, "Peer folder '" + this.folder.name() + "' holds its quorum" + (first ? "" : " again") + ": "
					+ counts);
		}
		else {
			line(false, "Peer folder '" + this.folder.name() + "' " + (first ? "has no" : "lost its") + " quorum: "
					+ counts);
		}
		publish(now ? PeerFolderChange.Kind.QUORUM_HELD : PeerFolderChange.Kind.QUORUM_LOST, null, null);
	}

	// A listener that throws must not end the following of the folder.
	private void publish(PeerFolderChange.Kind kind, @Nullable String member, @Nullable ProbeResult result) {
		PeerFolderChange change = new PeerFolderChange(this.folder.name(), kind, member, result,
				this.publishedUp.size(), this.members.size(), this.folder.minUp());
		try {
			this.listener.peerFolderChanged(change);
		}
		catch (RuntimeException ex) {
			this.logger.warn("A PeerFolderListener failed on " + change, ex);
		}
	}

	private void line(boolean info, String line) {
		if (!this.lines.log(this.clock.getAsLong())) {
			return;
		}
		if (info) {
			this.logger.info(line);
		}
		else {
			this.logger.warn(line);
		}
	}

	/**
	 * Log the folder's own lines that are due: how many joins, leaves and quorum changes
	 * went unlogged.
	 */
	void tickLines() {
		long now = this.clock.getAsLong();
		long count = this.lines.countLine(now);
		if (count > 0) {
			this.logger.warn("Peer folder '" + this.folder.name() + "': " + count + " joins, leaves and quorum"
					+ " changes in the last " + ChangeLines.WINDOW.toSeconds() + " s were not logged; " + describeNow()
					+ ". Its health and gauges tell its state at every moment.");
		}
		long still = this.lines.stillLine(now);
		if (still >= 0) {
			this.logger
				.info("Peer folder '" + this.folder.name() + "' has held still for " + ChangeLines.WINDOW.toSeconds()
						+ " s" + ((still > 0) ? " (" + still + " more not logged)" : "") + ": " + describeNow());
		}
	}

	/**
	 * Return when {@link #tickLines()} is due, while lines are limited.
	 * @return a {@link System#nanoTime()} value, empty when nothing is due
	 */
	Optional<Long> linesDue() {
		return this.lines.isLimited() ? Optional.of(this.lines.due()) : Optional.empty();
	}

	private String describeNow() {
		PeerFolderReport now = this.report;
		return now.present() ? now.up() + " of " + now.members().size() + " members up" : "the folder is missing";
	}

	private String subject(String member) {
		return "Member '" + CStyleEscape.escape(member) + "' of peer folder '" + this.folder.name() + "'";
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

	@Override
	public void release(WatchLoop holds) {
		this.members.values().forEach((member) -> release(holds, member));
		holds.unwatchFolder(this);
		this.armed = false;
	}

	// Holds the write end of a live member where the budget allows, else probes it.
	private ProbeResult probe(WatchLoop loop, PeerFolderMember member) {
		release(loop, member);
		try {
			WriteEndHold hold = loop.holdWriteEnd(member.probe(), member, false);
			if (hold == null) {
				return member.probe().probe();
			}
			member.held(hold.held());
			return member.probe().resultOf(hold.result());
		}
		catch (PosixException ex) {
			// Alive, but its end cannot join the set: probed every poll interval instead.
			return ProbeResult.ALIVE;
		}
	}

	private void release(WatchLoop loop, PeerFolderMember member) {
		if (member.release()) {
			loop.released(member, false);
		}
	}

	// Watches the folder, or while it is missing its nearest existing ancestor.
	private void arm(WatchLoop loop) {
		this.rearm = false;
		try {
			loop.watchFolder(this, this.folder.path(), null);
			this.armed = true;
		}
		catch (PosixException ex) {
			this.armed = false;
			if (!this.unwatchableWarned) {
				this.unwatchableWarned = true;
				this.logger.warn("Peer folder '" + this.folder.name() + "' cannot be watched (" + ex.getMessage()
						+ "): it is rescanned every " + describe(loop.settings().pollInterval()) + " instead");
			}
		}
	}

	private static String describe(Duration interval) {
		return WatchSettings.isOff(interval)
				? "safety-net interval ('fifo-liveness.monitor.poll-interval' is " + interval + ")"
				: interval.toMillis() + " ms ('fifo-liveness.monitor.poll-interval')";
	}

	@Override
	public void fileChanged(String name, FolderChange change) {
		changed(name, change);
	}

	@Override
	public void watchAgain() {
		this.rearm = true;
	}

	@Override
	public boolean isPolled() {
		return true;
	}

	// Not watched: rescanned; watched: live members not held are probed.
	@Override
	public void poll(WatchLoop loop) {
		if (!this.armed) {
			mustRescan();
		}
		else {
			pollUnheld(loop);
		}
	}

	// Once every slices ticks, each folder on a tick of its own.
	@Override
	public void safetyNet(WatchLoop loop, int slices) {
		this.safetyNetTicks++;
		if ((this.safetyNetTicks + this.phase) % slices == 0) {
			lookAgain(loop);
		}
	}

	// A folder renamed away, or a link pointed elsewhere, keeps the old watch.
	@Override
	public void lookAgain(WatchLoop loop) {
		mustRescan();
		if (loop.isWatching() && !loop.isFolderStillAt(this)) {
			this.rearm = true;
		}
	}

	@Override
	public long due(long now) {
		if (hasWork() || this.rearm) {
			return 0;
		}
		long next = Math.min(due(arrivalDue(), now), Math.min(due(linesDue(), now), due(startupGraceDue(), now)));
		return this.tracker.isWaiting() ? Math.min(next, this.tracker.due() - now) : next;
	}

	private static long due(Optional<Long> due, long now) {
		return due.map((at) -> at - now).orElse(Long.MAX_VALUE);
	}

	@Override
	public int size() {
		return 1;
	}

	@Override
	public String describe() {
		return "peer folder '" + this.folder.name() + "'";
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
