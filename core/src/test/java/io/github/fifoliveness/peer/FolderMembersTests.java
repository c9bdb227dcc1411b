package io.github.fifoliveness.peer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.fifoliveness.posix.KernelEvents;
import io.github.fifoliveness.posix.NativePosix;
import io.github.fifoliveness.posix.OpenFile;
import io.github.fifoliveness.testsupport.ConsoleOutput;
import io.github.fifoliveness.testsupport.Fifos;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for when a peer folder publishes its members' changes and its quorum, driven by
 * the test's clock: the grace period before a member's DOWN, the start-up grace before a
 * quorum never held is lost, the wait of a FIFO that appears without a reader, and the
 * limit on the folder's own log lines. The members are real FIFOs whose read ends this
 * process holds and closes; the folder is looked at by a loop without kernel events, one
 * settle at a time, so nothing here waits for time to pass.
 */
class FolderMembersTests {

	private static final Logger logger = LoggerFactory.getLogger(FolderMembersTests.class);

	private static final long SECOND = Duration.ofSeconds(1).toNanos();

	@RegisterExtension
	final ConsoleOutput output = new ConsoleOutput();

	@TempDir
	Path dir;

	private final NativePosix posix = NativePosix.get();

	private final List<PeerFolderChange> changes = new ArrayList<>();

	private final Map<String, OpenFile> readEnds = new HashMap<>();

	private final WatchKeys keys = new WatchKeys();

	private final WatchLoop loop = new WatchLoop(List.of(), null,
			new WatchSettings(false, Duration.ofSeconds(1), Duration.ZERO), this.keys, logger, () -> {
			});

	private long now = 1_000 * SECOND;

	@AfterEach
	void closeReadEnds() {
		this.readEnds.values().forEach(OpenFile::close);
	}

	@Test
	void theQuorumIsHeldWhileMinUpMembersAreUpAndLostWhenOneDies() throws Exception {
		alive("a");
		alive("b");
		FolderMembers members = start(folder(2, Duration.ZERO, Duration.ZERO));
		assertThat(kinds()).containsExactlyInAnyOrder("MEMBER_JOINED a", "MEMBER_JOINED b", "QUORUM_HELD");
		assertThat(this.changes.get(this.changes.size() - 1).up()).isEqualTo(2);
		this.changes.clear();
		dies("a", members);
		assertThat(kinds()).containsExactly("MEMBER_DOWN a", "QUORUM_LOST");
		this.changes.clear();
		comesBack("a", members);
		assertThat(kinds()).containsExactly("MEMBER_UP a", "QUORUM_HELD");
		assertThat(members.publications().report().up()).isEqualTo(2);
		assertThat(folderLines()).filteredOn((line) -> line.contains("quorum"))
			.hasSize(3)
			.satisfiesExactly((line) -> assertThat(line).contains("holds its quorum: 2 of 2"),
					(line) -> assertThat(line).contains("lost its quorum: 1 of 2"),
					(line) -> assertThat(line).contains("holds its quorum again: 2 of 2"));
	}

	@Test
	void filesThatDifferOnlyInWhatThePatternLeavesOpenAreMembersOfTheirOwn() throws Exception {
		for (String name : List.of("worker.1", "worker.2", "worker.3")) {
			this.readEnds.put(name, this.posix.openReadEnd(Fifos.create(this.dir.resolve(name))));
		}
		FolderMembers members = start(new PeerFolder("workers", this.dir, "worker.*", 3, null,
				PeerFolder.DEFAULT_MAX_MEMBERS, Duration.ZERO, Duration.ZERO));
		assertThat(kinds()).containsExactlyInAnyOrder("MEMBER_JOINED worker.1", "MEMBER_JOINED worker.2",
				"MEMBER_JOINED worker.3", "QUORUM_HELD");
		assertThat(members.publications().report().up()).isEqualTo(3);
	}

	@Test
	void aQuorumHeldForTheFirstTimeIsNotHeldAgain() throws Exception {
		alive("a");
		FolderMembers members = start(folder(2, Duration.ZERO, Duration.ZERO));
		alive("b");
		members.mustRescan();
		members.settle(this.loop);
		this.now += FolderCandidates.ARRIVAL.toNanos();
		members.settle(this.loop);
		assertThat(folderLines()).filteredOn((line) -> line.contains("quorum"))
			.satisfiesExactly((line) -> assertThat(line).contains("has no quorum: 1 of 1"),
					(line) -> assertThat(line).contains("holds its quorum: 2 of 2"));
	}

