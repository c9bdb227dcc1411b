package io.github.fifoliveness.peer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.fifoliveness.testsupport.ConsoleOutput;
import io.github.fifoliveness.testsupport.SwitchableProbe;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for what {@link PeerStatusTracker} publishes and logs, and when: the grace period
 * before a DOWN, the start-up grace before a peer never seen UP is DOWN, the count of
 * downs and the limit on a flapping peer's log lines. Its clock is the test's, so that no
 * test waits for time to pass.
 */
class PeerStatusTrackerTests {

	private static final ProbeResult UP = ProbeResult.ALIVE;

	private static final ProbeResult NO_READER = ProbeResult.down(DownReason.NO_READER, "no reader");

	private static final ProbeResult MISSING = ProbeResult.down(DownReason.MISSING, "missing");

	private static final long SECOND = Duration.ofSeconds(1).toNanos();

	@RegisterExtension
	final ConsoleOutput output = new ConsoleOutput();

	private final List<PeerStatusChange> events = new CopyOnWriteArrayList<>();

	private long now = 1_000 * SECOND;

	@Test
	void aDownIsPublishedOnlyOnceThePeerHasStayedDownForItsGracePeriod() {
		PeerStatusTracker tracker = tracker(Duration.ofSeconds(5));
		tracker.record("orders", UP);
		tracker.record("orders", NO_READER);
		assertThat(events()).containsExactly("Peer 'orders' UNKNOWN -> UP");
		assertThat(tracker.isWaiting()).isTrue();
		assertThat(tracker.due()).isEqualTo(this.now + 5 * SECOND);
		this.now += 4 * SECOND;
		tracker.tick();
		assertThat(events()).containsExactly("Peer 'orders' UNKNOWN -> UP");
		tracker.record("orders", MISSING);
		this.now += SECOND;
		tracker.tick();
		assertThat(events()).containsExactly("Peer 'orders' UNKNOWN -> UP", "Peer 'orders' UP -> DOWN (MISSING)");
		assertThat(tracker.isWaiting()).isFalse();
		tracker.record("orders", NO_READER);
		tracker.record("orders", UP);
		assertThat(events()).containsExactly("Peer 'orders' UNKNOWN -> UP", "Peer 'orders' UP -> DOWN (MISSING)",
				"Peer 'orders' DOWN -> DOWN (NO_READER)", "Peer 'orders' DOWN -> UP");
	}

	@Test
	void aPeerBackBeforeItsGracePeriodEndsPublishesNothingButCountsTheDown() {
		Peers peers = peers(Duration.ofSeconds(5));
		PeerStatusTracker tracker = tracker(peers);
		tracker.record("orders", UP);
		tracker.record("orders", NO_READER);
		this.now += SECOND;
		tracker.record("orders", UP);
		this.now += 10 * SECOND;
		tracker.tick();
		assertThat(events()).containsExactly("Peer 'orders' UNKNOWN -> UP");
		assertThat(tracker.isWaiting()).isFalse();
		assertThat(peers.downs("orders").count()).isOne();
		assertThat(peers.downs("orders").last()).isNotNull();
		assertThat(this.output.text()).doesNotContain("Peer 'orders' is");
	}

	@Test
	void theFirstResultIsPublishedAtOnceEvenWhenDown() {
		Peers peers = peers(Duration.ofSeconds(5));
		PeerStatusTracker tracker = tracker(peers);
		tracker.record("orders", NO_READER);
		assertThat(events()).containsExactly("Peer 'orders' UNKNOWN -> DOWN (NO_READER)");
		tracker.record("orders", MISSING);
		assertThat(events()).containsExactly("Peer 'orders' UNKNOWN -> DOWN (NO_READER)",
				"Peer 'orders' DOWN -> DOWN (MISSING)");
		assertThat(peers.downs("orders").count()).as("never up, so never went down").isZero();
	}

	@Test
	void onlyChangesFromUpToDownAreCountedWithTheirReason() {
		Peers peers = peers(Duration.ZERO);
		List<String> recorded = new CopyOnWriteArrayList<>();
		peers.recordDownsWith((peer, reason) -> recorded.add(peer + " " + reason));
		PeerStatusTracker tracker = tracker(peers);
		tracker.record("orders", UP);
		tracker.record("orders", NO_READER);
		tracker.record("orders", NO_READER);
		tracker.record("orders", MISSING);
		tracker.record("orders", UP);
		tracker.record("orders", MISSING);
		assertThat(recorded).containsExactly("orders NO_READER", "orders MISSING");
		assertThat(peers.downs("orders").count()).isEqualTo(2);
	}

