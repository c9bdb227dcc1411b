package io.github.fifoliveness.peer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FolderPublications}: what a peer folder publishes for the changes its
 * tracker and its rescans hand over, by a test's clock, without FIFOs.
 */
class FolderPublicationsTests {

	private static final Logger logger = LoggerFactory.getLogger(FolderPublicationsTests.class);

	private static final long SECOND = Duration.ofSeconds(1).toNanos();

	private static final ProbeResult NO_READER = ProbeResult.down(DownReason.NO_READER, "no reader");

	private final List<PeerFolderChange> changes = new ArrayList<>();

	private final Set<String> members = new HashSet<>(List.of("a", "b", "c"));

	private long now = 1_000 * SECOND;

	private final FolderPublications publications = new FolderPublications(
			new PeerFolder("workers", Path.of("/run/workers"), PeerFolder.DEFAULT_PATTERN, 2, null,
					PeerFolder.DEFAULT_MAX_MEMBERS, Duration.ofSeconds(5), Duration.ZERO),
			logger, this.changes::add, () -> this.now, this.members::size, () -> true);

	@Test
	void aMemberAlreadyDownThatChangesReasonDoesNotPublishAQuorumLossALeaveHoldsBack() {
		startWithEveryMemberUp();
		this.publications.memberChanged(new PeerStatusChange("c", PeerStatus.UP, NO_READER));
		leaves("b", Optional.empty());
		this.publications.memberChanged(new PeerStatusChange("c", PeerStatus.DOWN,
				ProbeResult.down(DownReason.PERMISSION_DENIED, "may not open")));
		assertThat(kinds()).containsExactly("MEMBER_DOWN c", "MEMBER_LEFT b", "MEMBER_DOWN c");
		this.now += 5 * SECOND;
		this.publications.tick();
		assertThat(kinds()).containsExactly("MEMBER_DOWN c", "MEMBER_LEFT b", "MEMBER_DOWN c", "QUORUM_LOST");
	}

	@Test
	void aMemberUpWhoseDownIsConfirmedLosesTheQuorumALeaveHoldsBackAtOnce() {
		startWithEveryMemberUp();
		leaves("b", Optional.empty());
		this.now += SECOND;
		this.publications.memberChanged(new PeerStatusChange("c", PeerStatus.UP, NO_READER));
		assertThat(kinds()).containsExactly("MEMBER_LEFT b", "MEMBER_DOWN c", "QUORUM_LOST");
	}

	@Test
	void aMemberThatLeavesWhileItsDownIsHeldBackLosesTheQuorumWhenThatDownWouldHaveBeenPublished() {
		startWithEveryMemberUp();
		leaves("c", Optional.empty());
		this.now += SECOND;
		leaves("b", Optional.of(this.now + 2 * SECOND));
		assertThat(this.publications.due()).contains(this.now + 2 * SECOND);
		this.now += 2 * SECOND;
		this.publications.tick();
		assertThat(kinds()).containsExactly("MEMBER_LEFT c", "MEMBER_LEFT b", "QUORUM_LOST");
	}

	private void startWithEveryMemberUp() {
		for (String member : this.members) {
			this.publications.memberChanged(new PeerStatusChange(member, PeerStatus.UNKNOWN, ProbeResult.ALIVE));
		}
		this.publications.started();
		this.publications.firstLookDone();
		assertThat(kinds()).last().isEqualTo("QUORUM_HELD");
		this.changes.clear();
	}

	private void leaves(String member, Optional<Long> heldDownDue) {
		this.members.remove(member);
		this.publications.memberLeft(member, "its FIFO was removed", heldDownDue);
	}

	private List<String> kinds() {
		return this.changes.stream()
			.map((change) -> change.kind() + ((change.member() != null) ? " " + change.member() : ""))
			.toList();
	}

}