	@Test
	void aMemberDownIsPublishedOnlyOnceItHasStayedDownForDownAfter() throws Exception {
		alive("a");
		FolderMembers members = start(folder(1, Duration.ofSeconds(5), Duration.ZERO));
		this.changes.clear();
		dies("a", members);
		assertThat(this.changes).isEmpty();
		assertThat(members.due(this.now)).isEqualTo(5 * SECOND);
		this.now += 4 * SECOND;
		members.settle(this.loop);
		assertThat(this.changes).isEmpty();
		this.now += SECOND;
		assertThat(members.due(this.now)).isZero();
		members.settle(this.loop);
		assertThat(kinds()).containsExactly("MEMBER_DOWN a", "QUORUM_LOST");
	}

	// System.nanoTime() may be anywhere, even about to wrap around: only differences
	// count.
	@Test
	void aGracePeriodAcrossTheClockWrappingAroundEndsOnTime() throws Exception {
		this.now = Long.MAX_VALUE - 2 * SECOND;
		alive("a");
		FolderMembers members = start(folder(1, Duration.ofSeconds(5), Duration.ZERO));
		this.changes.clear();
		dies("a", members);
		this.now += 4 * SECOND;
		members.settle(this.loop);
		assertThat(this.changes).isEmpty();
		assertThat(members.due(this.now)).isEqualTo(SECOND);
		this.now += SECOND;
		members.settle(this.loop);
		assertThat(kinds()).containsExactly("MEMBER_DOWN a", "QUORUM_LOST");
	}

	@Test
	void aMemberBackWithinDownAfterPublishesNothing() throws Exception {
		alive("a");
		FolderMembers members = start(folder(1, Duration.ofSeconds(5), Duration.ZERO));
		this.changes.clear();
		dies("a", members);
		this.now += 3 * SECOND;
		comesBack("a", members);
		this.now += 10 * SECOND;
		members.settle(this.loop);
		assertThat(this.changes).isEmpty();
		assertThat(members.publications().report().quorum()).isTrue();
	}

	@Test
	void aQuorumLostByAMemberThatStopsIsPublishedOnlyOnceItHasLastedDownAfter() throws Exception {
		FolderMembers members = startTwoUpOfTwoNeededWithDownAfter();
		stops("a", members);
		assertThat(kinds()).containsExactly("MEMBER_LEFT a");
		assertThat(members.publications().report().quorum()).isFalse();
		assertThat(members.due(this.now)).isEqualTo(5 * SECOND);
		this.now += 4 * SECOND;
		members.settle(this.loop);
		assertThat(kinds()).containsExactly("MEMBER_LEFT a");
		this.now += SECOND;
		assertThat(members.due(this.now)).isZero();
		members.settle(this.loop);
		assertThat(kinds()).containsExactly("MEMBER_LEFT a", "QUORUM_LOST");
		assertThat(folderLines()).last().asString().contains("WARN").contains("lost its quorum: 1 of 1 members up");
	}

	@Test
	void aMemberThatDiesAndIsCleanedUpLosesTheQuorumWhenItsDownWouldHaveBeenPublished() throws Exception {
		FolderMembers members = startTwoUpOfTwoNeededWithDownAfter();
		dies("a", members);
		this.now += 3 * SECOND;
		Files.delete(this.dir.resolve("a.fifo"));
		members.mustRescan();
		members.settle(this.loop);
		assertThat(kinds()).containsExactly("MEMBER_LEFT a");
		assertThat(members.due(this.now)).isEqualTo(2 * SECOND);
		this.now += 2 * SECOND;
		members.settle(this.loop);
		assertThat(kinds()).containsExactly("MEMBER_LEFT a", "QUORUM_LOST");
	}

	@Test
	void aMemberRestartedWithinDownAfterLosesNoQuorum() throws Exception {
		FolderMembers members = startTwoUpOfTwoNeededWithDownAfter();
		stops("a", members);
		this.now += SECOND;
		comesBack("a", members);
		this.now += 10 * SECOND;
		members.settle(this.loop);
		assertThat(kinds()).containsExactly("MEMBER_LEFT a", "MEMBER_JOINED a");
		assertThat(folderLines()).noneMatch((line) -> line.contains("lost its quorum"));
		assertThat(members.due(this.now)).isGreaterThan(10 * SECOND);
	}

