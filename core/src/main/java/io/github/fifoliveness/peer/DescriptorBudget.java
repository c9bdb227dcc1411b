package io.github.fifoliveness.peer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import io.github.fifoliveness.posix.KernelEvents;
import io.github.fifoliveness.posix.PosixException;
import org.slf4j.Logger;

/**
 * The descriptors watching may hold within {@code RLIMIT_NOFILE}, a quarter of which
 * stays for the rest of the application. Configured peers reserve theirs up front; folder
 * members take what is left as they come up.
 */
final class DescriptorBudget {

	private final KernelEvents events;

	private final Logger logger;

	private final long limit;

	private final long openAtStart;

	private long budget;

	private long reserved;

	private long taken;

	private boolean warned;

	DescriptorBudget(KernelEvents events, Logger logger) throws PosixException {
		this.events = events;
		this.logger = logger;
		this.limit = events.openFileLimit();
		this.openAtStart = openDescriptors();
		this.budget = budget(this.limit, this.openAtStart);
	}

	long reserve(long wanted) {
		// What folder members took is not free, for a peer watched again after the start.
		long granted = Math.max(0, Math.min(wanted, this.budget - this.reserved - this.taken));
		this.reserved += granted;
		return granted;
	}

	void unreserve(long count) {
		this.reserved -= count;
	}

	String describe() {
		return this.limit + " and " + this.openAtStart + " are open";
	}

	// Counted again when it runs out; heldNow is what watching holds, reserved or not.
	boolean take(long heldNow) {
		if (this.taken >= this.budget - this.reserved) {
			try {
				this.budget = budget(this.events.openFileLimit(), openDescriptors() - heldNow);
			}
			catch (PosixException ex) {
				return false;
			}
		}
		if (this.taken < this.budget - this.reserved) {
			this.taken++;
			return true;
		}
		if (!this.warned) {
			this.warned = true;
			this.logger.warn("Peer folders hold " + this.taken + " write ends, what the limit on open files"
					+ " (RLIMIT_NOFILE) leaves for them: further live members are probed every poll interval"
					+ " ('fifo-liveness.monitor.poll-interval') instead of watched. Raise the limit ('ulimit -n', or"
					+ " LimitNOFILE= in a systemd unit) to watch them all.");
		}
		return false;
	}

	void giveBack() {
		this.taken--;
	}

	static long budget(long limit, long others) {
		return Math.max(0, limit - others - limit / 4);
	}

	private static long openDescriptors() {
		try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
			return descriptors.count();
		}
		catch (IOException ex) {
			return 0;
		}
	}

}
