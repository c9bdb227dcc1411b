package io.github.fifoliveness.peer;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;

/**
 * A peer folder's log lines, limited as a flapping peer's are: its members' changes
 * (joins, leaves, DOWNs and UPs) share one limit, so that many dying at once log a count
 * and one flapping names itself in it, and quorum changes have one of their own, so that
 * members coming and going never hide a quorum lost.
 */
final class FolderLines {

	private final String folder;

	private final Logger logger;

	private final LongSupplier clock;

	private final ChangeLines members = new ChangeLines();

	private final ChangeLines quorum = new ChangeLines();

	private final Map<String, Long> notLoggedByMember = new HashMap<>();

	FolderLines(String folder, Logger logger, LongSupplier clock) {
		this.folder = folder;
		this.logger = logger;
		this.clock = clock;
	}

	void member(String member, boolean warn, String line) {
		if (this.members.log(this.clock.getAsLong())) {
			log(!warn, line);
		}
		else {
			this.notLoggedByMember.merge(member, 1L, Long::sum);
		}
	}

	void quorum(boolean held, String line) {
		log(this.quorum, held, line);
	}

	/**
	 * Log the lines that end or count a limited stretch, which say the state now: a WARN
	 * while the quorum is not held.
	 */
	void catchUp(boolean held, Supplier<String> state, Function<String, String> memberState) {
		long now = this.clock.getAsLong();
		catchUp(this.members, "member changes", now, held, state, memberState);
		catchUp(this.quorum, "quorum changes", now, held, state, memberState);
	}

	Optional<Long> due() {
		return earlier(due(this.members), due(this.quorum));
	}

	static Optional<Long> earlier(Optional<Long> one, Optional<Long> other) {
		return (one.isEmpty() || other.isPresent() && other.get() - one.get() < 0) ? other : one;
	}

	private void catchUp(ChangeLines lines, String changes, long now, boolean held, Supplier<String> state,
			Function<String, String> memberState) {
		long count = lines.countLine(now);
		if (count > 0) {
			this.logger.warn("Peer folder '" + this.folder + "': " + count + " " + changes + " in the last "
					+ ChangeLines.WINDOW.toSeconds() + " s were not logged" + takeMostOf(lines, memberState) + "; "
					+ state.get() + ". Its health and gauges tell its state at every moment.");
		}
		long still = lines.stillLine(now);
		if (still >= 0) {
			log(held, "Peer folder '" + this.folder + "' has held still for " + ChangeLines.WINDOW.toSeconds() + " s"
					+ ((still > 0)
							? " (" + still + " more " + changes + " not logged" + takeMostOf(lines, memberState) + ")"
							: "")
					+ ": " + state.get());
		}
	}

	// The member behind more than half of the changes not logged since the last
	// count, with its state now; the counts start again.
	private String takeMostOf(ChangeLines lines, Function<String, String> memberState) {
		if (lines != this.members) {
			return "";
		}
		long total = this.notLoggedByMember.values().stream().mapToLong(Long::longValue).sum();
		Optional<Map.Entry<String, Long>> most = this.notLoggedByMember.entrySet()
			.stream()
			.max(Map.Entry.comparingByValue())
			.filter((entry) -> entry.getValue() * 2 > total);
		this.notLoggedByMember.clear();
		return most
			.map((entry) -> ", " + entry.getValue() + " of them of member '" + CStyleEscape.escape(entry.getKey())
					+ "', " + memberState.apply(entry.getKey()) + " now")
			.orElse("");
	}

	private void log(ChangeLines lines, boolean info, String line) {
		if (lines.log(this.clock.getAsLong())) {
			log(info, line);
		}
	}

	private void log(boolean info, String line) {
		if (info) {
			this.logger.info(line);
		}
		else {
			this.logger.warn(line);
		}
	}

	private static Optional<Long> due(ChangeLines lines) {
		return lines.isLimited() ? Optional.of(lines.due()) : Optional.empty();
	}

}
