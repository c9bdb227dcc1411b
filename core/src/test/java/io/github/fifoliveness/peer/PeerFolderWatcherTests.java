package io.github.fifoliveness.peer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import io.github.fifoliveness.beacon.FifoBeacon;
import io.github.fifoliveness.peer.PeerFolderChange.Kind;
import io.github.fifoliveness.posix.NativePosix;
import io.github.fifoliveness.testsupport.ChildProcesses;
import io.github.fifoliveness.testsupport.ConsoleOutput;
import io.github.fifoliveness.testsupport.Fifos;
import io.github.fifoliveness.testsupport.ProcessGroup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests for {@link PeerWatcher} against real folders and FIFOs held by shell processes:
 * members join, leave, die and come back by themselves. Polling and the safety net are
 * off unless a test says otherwise, so every change seen came from the kernel.
 */
class PeerFolderWatcherTests {

	private static final Duration WITHIN = Duration.ofSeconds(30);

	// Holds its FIFO, waiting on its standard input (no child to inherit the FIFO); on
	// SIGTERM removes it before closing it, as a beacon's clean stop does.
	private static final String MEMBER = "mkfifo -m 600 \"$0\" 2>/dev/null; exec 3<>\"$0\";"
			+ " trap 'rm -f \"$0\"; exit 0' TERM; read -r line";

	@RegisterExtension
	final ChildProcesses children = new ChildProcesses();

	@RegisterExtension
	final ConsoleOutput output = new ConsoleOutput();

	@TempDir
	Path dir;

	private final NativePosix posix = NativePosix.get();

	private final List<PeerFolderChange> changes = new CopyOnWriteArrayList<>();

	private PeerWatcher watcher;

	@AfterEach
	void stopWatcher() {
		if (this.watcher != null) {
			this.watcher.stop();
		}
	}

	@Test
	void memberJoinsWhenItsFifoAppearsAndLeavesWithoutADownWhenItStopsCleanly() throws Exception {
		Path folder = Files.createDirectory(this.dir.resolve("workers"));
		start(folder, 1, 1000);
		awaitChange(Kind.QUORUM_LOST, null);
		assertThat(this.watcher.report("workers").reason()).isEqualTo(PeerFolderDownReason.NO_MEMBERS);
		Process worker = this.children.start("sh", "-c", MEMBER, folder.resolve("worker-1.fifo").toString());
		PeerFolderChange joined = awaitChange(Kind.MEMBER_JOINED, "worker-1");
		assertThat(joined.result().alive()).isTrue();
		awaitChange(Kind.QUORUM_HELD, null);
		assertThat(this.watcher.report("workers").members()).containsOnlyKeys("worker-1");
		worker.destroy();
		awaitChange(Kind.MEMBER_LEFT, "worker-1");
		awaitChange((change) -> change.kind() == Kind.QUORUM_LOST && change.members() == 0);
		assertThat(this.changes).noneMatch((change) -> change.kind() == Kind.MEMBER_DOWN);
		assertThat(this.watcher.report("workers").members()).isEmpty();
	}

	@Test
	void memberKilledIsDownUntilRestartedOverItsOwnFifo() throws Exception {
		Path folder = Files.createDirectory(this.dir.resolve("workers"));
		Path fifo = folder.resolve("worker-1.fifo");
		Process first = startHeld(fifo);
		start(folder, 1, 1000);
		awaitChange(Kind.QUORUM_HELD, null);
		ChildProcesses.kill(first);
		PeerFolderChange down = awaitChange(Kind.MEMBER_DOWN, "worker-1");
		assertThat(down.result().reason()).isEqualTo(DownReason.NO_READER);
		awaitChange(Kind.QUORUM_LOST, null);
		assertThat(this.watcher.report("workers").members().get("worker-1").reason()).isEqualTo(DownReason.NO_READER);
		this.children.start("sh", "-c", MEMBER, fifo.toString());
		awaitChange(Kind.MEMBER_UP, "worker-1");
		awaitChange((change) -> change.kind() == Kind.QUORUM_HELD && change.up() == 1);
		assertThat(this.changes).filteredOn((change) -> change.kind() == Kind.MEMBER_JOINED).hasSize(1);
	}