	@Test
	void aFlappingPeerLogsSixChangesThenHowManyWereNotAndItsStateOnceStill() {
		PeerStatusTracker tracker = tracker(Duration.ZERO);
		tracker.record("orders", UP);
		// 50 changes a second for 10 s, each one published.
		for (int i = 0; i < 500; i++) {
			this.now += SECOND / 50;
			tracker.record("orders", (i % 2 == 0) ? NO_READER : UP);
			tracker.tick();
		}
		long lastChange = this.now;
		assertThat(this.events).hasSize(501);
		assertThat(lines()).hasSize(6)
			.allSatisfy((line) -> assertThat(line).containsAnyOf("Peer 'orders' is DOWN (NO_READER)",
					"Peer 'orders' is UP again"));
		// A window after the seventh change, which was not logged.
		this.now = tracker.due();
		tracker.tick();
		assertThat(lines()).hasSize(7)
			.last()
			.asString()
			.contains("Peer 'orders' flaps: 494 changes in the last 10 s were not logged (at most 6 lines per peer"
					+ " in 10 s); it is UP now.");
		assertThat(tracker.due()).isEqualTo(lastChange + 10 * SECOND);
		this.now = tracker.due();
		tracker.tick();
		assertThat(lines()).hasSize(8)
			.last()
			.asString()
			.contains("Peer 'orders' has held still for 10 s after flapping: it is UP, and its changes are logged"
					+ " again");
		assertThat(tracker.isWaiting()).isFalse();
		tracker.record("orders", NO_READER);
		assertThat(lines()).hasSize(9).last().asString().contains("Peer 'orders' is DOWN (NO_READER)");
	}

	@Test
	void twoCleanRestartsInAWindowLogEveryLine() {
		PeerStatusTracker tracker = tracker(Duration.ZERO);
		tracker.record("orders", UP);
		for (int restart = 0; restart < 2; restart++) {
			this.now += SECOND;
			tracker.record("orders", MISSING);
			tracker.record("orders", NO_READER);
			tracker.record("orders", UP);
		}
		assertThat(lines()).hasSize(6);
		assertThat(tracker.isWaiting()).isFalse();
	}

	@Test
	void aPeerNotSeenYetIsNeitherPublishedNorLoggedNorCountedWithinItsStartupGrace() {
		Peers peers = peersWithStartupGrace(Duration.ofSeconds(10));
		PeerStatusTracker tracker = tracker(peers);
		tracker.record("orders", MISSING);
		this.now += 2 * SECOND;
		tracker.record("orders", NO_READER);
		assertThat(this.events).isEmpty();
		assertThat(peers.downs("orders").count()).isZero();
		assertThat(peers.startupGraceLeft("orders")).hasValue(Duration.ofSeconds(8));
		assertThat(tracker.isWaiting()).isTrue();
		assertThat(tracker.due()).as("the grace ends 10 s after the start").isEqualTo(this.now + 8 * SECOND);
		this.now += 7 * SECOND;
		tracker.tick();
		assertThat(this.events).isEmpty();
		assertThat(this.output.text()).doesNotContain("Peer 'orders' is");
	}

	@Test
	void aPeerNeverSeenUpIsDownOnceItsStartupGraceHasPassed() {
		Peers peers = peersWithStartupGrace(Duration.ofSeconds(10));
		PeerStatusTracker tracker = tracker(peers);
		tracker.record("orders", MISSING);
		this.now += 3 * SECOND;
		tracker.record("orders", NO_READER);
		this.now = tracker.due();
		tracker.tick();
		assertThat(events()).containsExactly("Peer 'orders' UNKNOWN -> DOWN (NO_READER)");
		assertThat(this.output.text()).contains("Peer 'orders' is DOWN (NO_READER): no reader");
		assertThat(peers.startupGraceLeft("orders")).isEmpty();
		assertThat(tracker.isWaiting()).isFalse();
		assertThat(peers.downs("orders").count()).as("never up, so never went down, as without a grace").isZero();
		tracker.record("orders", MISSING);
		assertThat(events()).containsExactly("Peer 'orders' UNKNOWN -> DOWN (NO_READER)",
				"Peer 'orders' DOWN -> DOWN (MISSING)");
	}

	@Test
	void aPeerDownOnlyAfterItsStartupGraceIsDownAtOnce() {
		Peers peers = peersWithStartupGrace(Duration.ofSeconds(10));
		PeerStatusTracker tracker = tracker(peers);
		this.now += 11 * SECOND;
		tracker.record("orders", MISSING);
		assertThat(events()).containsExactly("Peer 'orders' UNKNOWN -> DOWN (MISSING)");
	}

