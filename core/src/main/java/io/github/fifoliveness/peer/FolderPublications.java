package io.github.fifoliveness.peer;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link WatchedPeerFolder} publishes: changes, quorum, log lines (through
 * {@link FolderLines}) and the report health reads. Confined to the watcher's thread,
 * except for {@link #report()}, {@link #isReported()}, {@link #isStillAtPath()} and
 * {@link #withStartupGrace(PeerFolderReport)}.
 */
final class FolderPublications {

	private final PeerFolder folder;

	private final Logger logger;

	private final PeerFolderListener listener;

	private final LongSupplier clock;

	private volatile PeerFolderReport report;

	// Whether the report says what the first look at the folder found.
	private volatile boolean reported;

	// The folder the report's members are in, as PeerFolderScan.AtPath gives it.
	private volatile @Nullable Object scanned;

	// Live members probed every poll interval, for want of a descriptor to hold.
	private volatile int polled;

	// The members' and the quorum's, shared with health requests.
	private final StartupGrace startupGrace;

	private volatile boolean quorumSeen;

	private final Set<String> publishedUp = new HashSet<>();

	private final FolderLines lines;

	private @Nullable Boolean quorum;

	private boolean started;

	// Within a rescan, whose changes are published first and the quorum once after.
	private boolean batching;

	// When a quorum lost by members leaving is published, unless held again first: a
	// member's DOWN waits for down-after, and so does a clean restart's.
	private @Nullable Long quorumLossDue;

	private final IntSupplier members;

	private final BooleanSupplier present;

	FolderPublications(PeerFolder folder, Logger logger, PeerFolderListener listener, LongSupplier clock,
			IntSupplier members, BooleanSupplier present) {
		this.folder = folder;
		this.members = members;
		this.present = present;
		this.logger = logger;
		this.listener = listener;
		this.clock = clock;
		this.report = new PeerFolderReport(folder, false, Map.of());
		this.startupGrace = new StartupGrace((member) -> folder.startupGrace(), clock);
		this.lines = new FolderLines(folder.name(), logger, clock);
	}

	StartupGrace startupGrace() {
		return this.startupGrace;
	}

	// Once the first look is done, joins are logged and the quorum is published.
	boolean isStarted() {
		return this.started;
	}

	void started() {
		this.started = true;
	}

	PeerFolderReport report() {
		return this.report;
	}

	// Report first: a request in between scans once more, never reads stale members.
	void report(PeerFolderReport report, @Nullable Object folder, int polled) {
		this.report = report;
		this.scanned = folder;
		this.polled = polled;
		// Made once started, a report includes what the first look found.
		this.reported |= this.started;
	}

	int polled() {
		return this.polled;
	}

	boolean isReported() {
		return this.reported;
	}

	/**
	 * Whether the path still leads to the folder last scanned: a change further up (an
	 * ancestor renamed, a link on the way pointed elsewhere) sends the watch no event.
	 */
	boolean isStillAtPath() {
		return Objects.equals(this.scanned, PeerFolderScan.AtPath.of(this.folder).identity());
	}

	// Notes who is UP, so that a scan made by a health request ends the grace too.
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

	void tick() {
		if (this.started && this.quorum == null && quorumGraceLeft().isEmpty()) {
			publishQuorum(false);
		}
		if (this.quorumLossDue != null && this.clock.getAsLong() - this.quorumLossDue >= 0) {
			publishQuorum(true);
		}
		this.lines.catchUp(!Boolean.FALSE.equals(this.quorum), this::describeNow, this::describeMember);
	}

	Optional<Long> due() {
		Optional<Long> grace = (!this.started || this.quorum != null) ? Optional.empty()
				: quorumGraceLeft().map((left) -> this.startupGrace.end(this.folder.startupGrace()));
		return FolderLines.earlier(FolderLines.earlier(grace, Optional.ofNullable(this.quorumLossDue)),
				this.lines.due());
	}

	void firstLookDone() {
		this.logger.info("Peer folder '" + this.folder.name() + "' at '" + this.folder.path() + "': "
				+ (this.report.present() ? this.report.members().size() + " members, " + this.report.up() + " up"
						: "missing or cannot be read")
				+ "; at least " + this.folder.minUp() + " must be up");
		publishQuorum(false);
	}

	// What the tracker publishes for a member: its first result is its joining.
	void memberChanged(PeerStatusChange change) {
		ProbeResult result = change.getResult();
		PeerFolderChange.Kind kind = (change.getPreviousStatus() == PeerStatus.UNKNOWN)
				? PeerFolderChange.Kind.MEMBER_JOINED
				: result.alive() ? PeerFolderChange.Kind.MEMBER_UP : PeerFolderChange.Kind.MEMBER_DOWN;
		boolean wasUp = result.alive() ? !this.publishedUp.add(change.getPeer())
				: this.publishedUp.remove(change.getPeer());
		// One that joins down is logged as DOWN by the tracker already.
		if (kind == PeerFolderChange.Kind.MEMBER_JOINED && this.started && result.alive()) {
			this.lines.member(change.getPeer(), false, subject(change.getPeer()) + " joined");
		}
		publish(kind, change.getPeer(), result);
		// A DOWN after UP comes after down-after already.
		publishQuorum(kind == PeerFolderChange.Kind.MEMBER_DOWN && wasUp);
	}

	/**
	 * A member left; one whose DOWN was held back loses the quorum when that DOWN would
	 * have been published, not a down-after later.
	 */
	void memberLeft(String member, String why, Optional<Long> heldDownDue) {
		boolean wasUp = this.publishedUp.remove(member);
		if (this.started) {
			this.lines.member(member, false, subject(member) + " left: " + why);
		}
		publish(PeerFolderChange.Kind.MEMBER_LEFT, member, null);
		if (wasUp && Boolean.TRUE.equals(this.quorum)) {
			heldDownDue.ifPresent((due) -> this.quorumLossDue = FolderLines
				.earlier(Optional.ofNullable(this.quorumLossDue), Optional.of(due))
				.get());
		}
		publishQuorum(false);
	}

	// A folder that goes or comes back changes many members at once: the quorum line
	// gives the counts once they are all in.
	void batch(Runnable changes) {
		this.batching = true;
		try {
			changes.run();
		}
		finally {
			this.batching = false;
		}
		publishQuorum(false);
	}

	private void publishQuorum(boolean lossDue) {
		if (!this.started || this.batching) {
			return;
		}
		int up = this.publishedUp.size();
		boolean now = this.present.getAsBoolean() && up >= this.folder.minUp();
		if (now || lossDue) {
			this.quorumLossDue = null;
		}
		else if (Boolean.TRUE.equals(this.quorum) && !this.folder.downAfter().isZero()) {
			if (this.quorumLossDue == null) {
				this.quorumLossDue = this.clock.getAsLong() + this.folder.downAfter().toNanos();
			}
			return;
		}
		// A health scan within the start-up grace may have seen it held before any line.
		boolean heldBefore = this.quorum != null && this.quorumSeen;
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
		String counts = up + " of " + this.members.getAsInt() + " members up, at least " + this.folder.minUp()
				+ " needed";
		if (now) {
			this.lines.quorum(true, "Peer folder '" + this.folder.name() + "' holds its quorum"
					+ (heldBefore ? " again" : "") + ": " + counts);
		}
		else {
			this.lines.quorum(false, "Peer folder '" + this.folder.name() + "' " + (first ? "has no" : "lost its")
					+ " quorum: " + counts);
		}
		publish(now ? PeerFolderChange.Kind.QUORUM_HELD : PeerFolderChange.Kind.QUORUM_LOST, null, null);
	}

	// A listener that throws must not end the following of the folder.
	private void publish(PeerFolderChange.Kind kind, @Nullable String member, @Nullable ProbeResult result) {
		PeerFolderChange change = new PeerFolderChange(this.folder.name(), kind, member, result,
				this.publishedUp.size(), this.members.getAsInt(), this.folder.minUp());
		try {
			this.listener.peerFolderChanged(change);
		}
		catch (RuntimeException ex) {
			this.logger.warn("A PeerFolderListener failed on " + change, ex);
		}
	}

	private String describeNow() {
		PeerFolderReport now = this.report;
		String quorum = Boolean.FALSE.equals(this.quorum) ? "; no quorum" : "";
		return (now.present()
				? now.up() + " of " + now.members().size() + " members up, at least " + this.folder.minUp() + " needed"
				: "the folder is missing") + quorum;
	}

	// A member's DOWN or UP, limited with the folder's other member lines.
	void memberLine(String member, boolean warn, String line) {
		this.lines.member(member, warn, line);
	}

	private String describeMember(String member) {
		ProbeResult result = this.report.members().get(member);
		return (result == null) ? "gone" : result.alive() ? "UP" : "DOWN (" + result.reason() + ")";
	}

	String subject(String member) {
		return "Member '" + CStyleEscape.escape(member) + "' of peer folder '" + this.folder.name() + "'";
	}

}
