package io.github.fifoliveness.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.fifoliveness.autoconfigure.peer.PeerFolderChangedEvent;
import io.github.fifoliveness.autoconfigure.peer.PeerFolderMetrics;
import io.github.fifoliveness.peer.PeerFolderChange;
import io.github.fifoliveness.peer.PeerWatcher;
import io.github.fifoliveness.posix.NativePosix;
import io.github.fifoliveness.posix.OpenFile;
import io.github.fifoliveness.testsupport.Fifos;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for peer folders as the auto-configuration wires them: one health indicator per
 * group in the {@code peers} contributor, events, gauges and log lines.
 */
@ExtendWith(OutputCaptureExtension.class)
class PeerFoldersAutoConfigurationTests {

	@TempDir
	Path dir;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(NativePosixAutoConfiguration.class, PeersAutoConfiguration.class,
				PeersHealthContributorAutoConfiguration.class, PeersMetricsAutoConfiguration.class))
		.withPropertyValues("fifo-liveness.beacon.enabled=false");

	@Test
	void groupIsOneIndicatorWithEachMembersState() throws Exception {
		Path folder = Files.createDirectory(this.dir.resolve("workers"));
		Path one = Fifos.create(folder.resolve("worker-1.fifo"));
		Fifos.create(folder.resolve("worker-2.fifo"));
		try (OpenFile readEnd = NativePosix.get().openReadEnd(one)) {
			this.contextRunner
				.withPropertyValues("fifo-liveness.peer-folders.workers.path=" + folder,
						"fifo-liveness.peer-folders.workers.min-up=2")
				.run((context) -> {
					CompositeHealthContributor peers = context.getBean("peersHealthContributor",
							CompositeHealthContributor.class);
					assertThat(peers.stream().map((entry) -> entry.name())).containsExactly("workers");
					assertThat(peers.getContributor("workers")).isInstanceOf(HealthIndicator.class);
					await().until(() -> health(peers).getDetails().get("up"), (up) -> Integer.valueOf(1).equals(up));
					Health health = health(peers);
					assertThat(health.getStatus()).isEqualTo(Status.DOWN);
					assertThat(health.getDetails()).containsEntry("path", folder.toString())
						.containsEntry("minUp", 2)
						.containsEntry("up", 1)
						.containsEntry("down", 1)
						.containsEntry("reason", "QUORUM_LOST")
						.containsEntry("message", "1 of 2 members are up; at least 2 must be")
						.containsEntry("members", Map.of("worker-1", Map.of("status", "UP"), "worker-2",
								Map.of("status", "DOWN", "reason", "NO_READER")));
				});
		}
	}

	@Test
	void twoPeerFoldersOfOneFolderAndPatternStartWithAWarningNamingBoth(CapturedOutput output) {
		Path folder = this.dir.resolve("workers");
		this.contextRunner
			.withPropertyValues("fifo-liveness.peer-folders.workers.path=" + folder,
					"fifo-liveness.peer-folders.pool.path=" + folder + "/",
					"fifo-liveness.peer-folders.blue.path=" + folder, "fifo-liveness.peer-folders.blue.pattern=blue-*",
					"fifo-liveness.peer-folders.other.path=" + folder, "fifo-liveness.peer-folders.other.owner=65534")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output.getOut().lines().filter((line) -> line.contains("follow the same folder")))
					.singleElement()
					.asString()
					.contains("Peer folders 'workers' and 'pool' follow the same folder '" + folder
							+ "' with the same pattern and owner, so both report the same members. If one of them is meant to"
							+ " be another, correct 'fifo-liveness.peer-folders.pool'.");
			});
	}

	@Test
	void peersAndGroupsShareThePeersContributorAndAMissingFolderIsDown() {
		Path fifo = Fifos.create(this.dir.resolve("orders.fifo"));
		this.contextRunner
			.withPropertyValues("fifo-liveness.peers.orders.path=" + fifo,
					"fifo-liveness.peer-folders.workers.path=" + this.dir.resolve("workers"))
			.run((context) -> {
				CompositeHealthContributor peers = context.getBean("peersHealthContributor",
						CompositeHealthContributor.class);
				assertThat(peers.stream().map((entry) -> entry.name())).containsExactly("orders", "workers");
				Health workers = ((HealthIndicator) peers.getContributor("workers")).health();
				assertThat(workers.getStatus()).isEqualTo(Status.DOWN);
				assertThat(workers.getDetails()).containsEntry("reason", "FOLDER_MISSING");
			});
	}

	@Test
	void groupWithAStartupGraceIsUnknownUntilItsQuorumIsSeenAndPublishesNoLoss() throws Exception {
		Path folder = Files.createDirectory(this.dir.resolve("workers"));
		Path fifo = Fifos.create(folder.resolve("worker-1.fifo"));
		this.contextRunner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withUserConfiguration(EventRecorder.class)
			.withPropertyValues("fifo-liveness.peer-folders.workers.path=" + folder,
					"fifo-liveness.monitor.startup-grace=10m")
			.run((context) -> {
				CompositeHealthContributor peers = context.getBean("peersHealthContributor",
						CompositeHealthContributor.class);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				context.getBean(PeerFolderMetrics.class).bindTo(registry);
				await().until(() -> health(peers).getDetails().get("members"),
						(members) -> ((Map<?, ?>) members).containsKey("worker-1"));
				Health waiting = health(peers);
				assertThat(waiting.getStatus()).isEqualTo(Status.UNKNOWN);
				assertThat(waiting.getDetails()).containsEntry("reason", "NOT_SEEN_YET")
					.containsEntry("found", "QUORUM_LOST")
					.containsEntry("up", 0)
					.containsEntry("down", 0)
					.containsEntry("members", Map.of("worker-1",
							Map.of("status", "UNKNOWN", "reason", "NOT_SEEN_YET", "found", "NO_READER")));
				assertThat(registry.get("fifo.liveness.peer.folder.up").tag("folder", "workers").gauge().value())
					.isNaN();
				try (OpenFile readEnd = NativePosix.get().openReadEnd(fifo)) {
					EventRecorder recorder = context.getBean(EventRecorder.class);
					await().until(() -> recorder.kinds().contains(PeerFolderChange.Kind.QUORUM_HELD));
					assertThat(recorder.kinds()).containsExactly(PeerFolderChange.Kind.MEMBER_JOINED,
							PeerFolderChange.Kind.QUORUM_HELD);
					assertThat(health(peers).getStatus()).isEqualTo(Status.UP);
				}
			});
	}

	@Test
	void changesArePublishedAsEventsAndCountedInGauges() throws Exception {
		Path folder = Files.createDirectory(this.dir.resolve("workers"));
		Path fifo = Fifos.create(folder.resolve("worker-1.fifo"));
		this.contextRunner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withUserConfiguration(EventRecorder.class)
			.withPropertyValues("fifo-liveness.peer-folders.workers.path=" + folder)
			.run((context) -> {
				assertThat(context).hasSingleBean(PeerWatcher.class);
				EventRecorder recorder = context.getBean(EventRecorder.class);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				// Actuator's metrics auto-configuration binds every MeterBinder bean.
				context.getBean(PeerFolderMetrics.class).bindTo(registry);
				await().until(() -> recorder.kinds().contains(PeerFolderChange.Kind.QUORUM_LOST));
				try (OpenFile readEnd = NativePosix.get().openReadEnd(fifo)) {
					await().until(() -> recorder.kinds().contains(PeerFolderChange.Kind.QUORUM_HELD));
					assertThat(recorder.kinds()).containsSubsequence(PeerFolderChange.Kind.MEMBER_JOINED,
							PeerFolderChange.Kind.QUORUM_LOST, PeerFolderChange.Kind.MEMBER_UP,
							PeerFolderChange.Kind.QUORUM_HELD);
					assertThat(registry.get("fifo.liveness.peer.folder.members").tag("status", "up").gauge().value())
						.isEqualTo(1);
					assertThat(registry.get("fifo.liveness.peer.folder.up").tag("folder", "workers").gauge().value())
						.isEqualTo(1);
				}
				await().until(() -> recorder.kinds().lastIndexOf(PeerFolderChange.Kind.MEMBER_DOWN) > 0);
				assertThat(registry.get("fifo.liveness.peer.folder.members").tag("status", "down").gauge().value())
					.isEqualTo(1);
			});
	}

	@Test
	void floodBeyondMaxMembersIsWarnedOfOnce(CapturedOutput output) throws Exception {
		Path folder = Files.createDirectory(this.dir.resolve("workers"));
		this.contextRunner
			.withPropertyValues("fifo-liveness.peer-folders.workers.path=" + folder,
					"fifo-liveness.peer-folders.workers.max-members=2")
			.run((context) -> {
				PeerWatcher watcher = context.getBean(PeerWatcher.class);
				await().until(() -> output.toString().contains("Peer folder 'workers' at '" + folder + "'"));
				for (int i = 0; i < 50; i++) {
					Fifos.create(folder.resolve("flood-" + i + ".fifo"));
				}
				await().until(() -> watcher.report("workers").members().size() == 2);
				await().until(() -> output.toString().contains("its 'max-members'"));
				assertThat(output.toString().split("its 'max-members'", -1)).hasSize(2);
			});
	}

	private static Health health(CompositeHealthContributor peers) {
		return ((HealthIndicator) peers.getContributor("workers")).health();
	}

	static class EventRecorder {

		private final List<PeerFolderChange> changes = new CopyOnWriteArrayList<>();

		@EventListener
		void record(PeerFolderChangedEvent event) {
			this.changes.add(event.getChange());
		}

		List<PeerFolderChange.Kind> kinds() {
			return this.changes.stream().map(PeerFolderChange::kind).toList();
		}

	}

}