	@Test
	void aPeerUpWithinItsStartupGraceIsDownAsUsualOnceItDies() {
		Peers peers = peersWithStartupGrace(Duration.ofSeconds(10));
		PeerStatusTracker tracker = tracker(peers);
		tracker.record("orders", MISSING);
		this.now += 3 * SECOND;
		tracker.record("orders", UP);
		assertThat(events()).containsExactly("Peer 'orders' UNKNOWN -> UP");
		assertThat(tracker.isWaiting()).isFalse();
		assertThat(peers.startupGraceLeft("orders")).isEmpty();
		this.now += SECOND;
		tracker.record("orders", NO_READER);
		assertThat(events()).containsExactly("Peer 'orders' UNKNOWN -> UP", "Peer 'orders' UP -> DOWN (NO_READER)");
		assertThat(peers.downs("orders").count()).isOne();
		assertThat(this.output.text()).contains("Peer 'orders' is DOWN (NO_READER)");
	}

	@Test
	void aPeerUpWithinItsStartupGraceStillWaitsForItsDownAfterOnceItDies() {
		Peers peers = new Peers(Map.of("orders", new SwitchableProbe()), Map.of("orders", Duration.ofSeconds(5)),
				Map.of("orders", Duration.ofSeconds(10)), () -> this.now);
		PeerStatusTracker tracker = tracker(peers);
		tracker.record("orders", UP);
		tracker.record("orders", NO_READER);
		assertThat(events()).containsExactly("Peer 'orders' UNKNOWN -> UP");
		assertThat(tracker.due()).isEqualTo(this.now + 5 * SECOND);
		this.now += 5 * SECOND;
		tracker.tick();
		assertThat(events()).containsExactly("Peer 'orders' UNKNOWN -> UP", "Peer 'orders' UP -> DOWN (NO_READER)");
	}

	@Test
	void aPeerSeenUpByAnyProbeHasNoStartupGraceLeft() {
		SwitchableProbe probe = new SwitchableProbe();
		Peers peers = new Peers(Map.of("orders", probe), Map.of(), Map.of("orders", Duration.ofSeconds(10)),
				() -> this.now);
		assertThat(peers.probes().get("orders").probe().alive()).isFalse();
		assertThat(peers.startupGraceLeft("orders")).isPresent();
		probe.setAlive(true);
		peers.probes().get("orders").probe();
		probe.setAlive(false);
		assertThat(peers.startupGraceLeft("orders")).as("seen UP by a health request").isEmpty();
		PeerStatusTracker tracker = tracker(peers);
		tracker.record("orders", NO_READER);
		assertThat(events()).containsExactly("Peer 'orders' UNKNOWN -> DOWN (NO_READER)");
	}

	@Test
	void aPeerHeldBackByItsStartupGraceButSeenUpByAnotherProbeIsNotDownWhenTheGraceEnds() {
		SwitchableProbe probe = new SwitchableProbe();
		Peers peers = new Peers(Map.of("orders", probe), Map.of(), Map.of("orders", Duration.ofSeconds(10)),
				() -> this.now);
		PeerStatusTracker tracker = tracker(peers);
		tracker.record("orders", MISSING);
		this.now += 5 * SECOND;
		probe.setAlive(true);
		peers.probes().get("orders").probe();
		this.now += 5 * SECOND;
		tracker.tick();
		assertThat(this.events).as("a health request saw it UP before the grace ended").isEmpty();
		assertThat(tracker.isWaiting()).isFalse();
		tracker.record("orders", UP);
		assertThat(events()).containsExactly("Peer 'orders' UNKNOWN -> UP");
	}

	@Test
	void noStartupGraceIsTheDefault() {
		Peers peers = peers(Duration.ZERO);
		assertThat(peers.startupGrace("orders")).isZero();
		assertThat(peers.startupGraceLeft("orders")).isEmpty();
	}

	private List<String> events() {
		return this.events.stream().map(PeerStatusChange::toString).toList();
	}

	private List<String> lines() {
		return this.output.text().lines().filter((line) -> line.contains("Peer 'orders'")).toList();
	}

	private PeerStatusTracker tracker(Duration downAfter) {
		return tracker(peers(downAfter));
	}

	private PeerStatusTracker tracker(Peers peers) {
		return new PeerStatusTracker(LoggerFactory.getLogger(PeerStatusTrackerTests.class),
				(event) -> this.events.add((PeerStatusChange) event), peers, () -> this.now);
	}

	private Peers peersWithStartupGrace(Duration startupGrace) {
		return new Peers(Map.of("orders", new SwitchableProbe()), Map.of(), Map.of("orders", startupGrace),
				() -> this.now);
	}

	private static Peers peers(Duration downAfter) {
		return new Peers(Map.of("orders", new SwitchableProbe()), Map.of("orders", downAfter));
	}

}
