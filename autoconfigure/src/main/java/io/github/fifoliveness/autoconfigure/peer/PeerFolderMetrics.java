package io.github.fifoliveness.autoconfigure.peer;

import io.github.fifoliveness.peer.PeerFolder;
import io.github.fifoliveness.peer.PeerFolderReport;
import io.github.fifoliveness.peer.PeerWatcher;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Gauges of each peer folder: {@code fifo.liveness.peer.folder.members}, tagged
 * {@code folder} and {@code status} ({@code up} or {@code down}), and
 * {@code fifo.liveness.peer.folder.up}, 1 while the folder holds its quorum, else 0 (NaN
 * while it has not held it since the monitor started, within its start-up grace). No
 * meter per member: members come and go, and each would be a time series of its own.
 */
public class PeerFolderMetrics implements MeterBinder {

	private final PeerWatcher watcher;

	/**
	 * Create the gauges of the folders a watcher follows.
	 * @param watcher the watcher
	 */
	public PeerFolderMetrics(PeerWatcher watcher) {
		this.watcher = watcher;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (PeerFolder folder : this.watcher.folders()) {
			String name = folder.name();
			Gauge.builder("fifo.liveness.peer.folder.members", this.watcher, (watcher) -> watcher.report(name).up())
				.description("Members of the peer folder that are up, or down")
				.tag("folder", name)
				.tag("status", "up")
				.register(registry);
			Gauge.builder("fifo.liveness.peer.folder.members", this.watcher, (watcher) -> watcher.report(name).down())
				.description("Members of the peer folder that are up, or down")
				.tag("folder", name)
				.tag("status", "down")
				.register(registry);
			Gauge.builder("fifo.liveness.peer.folder.up", this.watcher, (watcher) -> up(watcher.report(name)))
				.description("Whether the peer folder holds its quorum (1) or not (0);"
						+ " NaN while not seen holding it yet within its start-up grace")
				.tag("folder", name)
				.register(registry);
		}
	}

	private static double up(PeerFolderReport report) {
		if (report.isNotSeenYet()) {
			return Double.NaN;
		}
		return report.quorum() ? 1 : 0;
	}

}
