package io.github.fifoliveness.autoconfigure.peer;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.fifoliveness.peer.PeerFolderReport;
import io.github.fifoliveness.peer.PeerWatcher;
import io.github.fifoliveness.peer.ProbeResult;
import io.github.fifoliveness.peer.UnknownReason;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * {@link HealthIndicator} for one peer folder: UP while at least {@code min-up} members
 * are up, else DOWN with a {@code reason} ({@code QUORUM_LOST}, {@code FOLDER_MISSING} or
 * {@code NO_MEMBERS}) and a {@code message}; UNKNOWN instead, with reason
 * {@link UnknownReason#NOT_SEEN_YET} and the reason found as {@code found}, while it has
 * not held its quorum since the monitor started and its start-up grace has not passed,
 * and so is each member found down that was not seen UP yet. One indicator, not a
 * composite, so that health groups and Kubernetes probes take the group as a whole; each
 * member's state is in the {@code members} detail. Current within the kernel's notice
 * while the folder is watched, else scanned on every call.
 */
public class PeerFolderHealthIndicator extends AbstractHealthIndicator {

	private final PeerWatcher watcher;

	private final String folder;

	/**
	 * Create an indicator.
	 * @param watcher the watcher that follows the folder
	 * @param folder the folder's name
	 */
	public PeerFolderHealthIndicator(PeerWatcher watcher, String folder) {
		super("Peer folder health check failed");
		this.watcher = watcher;
		this.folder = folder;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		PeerFolderReport report = this.watcher.report(this.folder);
		builder.status(report.quorum() ? Status.UP : report.isNotSeenYet() ? Status.UNKNOWN : Status.DOWN);
		builder.withDetail("path", report.path().toString());
		builder.withDetail("minUp", report.folder().minUp());
		builder.withDetail("up", report.up());
		builder.withDetail("down", report.down());
		builder.withDetail("watched", this.watcher.isFolderWatched(this.folder));
		int polled = this.watcher.polledMembers(this.folder);
		if (polled > 0) {
			builder.withDetail("polledMembers", polled);
		}
		if (report.isNotSeenYet()) {
			builder.withDetail("reason", UnknownReason.NOT_SEEN_YET.name())
				.withDetail("found", report.reason().name())
				.withDetail("message", PeerHealthIndicator.notSeenYet("Not seen holding its quorum",
						report.startupGraceLeft(), report.message()));
		}
		else if (!report.quorum()) {
			builder.withDetail("reason", report.reason().name()).withDetail("message", report.message());
		}
		Map<String, Map<String, String>> members = new LinkedHashMap<>();
		report.members()
			.forEach((name, result) -> members.put(name, member(result, report.notSeenYet().contains(name))));
		builder.withDetail("members", members);
	}

	private static Map<String, String> member(ProbeResult result, boolean notSeenYet) {
		if (result.alive()) {
			return Map.of("status", "UP");
		}
		Map<String, String> member = new LinkedHashMap<>();
		if (notSeenYet) {
			member.put("status", "UNKNOWN");
			member.put("reason", UnknownReason.NOT_SEEN_YET.name());
			member.put("found", result.reason().name());
			return member;
		}
		member.put("status", "DOWN");
		member.put("reason", result.reason().name());
		return member;
	}

}