	@Test
	void aDownPublishedAfterDownAfterLosesTheQuorumAtOnceWhileALeaveIsHeldBack() throws Exception {
		alive("a");
		alive("b");
		alive("c");
		FolderMembers members = start(folder(3, Duration.ofSeconds(5), Duration.ZERO));
		this.changes.clear();
		dies("a", members);
		this.now += 4 * SECOND;
		stops("b", members);
		this.now += SECOND;
		members.settle(this.loop);
		assertThat(kinds()).containsExactly("MEMBER_LEFT b", "MEMBER_DOWN a", "QUORUM_LOST");
	}

	@Test
	void aMemberNeverUpAndAQuorumNeverHeldAreDownOnlyOnceTheStartupGraceHasPassed() throws Exception {
		Fifos.create(this.dir.resolve("a.fifo"));
		FolderMembers members = start(folder(1, Duration.ZERO, Duration.ofSeconds(30)));
		assertThat(kinds()).isEmpty();
		assertThat(members.due(this.now)).isEqualTo(30 * SECOND);
		this.now += 29 * SECOND;
		members.settle(this.loop);
		assertThat(kinds()).isEmpty();
		this.now += SECOND;
		members.settle(this.loop);
		assertThat(kinds()).containsExactly("MEMBER_JOINED a", "QUORUM_LOST");
		assertThat(this.changes.get(0).result().reason()).isEqualTo(DownReason.NO_READER);
		this.now += 60 * SECOND;
		members.settle(this.loop);
		assertThat(kinds()).containsExactly("MEMBER_JOINED a", "QUORUM_LOST");
	}

	@Test
	void aQuorumHeldWithinTheStartupGraceIsNeverLostWhenTheGraceEnds() throws Exception {
		Fifos.create(this.dir.resolve("a.fifo"));
		FolderMembers members = start(folder(1, Duration.ZERO, Duration.ofSeconds(30)));
		this.now += 10 * SECOND;
		comesBack("a", members);
		assertThat(kinds()).containsExactly("MEMBER_JOINED a", "QUORUM_HELD");
		assertThat(this.changes.get(0).result().alive()).isTrue();
		this.now += 30 * SECOND;
		members.settle(this.loop);
		assertThat(kinds()).containsExactly("MEMBER_JOINED a", "QUORUM_HELD");
	}

	@Test
	void aFifoThatAppearsWithoutAReaderJoinsDownOnlyAfterItsArrivalWait() throws Exception {
		alive("a");
		FolderMembers members = start(folder(1, Duration.ZERO, Duration.ZERO));
		this.changes.clear();
		Fifos.create(this.dir.resolve("b.fifo"));
		members.mustRescan();
		members.settle(this.loop);
		assertThat(this.changes).isEmpty();
		assertThat(members.due(this.now)).isEqualTo(FolderCandidates.ARRIVAL.toNanos());
		this.now += FolderCandidates.ARRIVAL.toNanos();
		members.settle(this.loop);
		assertThat(kinds()).containsExactly("MEMBER_JOINED b");
		assertThat(this.changes.get(0).result().reason()).isEqualTo(DownReason.NO_READER);
		assertThat(this.output.text().lines().filter((line) -> line.contains("'b'"))).singleElement()
			.asString()
			.contains("is DOWN (NO_READER)");
	}

	@Test
	void aFlappingQuorumLogsSixLinesThenHowManyWereNotOnceStill() throws Exception {
		alive("a");
		FolderMembers members = start(folder(1, Duration.ZERO, Duration.ZERO));
		this.now += ChangeLines.WINDOW.toNanos();
		int before = folderLines().size();
		this.changes.clear();
		for (int i = 0; i < 20; i++) {
			this.now += SECOND / 10;
			dies("a", members);
			this.now += SECOND / 10;
			comesBack("a", members);
		}
		assertThat(this.changes).hasSize(80);
		assertThat(folderLines()).hasSize(before + ChangeLines.MAX_LINES);
		this.now += ChangeLines.WINDOW.toNanos();
		members.settle(this.loop);
		assertThat(folderLines().subList(before + ChangeLines.MAX_LINES, folderLines().size())).satisfiesExactly(
				(line) -> assertThat(line).contains("Peer folder 'workers' has held still for 10 s (34 more member"
						+ " changes not logged, 34 of them of member 'a', UP now): 1 of 1 members up"),
				(line) -> assertThat(line).contains("Peer folder 'workers' has held still for 10 s (34 more quorum"
						+ " changes not logged): 1 of 1 members up"));
	}