	@Test
	void aFailingLoopFallsBackToPollingAndAMemberDeathIsStillTold() throws Exception {
		Path folder = Files.createDirectory(this.dir.resolve("workers"));
		Path fifo = folder.resolve("worker-1.fifo");
		Process worker = startHeld(fifo);
		PeerFolder config = new PeerFolder("workers", folder, PeerFolder.DEFAULT_PATTERN, 1, null, 1000, Duration.ZERO);
		this.watcher = folderWatcher(List.of(config), new WatchSettings(true, Duration.ZERO, Duration.ZERO),
				this.changes::add, this.posix);
		this.watcher.beforeEachWait(() -> {
			if (!this.changes.isEmpty()) {
				throw new IllegalStateException("the loop failed");
			}
		});
		this.watcher.start();
		awaitChange(Kind.QUORUM_HELD, null);
		await().atMost(WITHIN).until(() -> !this.watcher.isWatched());
		assertThat(this.watcher.isRunning()).isTrue();
		ChildProcesses.kill(worker);
		PeerFolderChange down = awaitChange(Kind.MEMBER_DOWN, "worker-1");
		assertThat(down.result().reason()).isEqualTo(DownReason.NO_READER);
		awaitChange(Kind.QUORUM_LOST, null);
	}

	@Test
	void memberBackWithinItsGracePeriodPublishesNoDown() throws Exception {
		Path folder = Files.createDirectory(this.dir.resolve("workers"));
		Path fifo = folder.resolve("worker-1.fifo");
		Process first = startHeld(fifo);
		PeerFolder config = new PeerFolder("workers", folder, PeerFolder.DEFAULT_PATTERN, 1, null, 1000,
				Duration.ofSeconds(2));
		this.watcher = folderWatcher(List.of(config), new WatchSettings(true, Duration.ZERO, Duration.ZERO),
				this.changes::add, this.posix);
		this.watcher.start();
		awaitChange(Kind.QUORUM_HELD, null);
		ChildProcesses.kill(first);
		await().atMost(WITHIN).until(() -> !this.watcher.report("workers").quorum());
		Process second = this.children.start("sh", "-c", MEMBER, fifo.toString());
		await().atMost(WITHIN).until(() -> this.watcher.report("workers").quorum());
		long killed = System.nanoTime();
		ChildProcesses.kill(second);
		PeerFolderChange down = awaitChange(Kind.MEMBER_DOWN, "worker-1");
		assertThat(Duration.ofNanos(System.nanoTime() - killed)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
		assertThat(down.result().reason()).isEqualTo(DownReason.NO_READER);
		assertThat(this.changes).filteredOn((change) -> change.kind() == Kind.MEMBER_DOWN).hasSize(1);
		assertThat(this.changes).filteredOn((change) -> change.kind() == Kind.QUORUM_LOST).hasSize(1);
	}

	@Test
	void listenerThatThrowsDoesNotEndTheFollowing() throws Exception {
		Path folder = Files.createDirectory(this.dir.resolve("workers"));
		PeerFolder config = new PeerFolder("workers", folder, PeerFolder.DEFAULT_PATTERN, 1, null, 1000, Duration.ZERO);
		this.watcher = folderWatcher(List.of(config), new WatchSettings(true, Duration.ZERO, Duration.ZERO),
				(change) -> {
					this.changes.add(change);
					throw new IllegalStateException("a listener's own failure");
				}, this.posix);
		this.watcher.start();
		awaitChange(Kind.QUORUM_LOST, null);
		Process worker = this.children.start("sh", "-c", MEMBER, folder.resolve("worker-1.fifo").toString());
		awaitChange(Kind.MEMBER_JOINED, "worker-1");
		awaitChange(Kind.QUORUM_HELD, null);
		ChildProcesses.kill(worker);
		awaitChange(Kind.MEMBER_DOWN, "worker-1");
	}

	@Test
	void stoppedAndStartedAgainItStillHearsEveryDeath() throws Exception {
		Path folder = Files.createDirectory(this.dir.resolve("workers"));
		Process first = this.children.start("sh", "-c", MEMBER, folder.resolve("worker-1.fifo").toString());
		start(folder, 1, 1000);
		awaitChange(Kind.MEMBER_JOINED, "worker-1");
		this.watcher.stop();
		this.watcher.start();
		Process second = this.children.start("sh", "-c", MEMBER, folder.resolve("worker-2.fifo").toString());
		awaitChange(Kind.MEMBER_JOINED, "worker-2");
		ChildProcesses.kill(first);
		awaitChange(Kind.MEMBER_DOWN, "worker-1");
		ChildProcesses.kill(second);
		awaitChange(Kind.MEMBER_DOWN, "worker-2");
	}

	@Test
	void twoHundredMembersStartedOneByOneAndKilledAtOnceAreEachReportedOnceAndTheQuorumCrossesOnce() throws Exception {
		Path folder = Files.createDirectory(this.dir.resolve("workers"));
		start(folder, 100, 1000);
		awaitChange(Kind.QUORUM_LOST, null);
		try (ProcessGroup workers = ProcessGroup.running(
				"cd \"$1\" && for i in $(seq 1 200); do"
						+ " mkfifo -m 600 w$i.fifo && { sleep 600 3<>w$i.fifo & }; done; echo started; wait",
				folder.toString())) {
			await().atMost(WITHIN).until(() -> this.watcher.report("workers").up() == 200);
			awaitCount(Kind.MEMBER_JOINED, 200);
			workers.killAll();
			await().atMost(WITHIN).until(() -> this.watcher.report("workers").down() == 200);
			awaitCount(Kind.MEMBER_DOWN, 200);
		}
		// Everything before the barrier's joining has been told: nothing more is coming.
		this.children.start("sh", "-c", MEMBER, folder.resolve("x-barrier.fifo").toString());
		awaitChange(Kind.MEMBER_JOINED, "x-barrier");
		assertThat(this.changes).filteredOn((change) -> change.kind() == Kind.MEMBER_JOINED)
			.extracting(PeerFolderChange::member)
			.doesNotHaveDuplicates()
			.hasSize(201);
		assertThat(this.changes).filteredOn((change) -> change.kind() == Kind.MEMBER_DOWN)
			.extracting(PeerFolderChange::member)
			.doesNotHaveDuplicates()
			.hasSize(200);
		assertThat(this.changes).filteredOn((change) -> change.kind() == Kind.QUORUM_HELD).hasSize(1);
		assertThat(this.changes).filteredOn((change) -> change.kind() == Kind.QUORUM_LOST).hasSize(2);
		assertThat(this.changes).noneMatch((change) -> change.kind() == Kind.MEMBER_LEFT);
	}

	// A member that still holds its deleted FIFO keeps the deleted folder too, so the
	// kernel does not report the folder's own deletion.
	@ParameterizedTest(name = "member still holding its FIFO: {0}")
	@ValueSource(booleans = { false, true })
	void folderRemovedAndCreatedAgainIsFollowedAgain(boolean memberStillHoldsItsFifo) throws Exception {
		Path folder = Files.createDirectory(this.dir.resolve("workers"));
		Process worker = this.children.start("sh", "-c", MEMBER, folder.resolve("worker-1.fifo").toString());
		await().atMost(WITHIN).until(() -> Files.exists(folder.resolve("worker-1.fifo")));
		start(folder, 1, 1000);
		awaitChange(Kind.QUORUM_HELD, null);
		if (!memberStillHoldsItsFifo) {
			ChildProcesses.kill(worker);
		}
		Fifos.run("rm", "-rf", folder.toString());
		awaitChange(Kind.MEMBER_LEFT, "worker-1");
		await().atMost(WITHIN)
			.until(() -> this.watcher.report("workers").reason() == PeerFolderDownReason.FOLDER_MISSING);
		Files.createDirectory(folder);
		this.children.start("sh", "-c", MEMBER, folder.resolve("worker-2.fifo").toString());
		PeerFolderChange joined = awaitChange(Kind.MEMBER_JOINED, "worker-2");
		assertThat(joined.result().alive()).isTrue();
		await().atMost(WITHIN).until(() -> this.watcher.report("workers").quorum());
	}

	// No folder event comes: the link is an ancestor's, and the safety net is off.
	@Test
	void aLinkOnThePathPointedAtAnotherReleaseIsSeenByTheNextHealthRequestWhichMakesTheWatcherFollowIt()
			throws Exception {
		Path old = Files.createDirectories(this.dir.resolve("release-1/workers"));
		Path next = Files.createDirectories(this.dir.resolve("release-2/workers"));
		startHeld(old.resolve("worker-1.fifo"));
		Fifos.create(next.resolve("worker-2.fifo"));
		Path current = Files.createSymbolicLink(this.dir.resolve("current"), this.dir.resolve("release-1"));
		start(current.resolve("workers"), 1, 1000);
		awaitChange(Kind.QUORUM_HELD, null);
		Files.delete(current);
		Files.createSymbolicLink(current, this.dir.resolve("release-2"));
		PeerFolderReport report = this.watcher.report("workers");
		assertThat(report.members()).containsOnlyKeys("worker-2");
		assertThat(report.reason()).isEqualTo(PeerFolderDownReason.QUORUM_LOST);
		awaitChange(Kind.MEMBER_LEFT, "worker-1");
		awaitChange(Kind.QUORUM_LOST, null);
		Process worker = startHeld(next.resolve("worker-2.fifo"));
		awaitCount(Kind.QUORUM_HELD, 2);
		ChildProcesses.kill(worker);
		awaitChange(Kind.MEMBER_DOWN, "worker-2");
	}

	@Test
	void folderCreatedAfterStartupIsFollowed() throws Exception {
		Path folder = this.dir.resolve("run/workers");
		start(folder, 1, 1000);
		awaitChange(Kind.QUORUM_LOST, null);
		assertThat(this.watcher.report("workers").reason()).isEqualTo(PeerFolderDownReason.FOLDER_MISSING);
		Files.createDirectories(folder);
		this.children.start("sh", "-c", MEMBER, folder.resolve("worker-1.fifo").toString());
		awaitChange(Kind.MEMBER_JOINED, "worker-1");
		awaitChange(Kind.QUORUM_HELD, null);
	}

	@Test
	void beaconThatAdoptedItsCrashedFifoLeavesOnStop() throws Exception {
		Path folder = Files.createDirectory(this.dir.resolve("workers"));
		Path fifo = Fifos.create(folder.resolve("worker-1.fifo"));
		// The crashed run's lock file, which tells its FIFO from one another program
		// made.
		Files.writeString(folder.resolve("worker-1.fifo.lock"), "999999\n");
		Fifos.run("chmod", "600", folder.resolve("worker-1.fifo.lock").toString());
		start(folder, 1, 1000);
		PeerFolderChange crashed = awaitChange(Kind.MEMBER_JOINED, "worker-1");
		assertThat(crashed.result().reason()).isEqualTo(DownReason.NO_READER);
		FifoBeacon beacon = new FifoBeacon(fifo, true, this.posix);
		beacon.hold();
		awaitChange(Kind.MEMBER_UP, "worker-1");
		beacon.release();
		awaitChange(Kind.MEMBER_LEFT, "worker-1");
		assertThat(fifo).doesNotExist();
		assertThat(this.changes).filteredOn((change) -> change.kind() == Kind.MEMBER_DOWN).isEmpty();
	}

	@Test
	void filesThatAreNotMembersAreIgnored() throws Exception {
		Path folder = Files.createDirectory(this.dir.resolve("workers"));
		Files.writeString(folder.resolve("regular.fifo"), "not a FIFO");
		Fifos.create(folder.resolve("other-pattern.pipe"));
		Files.createDirectory(folder.resolve("folder.fifo"));
		start(folder, 1, 1000);
		awaitChange(Kind.QUORUM_LOST, null);
		Files.writeString(folder.resolve("late.fifo"), "not a FIFO either");
		this.children.start("sh", "-c", MEMBER, folder.resolve("worker-1.fifo").toString());
		awaitChange(Kind.MEMBER_JOINED, "worker-1");
		assertThat(this.watcher.report("workers").members()).containsOnlyKeys("worker-1");
	}

	@Test
	void aFifoWhoseNameTheJvmCannotDecodeIsNoMemberAndIsToldOnce() throws Exception {
		String encoding = System.getProperty("sun.jnu.encoding");
		assumeTrue(List.of("UTF-8", "ANSI_X3.4-1968", "US-ASCII").contains(encoding),
				"byte 0351 is a letter in " + encoding);
		Path folder = Files.createDirectory(this.dir.resolve("workers"));
		startMemberNamedInBytes(folder, "caf\\351");
		await().atMost(WITHIN).until(() -> folder.toFile().list().length == 1);
		start(folder, 1, 1000);
		awaitChange(Kind.QUORUM_LOST, null);
		startMemberNamedInBytes(folder, "na\\357ve");
		await().atMost(WITHIN).until(() -> notDecodableWarnings() == 2);
		this.children.start("sh", "-c", MEMBER, folder.resolve("worker-1.fifo").toString());
		awaitChange(Kind.MEMBER_JOINED, "worker-1");
		assertThat(this.watcher.report("workers").members()).containsOnlyKeys("worker-1");
		PeerFolder config = new PeerFolder("workers", folder, PeerFolder.DEFAULT_PATTERN, 1, null, 1000, Duration.ZERO);
		assertThat(PeerFolderScan.scan(config, this.posix).members()).containsOnlyKeys("worker-1");
		assertThat(notDecodableWarnings()).isEqualTo(2);
	}

	@Test
	void fifoOfAnotherUserHeldInTheFolderIsNeverAMember() throws Exception {
		assumeTrue(Fifos.isRoot(), "other users can only be played as root");
		Path folder = Files.createDirectory(this.dir.resolve("workers"));
		Fifos.run("chmod", "777", folder.toString());
		Fifos.run("chmod", "755", this.dir.toString());
		start(folder, 1, 1000);
		awaitChange(Kind.QUORUM_LOST, null);
		this.children.start("setpriv", "--reuid=1001", "--regid=1001", "--clear-groups", "sh", "-c", MEMBER,
				folder.resolve("planted.fifo").toString());
		await().atMost(WITHIN).until(() -> Files.exists(folder.resolve("planted.fifo")));
		// A member of the right owner after it: once it joined, the planted one was seen.
		this.children.start("sh", "-c", MEMBER, folder.resolve("worker-1.fifo").toString());
		awaitChange(Kind.MEMBER_JOINED, "worker-1");
		assertThat(this.watcher.report("workers").members()).containsOnlyKeys("worker-1");
		assertThat(this.changes).noneMatch((change) -> "planted".equals(change.member()));
	}

	@Test
	void tenThousandFifosDroppedIntoTheFolderAreBoundedByMaxMembers() throws Exception {
		Path folder = Files.createDirectory(this.dir.resolve("workers"));
		start(folder, 1, 100);
		awaitChange(Kind.QUORUM_LOST, null);
		Fifos.run("bash", "-c", "cd \"$0\" && seq -f 'flood-%05g.fifo' 1 10000 | xargs mkfifo -m 600",
				folder.toString());
		await().atMost(WITHIN).until(() -> this.watcher.report("workers").members().size() == 100);
		// Still answering: a member beyond the limit is not taken, and a stop is seen.
		Fifos.run("rm", "-f", folder.resolve("flood-00001.fifo").toString());
		awaitChange(Kind.MEMBER_LEFT, "flood-00001");
		await().atMost(WITHIN).until(() -> this.watcher.report("workers").members().size() == 100);
		assertThat(this.watcher.report("workers").members()).hasSize(100);
	}

	@Test
	void withoutWatchingTheFolderIsRescannedEveryPollInterval() throws Exception {
		Path folder = Files.createDirectory(this.dir.resolve("workers"));
		PeerFolder config = new PeerFolder("workers", folder, PeerFolder.DEFAULT_PATTERN, 1, null, 1000, Duration.ZERO);
		this.watcher = folderWatcher(List.of(config), new WatchSettings(false, Duration.ofMillis(100), Duration.ZERO),
				this.changes::add, this.posix);
		this.watcher.start();
		awaitChange(Kind.QUORUM_LOST, null);
		assertThat(this.watcher.isWatched()).isFalse();
		Process worker = this.children.start("sh", "-c", MEMBER, folder.resolve("worker-1.fifo").toString());
		awaitChange(Kind.MEMBER_JOINED, "worker-1");
		ChildProcesses.kill(worker);
		awaitChange(Kind.MEMBER_DOWN, "worker-1");
	}

	@Test
	void withoutAThreadTheReportIsAScan() throws Exception {
		Path folder = Files.createDirectory(this.dir.resolve("workers"));
		this.children.start("sh", "-c", MEMBER, folder.resolve("worker-1.fifo").toString());
		Fifos.create(folder.resolve("worker-2.fifo"));
		PeerFolder config = new PeerFolder("workers", folder, PeerFolder.DEFAULT_PATTERN, 2, null, 1000, Duration.ZERO);
		PeerWatcher idle = folderWatcher(List.of(config), new WatchSettings(true, Duration.ZERO, Duration.ZERO),
				this.changes::add, this.posix);
		await().atMost(WITHIN).until(() -> idle.report("workers").up() == 1);
		PeerFolderReport report = idle.report("workers");
		assertThat(report.members()).containsOnlyKeys("worker-1", "worker-2");
		assertThat(report.reason()).isEqualTo(PeerFolderDownReason.QUORUM_LOST);
		assertThat(report.message()).isEqualTo("1 of 2 members are up; at least 2 must be");
	}

	@Test
	void aMemberThatStartsLateWithinTheStartupGraceLosesNoQuorum() throws Exception {
		Path folder = Files.createDirectory(this.dir.resolve("workers"));
		Path fifo = Fifos.create(folder.resolve("worker-1.fifo"));
		startWithStartupGrace(folder, Duration.ofSeconds(30));
		await().atMost(WITHIN).until(() -> this.watcher.report("workers").members().containsKey("worker-1"));
		PeerFolderReport waiting = this.watcher.report("workers");
		assertThat(waiting.isNotSeenYet()).isTrue();
		assertThat(waiting.reason()).isEqualTo(PeerFolderDownReason.QUORUM_LOST);
		assertThat(waiting.notSeenYet()).containsExactly("worker-1");
		assertThat(waiting.down()).as("not seen yet is not down").isZero();
		assertThat(this.changes).as("nothing published within the grace").isEmpty();
		this.children.start("sh", "-c", MEMBER, fifo.toString());
		awaitChange(Kind.QUORUM_HELD, null);
		assertThat(this.changes).extracting(PeerFolderChange::kind)
			.containsExactly(Kind.MEMBER_JOINED, Kind.QUORUM_HELD);
		assertThat(this.changes.get(0).result().alive()).isTrue();
		assertThat(this.watcher.report("workers").isNotSeenYet()).isFalse();
	}

	@Test
	void aFolderThatNeverHoldsItsQuorumLosesItOnceItsStartupGraceHasPassed() throws Exception {
		Path folder = Files.createDirectory(this.dir.resolve("workers"));
		Fifos.create(folder.resolve("worker-1.fifo"));
		long started = System.nanoTime();
		startWithStartupGrace(folder, Duration.ofSeconds(2));
		PeerFolderChange lost = awaitChange(Kind.QUORUM_LOST, null);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
		assertThat(this.changes).extracting(PeerFolderChange::kind)
			.containsExactly(Kind.MEMBER_JOINED, Kind.QUORUM_LOST);
		assertThat(this.changes.get(0).result().reason()).isEqualTo(DownReason.NO_READER);
		assertThat(lost.members()).isOne();
		PeerFolderReport report = this.watcher.report("workers");
		assertThat(report.isNotSeenYet()).isFalse();
		assertThat(report.notSeenYet()).isEmpty();
		assertThat(report.down()).isOne();
	}

	@Test
	void aMissingFolderWithAStartupGraceIsNotSeenYetAndThenMissing() throws Exception {
		Path folder = this.dir.resolve("workers");
		long started = System.nanoTime();
		startWithStartupGrace(folder, Duration.ofSeconds(2));
		assertThat(this.watcher.report("workers").isNotSeenYet()).isTrue();
		awaitChange(Kind.QUORUM_LOST, null);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
		assertThat(this.watcher.report("workers").reason()).isEqualTo(PeerFolderDownReason.FOLDER_MISSING);
		assertThat(this.watcher.report("workers").isNotSeenYet()).isFalse();
	}

	private void startWithStartupGrace(Path folder, Duration startupGrace) {
		PeerFolder config = new PeerFolder("workers", folder, PeerFolder.DEFAULT_PATTERN, 1, null, 1000, Duration.ZERO,
				startupGrace);
		this.watcher = folderWatcher(List.of(config), new WatchSettings(true, Duration.ZERO, Duration.ZERO),
				this.changes::add, this.posix);
		this.watcher.start();
	}

	private void start(Path folder, int minUp, int maxMembers) {
		PeerFolder config = new PeerFolder("workers", folder, PeerFolder.DEFAULT_PATTERN, minUp, null, maxMembers,
				Duration.ZERO);
		this.watcher = folderWatcher(List.of(config), new WatchSettings(true, Duration.ZERO, Duration.ZERO),
				this.changes::add, this.posix);
		this.watcher.start();
	}

	private PeerFolderChange awaitChange(Kind kind, String member) {
		return awaitChange((change) -> change.kind() == kind
				&& (member == null ? change.member() == null : member.equals(change.member())));
	}

	private PeerFolderChange awaitChange(Predicate<PeerFolderChange> match) {
		return await().atMost(WITHIN)
			.until(() -> this.changes.stream().filter(match).findFirst().orElse(null), (found) -> found != null);
	}

	private void awaitCount(Kind kind, int count) {
		await().atMost(WITHIN)
			.until(() -> this.changes.stream().filter((change) -> change.kind() == kind).count() >= count);
	}

	private static PeerWatcher folderWatcher(List<PeerFolder> folders, WatchSettings settings,
			PeerFolderListener listener, NativePosix posix) {
		return new PeerWatcher(new Peers(Map.of()), folders, settings, (change) -> {
		}, listener, posix);
	}

	private Process startHeld(Path fifo) {
		Process holder = this.children.start("sh", "-c", MEMBER, fifo.toString());
		await().atMost(WITHIN).until(() -> new FifoPeerProbe(fifo, this.posix).probe().alive());
		return holder;
	}

	// The name is given as printf(1) writes it, so it may hold any bytes.
	private void startMemberNamedInBytes(Path folder, String printfName) throws Exception {
		this.children.start("sh", "-c", "p=$(printf \"%s/" + printfName + ".fifo\" \"$0\"); exec sh -c \"$1\" \"$p\"",
				folder.toString(), MEMBER);
	}

	private long notDecodableWarnings() {
		return this.output.text()
			.lines()
			.filter((line) -> line.contains("is not a member: its name is not valid in the JVM's encoding"))
			.count();
	}

}
