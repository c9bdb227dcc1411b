package io.github.fifoliveness.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.fifoliveness.autoconfigure.peer.PeerStatusChangedEvent;
import io.github.fifoliveness.peer.PeerWatcher;
import io.github.fifoliveness.peer.Peers;
import io.github.fifoliveness.posix.NativePosix;
import io.github.fifoliveness.posix.OpenFile;
import io.github.fifoliveness.testsupport.Fifos;
import io.github.fifoliveness.testsupport.OwnFifoProbe;
import io.github.fifoliveness.testsupport.SwitchableProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.MutuallyExclusiveConfigurationPropertiesException;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests for {@link PeersHealthContributorAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class PeersHealthContributorAutoConfigurationTests {

	@TempDir
	Path dir;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(NativePosixAutoConfiguration.class, PeersAutoConfiguration.class,
				PeersHealthContributorAutoConfiguration.class));

	@Test
	void eachPeerIsAComponentOfThePeersContributor() throws Exception {
		Path alive = Fifos.create(this.dir.resolve("alive.fifo"));
		Path silent = Fifos.create(this.dir.resolve("silent.fifo"));
		Path file = Files.writeString(this.dir.resolve("file.fifo"), "not a fifo");
		try (OpenFile readEnd = NativePosix.get().openReadEnd(alive)) {
			this.contextRunner
				.withPropertyValues("fifo-liveness.peers.alive.path=" + alive,
						"fifo-liveness.peers.silent.path=" + silent, "fifo-liveness.peers.file.path=" + file,
						"fifo-liveness.peers.gone.path=" + this.dir.resolve("gone"))
				.run((context) -> {
					CompositeHealthContributor peers = context.getBean("peersHealthContributor",
							CompositeHealthContributor.class);
					assertThat(peers.stream().map((entry) -> entry.name())).containsExactly("alive", "silent", "file",
							"gone");
					Health up = health(peers, "alive");
					assertThat(up.getStatus()).isEqualTo(Status.UP);
					assertThat(up.getDetails()).containsOnlyKeys("path", "owner", "watched", "downs")
						.containsEntry("path", alive.toString());
					assertThat(health(peers, "silent").getDetails()).containsEntry("reason", "NO_READER")
						.containsKeys("path", "message");
					assertThat(health(peers, "file").getDetails()).containsEntry("reason", "NOT_A_FIFO");
					assertThat(health(peers, "gone").getDetails()).containsEntry("reason", "MISSING");
					assertThat(health(peers, "gone").getStatus()).isEqualTo(Status.DOWN);
				});
		}
	}

	@Test
	void pidFilePeerShowsThePidFileAndPid() throws Exception {
		Path pidFile = Files.writeString(this.dir.resolve("self.pid"), ProcessHandle.current().pid() + "\n");
		Path stale = Files.writeString(this.dir.resolve("stale.pid"), "garbage");
		this.contextRunner
			.withPropertyValues("fifo-liveness.peers.self.pid-file=" + pidFile,
					"fifo-liveness.peers.bad.pid-file=" + stale)
			.run((context) -> {
				CompositeHealthContributor peers = context.getBean("peersHealthContributor",
						CompositeHealthContributor.class);
				assertThat(health(peers, "self").getStatus()).isEqualTo(Status.UP);
				assertThat(health(peers, "self").getDetails()).containsEntry("pidFile", pidFile.toString())
					.containsEntry("pid", (int) ProcessHandle.current().pid());
				assertThat(health(peers, "bad").getDetails()).containsEntry("reason", "INVALID_PID_FILE");
			});
	}

	@Test
	void peerWithBothPathAndPidFileFailsNamingThePeer() {
		this.contextRunner
			.withPropertyValues("fifo-liveness.peers.orders.path=/run/orders.fifo",
					"fifo-liveness.peers.orders.pid-file=/run/orders.pid")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOfSatisfying(MutuallyExclusiveConfigurationPropertiesException.class,
						(ex) -> assertThat(ex.getConfiguredNames()).containsExactly("fifo-liveness.peers.orders.path",
								"fifo-liveness.peers.orders.pid-file")));
	}

	@Test
	void ownerNamesTheUserThatMustOwnThePeersFifo() throws Exception {
		Path fifo = Fifos.create(this.dir.resolve("orders.fifo"));
		int uid = NativePosix.get().effectiveUid();
		try (OpenFile readEnd = NativePosix.get().openReadEnd(fifo)) {
			this.contextRunner
				.withPropertyValues("fifo-liveness.peers.mine.path=" + fifo,
						"fifo-liveness.peers.mine.owner=" + System.getProperty("user.name"),
						"fifo-liveness.peers.theirs.path=" + fifo, "fifo-liveness.peers.theirs.owner=" + (uid + 1))
				.run((context) -> {
					CompositeHealthContributor peers = context.getBean("peersHealthContributor",
							CompositeHealthContributor.class);
					assertThat(health(peers, "mine").getStatus()).isEqualTo(Status.UP);
					assertThat(health(peers, "mine").getDetails()).containsEntry("owner", uid);
					assertThat(health(peers, "theirs").getDetails()).containsEntry("reason", "FOREIGN_OWNER")
						.containsEntry("owner", uid + 1);
				});
		}
	}

	@Test
	void ownerThatNamesNoUserFailsNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("fifo-liveness.peers.orders.path=/run/orders.fifo",
					"fifo-liveness.peers.orders.owner=no-such-user-of-fifo-liveness")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("fifo-liveness.peers.orders.owner")
				.hasMessageContaining("no-such-user-of-fifo-liveness"));
	}

	@Test
	void rootMonitorWithoutOwnerSaysOncePerPeerThatTheOwnerIsNotChecked(CapturedOutput output) {
		assumeTrue(Fifos.isRoot(), "only a monitor running as root accepts any owner");
		this.contextRunner
			.withPropertyValues("fifo-liveness.peers.orders.path=/run/orders.fifo",
					"fifo-liveness.peers.billing.pid-file=/run/billing.pid",
					"fifo-liveness.peers.audit.path=/run/audit.fifo", "fifo-liveness.peers.audit.owner=0")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output.getOut().split("does not check who owns", -1)).hasSize(3);
				assertThat(output.getOut())
					.contains("Peer 'orders': this monitor runs as root, so it does not check who"
							+ " owns the peer's FIFO")
					.contains("Set 'fifo-liveness.peers.orders.owner' to the user that runs the peer.")
					.contains(
							"Peer 'billing': this monitor runs as root, so it does not check who owns the peer's PID file");
			});
	}

	@Test
	void twoPeersOfOneFileStartWithAWarningNamingBoth(CapturedOutput output) {
		this.contextRunner.withPropertyValues("fifo-liveness.peers.orders.path=/run/orders.fifo",
				"fifo-liveness.peers.billing.path=/run/orders.fifo", "fifo-liveness.peers.audit.path=/run/audit.fifo",
				"fifo-liveness.peers.ledger.pid-file=/run/ledger.pid",
				"fifo-liveness.peers.ledger2.pid-file=/run/ledger.pid")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output.getOut().lines().filter((line) -> line.contains("name the same file"))).hasSize(2)
					.anySatisfy((line) -> assertThat(line).contains(
							"Peers 'orders' and 'billing' name the same file '/run/orders.fifo', so both report the"
									+ " same process. If one of them is meant to be another, correct"
									+ " 'fifo-liveness.peers.billing'."))
					.anySatisfy((line) -> assertThat(line)
						.contains("Peers 'ledger' and 'ledger2' name the same file '/run/ledger.pid'"));
			});
	}

	@Test
	void watcherPublishesPeerStatusChangedEventsInTheContextAndHealthSaysThePeerIsWatched() {
		this.contextRunner.withPropertyValues("fifo-liveness.peers.gone.path=" + this.dir.resolve("gone.fifo"))
			.withUserConfiguration(EventRecorder.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(PeerWatcher.class);
				assertThat(context.getBean(PeerWatcher.class).isRunning()).isTrue();
				await().atMost(Duration.ofSeconds(5))
					.untilAsserted(() -> assertThat(context.getBean(EventRecorder.class).events).singleElement()
						.hasToString("Peer 'gone' UNKNOWN -> DOWN (MISSING)"));
				CompositeHealthContributor peers = context.getBean("peersHealthContributor",
						CompositeHealthContributor.class);
				assertThat(health(peers, "gone").getDetails()).containsEntry("watched", true)
					.containsEntry("reason", "MISSING");
			});
	}

	@Test
	void aHealthRequestThatFindsAWatchedPeerChangedBehindALinkMakesTheWatcherPublishIt() throws Exception {
		Path live = Fifos.create(Files.createDirectories(this.dir.resolve("release-1/peers")).resolve("orders.fifo"));
		Files.createDirectories(this.dir.resolve("release-2/peers"));
		Path current = Files.createSymbolicLink(this.dir.resolve("current"), Path.of("release-2"));
		try (OpenFile readEnd = NativePosix.get().openReadEnd(live)) {
			this.contextRunner.withPropertyValues("fifo-liveness.peers.orders.path=" + current + "/peers/orders.fifo")
				.withUserConfiguration(EventRecorder.class)
				.run((context) -> {
					List<PeerStatusChangedEvent> events = context.getBean(EventRecorder.class).events;
					await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 1);
					// Further up than the watched folder: no watch hears of it.
					Path next = Files.createSymbolicLink(this.dir.resolve("current.new"), Path.of("release-1"));
					Files.move(next, current, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
					CompositeHealthContributor peers = context.getBean("peersHealthContributor",
							CompositeHealthContributor.class);
					assertThat(health(peers, "orders").getStatus()).isEqualTo(Status.UP);
					await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 2);
					assertThat(events).map(Object::toString)
						.containsExactly("Peer 'orders' UNKNOWN -> DOWN (MISSING)", "Peer 'orders' DOWN -> UP");
				});
		}
	}

	@Test
	void watchingOffPollsEveryPeerAndHealthHasNoWatchedDetail() {
		this.contextRunner
			.withPropertyValues("fifo-liveness.peers.gone.path=" + this.dir.resolve("gone.fifo"),
					"fifo-liveness.monitor.watch.enabled=false", "fifo-liveness.monitor.poll-interval=50ms")
			.withUserConfiguration(EventRecorder.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(PeerWatcher.class);
				assertThat(context.getBean(PeerWatcher.class).isRunning()).isTrue();
				assertThat(context.getBean(PeerWatcher.class).isWatched()).isFalse();
				await().atMost(Duration.ofSeconds(5))
					.untilAsserted(() -> assertThat(context.getBean(EventRecorder.class).events).singleElement()
						.hasToString("Peer 'gone' UNKNOWN -> DOWN (MISSING)"));
				CompositeHealthContributor peers = context.getBean("peersHealthContributor",
						CompositeHealthContributor.class);
				assertThat(health(peers, "gone").getDetails()).doesNotContainKey("watched");
			});
	}

	@Test
	void zeroPollIntervalTurnsPollingOff() {
		this.contextRunner
			.withPropertyValues("fifo-liveness.peers.gone.path=" + this.dir.resolve("gone.fifo"),
					"fifo-liveness.monitor.watch.enabled=false", "fifo-liveness.monitor.poll-interval=0")
			.run((context) -> assertThat(context.getBean(PeerWatcher.class).isRunning()).isFalse());
	}

	@Test
	void watcherRunsTheSafetyNetAtItsInterval() throws Exception {
		Path fifo = Fifos.create(this.dir.resolve("orders.fifo"));
		try (OpenFile oldReadEnd = NativePosix.get().openReadEnd(fifo)) {
			this.contextRunner
				.withPropertyValues("fifo-liveness.peers.orders.path=" + fifo,
						"fifo-liveness.monitor.watch.safety-net-interval=100ms")
				.withUserConfiguration(EventRecorder.class)
				.run((context) -> {
					List<PeerStatusChangedEvent> events = context.getBean(EventRecorder.class).events;
					await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 1);
					// No event tells this: the old FIFO keeps its reader, the path names
					// a new one without. Renamed over it, so that no probe finds the
					// path empty in between.
					Path replacement = Fifos.create(this.dir.resolve("replacement.fifo"));
					Files.move(replacement, fifo, StandardCopyOption.ATOMIC_MOVE);
					await().atMost(Duration.ofSeconds(5))
						.untilAsserted(
								() -> assertThat(events).last().hasToString("Peer 'orders' UP -> DOWN (NO_READER)"));
				});
		}
	}

	@Test
	void watcherPollsAPeerItCannotWatchAtThePollInterval() {
		SwitchableProbe custom = new SwitchableProbe();
		this.contextRunner.withPropertyValues("fifo-liveness.monitor.poll-interval=50ms")
			.withBean(Peers.class, () -> new Peers(Map.of("custom", custom)))
			.withUserConfiguration(EventRecorder.class)
			.run((context) -> {
				List<PeerStatusChangedEvent> events = context.getBean(EventRecorder.class).events;
				await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 1);
				custom.setAlive(true);
				await().atMost(Duration.ofSeconds(5))
					.untilAsserted(() -> assertThat(events).last().hasToString("Peer 'custom' DOWN -> UP"));
				CompositeHealthContributor peers = context.getBean("peersHealthContributor",
						CompositeHealthContributor.class);
				assertThat(health(peers, "custom").getDetails()).containsEntry("watched", false);
			});
	}

	@Test
	void aPeersBeanOfTheApplicationsOwnIsWatchedWithNothingElseConfigured() throws Exception {
		Path fifo = Fifos.create(this.dir.resolve("orders.fifo"));
		OpenFile readEnd = NativePosix.get().openReadEnd(fifo);
		try {
			this.contextRunner.withPropertyValues("fifo-liveness.beacon.enabled=false")
				.withBean(Peers.class, () -> ownPeers(fifo))
				.withUserConfiguration(EventRecorder.class)
				.run((context) -> {
					assertThat(context).hasSingleBean(PeerWatcher.class);
					List<PeerStatusChangedEvent> events = context.getBean(EventRecorder.class).events;
					await().atMost(Duration.ofSeconds(5))
						.untilAsserted(
								() -> assertThat(context.getBean(PeerWatcher.class).isWatched("orders")).isTrue());
					CompositeHealthContributor peers = context.getBean("peersHealthContributor",
							CompositeHealthContributor.class);
					assertThat(health(peers, "orders").getDetails()).containsEntry("watched", true);
					readEnd.close();
					await().atMost(Duration.ofSeconds(5))
						.untilAsserted(
								() -> assertThat(events).last().hasToString("Peer 'orders' UP -> DOWN (NO_READER)"));
				});
		}
		finally {
			readEnd.close();
		}
	}

	// As reacting-to-changes.md shows it, a FIFO's probe watched through the FIFO.
	private static Peers ownPeers(Path fifo) {
		return new Peers(Map.of("orders", new OwnFifoProbe(fifo, NativePosix.get())));
	}

	@Test
	void aPeersBeanOfTheApplicationsOwnOnAPlatformWithoutFifosHasHealthOnly() {
		this.contextRunner.withPropertyValues("os.name=Windows 11")
			.withBean(Peers.class, () -> new Peers(Map.of("custom", new SwitchableProbe())))
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.doesNotHaveBean(NativePosix.class)
					.doesNotHaveBean(PeerWatcher.class)
					.hasBean("peersHealthContributor");
			});
	}

	@Test
	void aPeersBeanOfALibraryDecidedAfterTheNativeLayerHasHealthOnly() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(NativePosixAutoConfiguration.class, LibraryPeers.class,
					PeersAutoConfiguration.class, PeersHealthContributorAutoConfiguration.class))
			.withPropertyValues("fifo-liveness.beacon.enabled=false")
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.doesNotHaveBean(NativePosix.class)
					.doesNotHaveBean(PeerWatcher.class)
					.hasBean("peersHealthContributor");
			});
	}

	@AutoConfiguration(after = NativePosixAutoConfiguration.class, before = PeersAutoConfiguration.class)
	static class LibraryPeers {

		@Bean
		Peers peers() {
			return new Peers(Map.of("custom", new SwitchableProbe()));
		}

	}

	@Test
	void userDefinedWatcherKeepsTheStartersAway() {
		PeerWatcher own = new PeerWatcher(new Peers(Map.of()), Duration.ZERO, Duration.ZERO, (event) -> {
		}, NativePosix.get());
		this.contextRunner.withPropertyValues("fifo-liveness.peers.gone.path=" + this.dir.resolve("gone.fifo"))
			.withBean(PeerWatcher.class, () -> own)
			.run((context) -> assertThat(context).getBean(PeerWatcher.class).isSameAs(own));
	}

	@Test
	void singlePeerIsStillAComposite() {
		this.contextRunner.withPropertyValues("fifo-liveness.peers.only.path=" + this.dir.resolve("only.fifo"))
			.run((context) -> assertThat(context.getBean("peersHealthContributor"))
				.isInstanceOf(CompositeHealthContributor.class));
	}

	@Test
	void withoutPeersThereIsNoContributor() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean("peersHealthContributor"));
	}

	@Test
	void contributorCanBeSwitchedOff() {
		this.contextRunner
			.withPropertyValues("fifo-liveness.peers.only.path=" + this.dir.resolve("only.fifo"),
					"management.health.peers.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("peersHealthContributor"));
	}

	@Test
	void userDefinedContributorReplacesTheAutoConfiguredOne() {
		HealthIndicator mine = () -> Health.up().build();
		this.contextRunner.withBean("peersHealthContributor", HealthIndicator.class, () -> mine)
			.withPropertyValues("fifo-liveness.peers.only.path=" + this.dir.resolve("only.fifo"))
			.run((context) -> assertThat(context.getBean("peersHealthContributor")).isSameAs(mine));
	}

	@Test
	void relativePeerPathFailsNamingThePeersProperty() {
		this.contextRunner.withPropertyValues("fifo-liveness.peers.orders.path=orders.fifo")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("'fifo-liveness.peers.orders.path'")
				.hasMessageContaining("'orders.fifo'"));
	}

	@Test
	void misspeltPeerPropertyFailsNamingIt() {
		this.contextRunner.withPropertyValues("fifo-liveness.peers.orders.pat=/x")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("fifo-liveness.peers.orders.pat"));
	}

	@Test
	void peerWithBlankPathFailsNamingThePeersProperty() {
		this.contextRunner.withPropertyValues("fifo-liveness.peers.orders.path=")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("'fifo-liveness.peers.orders.path'")
				.hasMessageContaining("A path is required"));
	}

	static class EventRecorder {

		final List<PeerStatusChangedEvent> events = new CopyOnWriteArrayList<>();

		@EventListener
		void record(PeerStatusChangedEvent event) {
			this.events.add(event);
		}

	}

	private static Health health(CompositeHealthContributor composite, String name) {
		HealthContributor contributor = composite.getContributor(name);
		return ((HealthIndicator) contributor).health();
	}

}