	@Test
	void membersRestartedOneByOneNeverHideAQuorumLostAndTheLastLineSaysItIsLost() throws Exception {
		alive("a");
		alive("b");
		alive("c");
		FolderMembers members = start(folder(2, Duration.ZERO, Duration.ZERO));
		this.now += ChangeLines.WINDOW.toNanos();
		for (String member : List.of("a", "b", "c", "a")) {
			this.now += SECOND / 2;
			stops(member, members);
			this.now += SECOND / 2;
			comesBack(member, members);
		}
		assertThat(memberLines()).hasSize(ChangeLines.MAX_LINES);
		this.now += SECOND / 2;
		dies("a", members);
		dies("b", members);
		assertThat(folderLines()).last().asString().contains("WARN").contains("lost its quorum: 1 of 3");
		this.now += ChangeLines.WINDOW.toNanos();
		members.settle(this.loop);
		assertThat(folderLines()).last()
			.asString()
			.contains("WARN")
			.contains(
					"Peer folder 'workers' has held still for 10 s (4 more member changes not logged, 3 of them of member"
							+ " 'a', DOWN (NO_READER) now): 1 of 3 members up, at least 2 needed; no quorum");
	}

	@Test
	void manyMembersDyingAtOnceLogAFewLinesAndThenTheirCountWithEveryEventPublished() throws Exception {
		List<String> names = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			names.add("m" + i);
			alive("m" + i);
		}
		FolderMembers members = start(folder(3, Duration.ZERO, Duration.ZERO));
		this.now += ChangeLines.WINDOW.toNanos();
		this.changes.clear();
		names.forEach((name) -> this.readEnds.remove(name).close());
		members.mustRescan();
		members.settle(this.loop);
		assertThat(kinds()).filteredOn((kind) -> kind.startsWith("MEMBER_DOWN")).hasSize(40);
		assertThat(memberLines()).hasSize(ChangeLines.MAX_LINES).allMatch((line) -> line.contains("is DOWN"));
		assertThat(folderLines()).last().asString().contains("WARN").contains("lost its quorum: 0 of 40");
		this.now += ChangeLines.WINDOW.toNanos();
		members.settle(this.loop);
		assertThat(folderLines()).last()
			.asString()
			.contains("WARN")
			.contains("Peer folder 'workers' has held still for 10 s (34 more member changes not logged): 0 of 40"
					+ " members up, at least 3 needed; no quorum");
	}

	@Test
	void aFlappingMemberIsNamedInTheFolderCountAndTheFolderHoldsStillOnlyOnceItDoes() throws Exception {
		alive("a");
		alive("b");
		FolderMembers members = start(folder(1, Duration.ZERO, Duration.ZERO));
		this.now += ChangeLines.WINDOW.toNanos();
		for (int i = 0; i < 20; i++) {
			this.now += SECOND / 10;
			dies("a", members);
			this.now += SECOND / 10;
			comesBack("a", members);
		}
		assertThat(memberLines()).hasSize(ChangeLines.MAX_LINES);
		this.now += ChangeLines.WINDOW.toNanos() - SECOND;
		members.settle(this.loop);
		assertThat(folderLines()).noneMatch((line) -> line.contains("held still"))
			.last()
			.asString()
			.contains("Peer folder 'workers': 34 member changes in the last 10 s were not logged, 34 of them of member"
					+ " 'a', UP now; 2 of 2 members up");
		this.now += SECOND;
		members.settle(this.loop);
		assertThat(folderLines()).last().asString().contains("Peer folder 'workers' has held still for 10 s: 2 of 2");
	}

	@Test
	void aMemberWhoseFifoAnotherFileReplacedLeavesSayingSo() throws Exception {
		alive("a");
		alive("b");
		FolderMembers members = start(folder(1, Duration.ZERO, Duration.ZERO));
		Path file = Files.writeString(this.dir.resolve("a.tmp"), "not a FIFO");
		Files.move(file, this.dir.resolve("a.fifo"), StandardCopyOption.REPLACE_EXISTING);
		members.mustRescan();
		members.settle(this.loop);
		assertThat(kinds()).contains("MEMBER_LEFT a");
		assertThat(memberLines()).last()
			.asString()
			.contains("Member 'a' of peer folder 'workers' left: another file took its FIFO's place");
	}

	@Test
	void aDeathToldInTheSameTurnAsARescanIsNotPassedOver() throws Exception {
		alive("a");
		try (KernelEvents events = KernelEvents.open(this.posix)) {
			WatchLoop watching = new WatchLoop(List.of(), events,
					new WatchSettings(true, Duration.ofSeconds(1), Duration.ZERO), this.keys, logger, () -> {
					});
			watching.start();
			FolderMembers members = new FolderMembers(folder(1, Duration.ZERO, Duration.ZERO), logger,
					this.changes::add, this.posix, () -> this.now);
			members.start(watching);
			this.changes.clear();
			this.readEnds.remove("a").close();
			// The held end tells of the death; a rescan comes in the same turn.
			events.await(Duration.ofSeconds(10).toMillis(), watching);
			members.mustRescan();
			members.settle(watching);
			assertThat(kinds()).containsExactly("MEMBER_DOWN a", "QUORUM_LOST");
			members.release(watching);
		}
	}

	@Test
	void aFolderThatGoesLosesItsQuorumInOneLineWithTheCountsOnceEveryMemberLeft() throws Exception {
		Path workers = Files.createDirectory(this.dir.resolve("workers"));
		for (String member : List.of("a", "b", "c")) {
			this.readEnds.put(member, this.posix.openReadEnd(Fifos.create(workers.resolve(member + ".fifo"))));
		}
		FolderMembers members = start(new PeerFolder("workers", workers, PeerFolder.DEFAULT_PATTERN, 2, null,
				PeerFolder.DEFAULT_MAX_MEMBERS, Duration.ZERO, Duration.ZERO));
		this.changes.clear();
		for (String member : List.of("a", "b", "c")) {
			Files.delete(workers.resolve(member + ".fifo"));
		}
		Files.delete(workers);
		members.mustRescan();
		members.settle(this.loop);
		assertThat(kinds()).containsExactlyInAnyOrder("MEMBER_LEFT a", "MEMBER_LEFT b", "MEMBER_LEFT c", "QUORUM_LOST");
		assertThat(kinds()).last().isEqualTo("QUORUM_LOST");
		assertThat(folderLines()).filteredOn((line) -> line.contains("quorum"))
			.last()
			.asString()
			.contains("lost its quorum: 0 of 0 members up");
	}

	@Test
	void membersThatLeaveAndFilesThatNeverJoinGiveTheirKeysBack() throws Exception {
		Files.createFile(this.dir.resolve("plain.fifo"));
		FolderMembers members = start(folder(1, Duration.ZERO, Duration.ZERO));
		for (int i = 0; i < 50; i++) {
			comesBack("m" + i, members);
			dies("m" + i, members);
			Files.delete(this.dir.resolve("m" + i + ".fifo"));
			members.mustRescan();
			members.settle(this.loop);
		}
		assertThat(members.publications().report().members()).isEmpty();
		assertThat(this.keys.take()).isZero();
	}

	private PeerFolder folder(int minUp, Duration downAfter, Duration startupGrace) {
		return new PeerFolder("workers", this.dir, PeerFolder.DEFAULT_PATTERN, minUp, null,
				PeerFolder.DEFAULT_MAX_MEMBERS, downAfter, startupGrace);
	}

	private FolderMembers startTwoUpOfTwoNeededWithDownAfter() throws Exception {
		alive("a");
		alive("b");
		FolderMembers members = start(folder(2, Duration.ofSeconds(5), Duration.ZERO));
		this.changes.clear();
		return members;
	}

	private FolderMembers start(PeerFolder folder) {
		FolderMembers members = new FolderMembers(folder, logger, this.changes::add, this.posix, () -> this.now);
		members.start(this.loop);
		return members;
	}

	private void alive(String member) throws Exception {
		Path fifo = this.dir.resolve(member + ".fifo");
		if (!Files.exists(fifo)) {
			Fifos.create(fifo);
		}
		this.readEnds.put(member, this.posix.openReadEnd(fifo));
	}

	private void dies(String member, FolderMembers members) {
		this.readEnds.remove(member).close();
		members.mustRescan();
		members.settle(this.loop);
	}

	// As a beacon's clean stop: its FIFO removed, then closed.
	private void stops(String member, FolderMembers members) throws Exception {
		Files.delete(this.dir.resolve(member + ".fifo"));
		this.readEnds.remove(member).close();
		members.mustRescan();
		members.settle(this.loop);
	}

	private void comesBack(String member, FolderMembers members) throws Exception {
		alive(member);
		members.mustRescan();
		members.settle(this.loop);
	}

	private List<String> kinds() {
		return this.changes.stream()
			.map((change) -> change.kind() + ((change.member() != null) ? " " + change.member() : ""))
			.toList();
	}

	private List<String> memberLines() {
		return this.output.text().lines().filter((line) -> line.contains("of peer folder 'workers'")).toList();
	}

	private List<String> folderLines() {
		return this.output.text().lines().filter((line) -> line.contains("Peer folder 'workers'")).toList();
	}

}
