package io.github.fifoliveness.peer;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.fifoliveness.posix.NativePath;
import io.github.fifoliveness.posix.NativePosix;
import io.github.fifoliveness.posix.WriteEndResult;

/**
 * Probes a peer by opening its FIFO's write end without blocking, checking the owner, and
 * closing it at once. Never writes, never waits, never opens anything but a FIFO.
 */
public final class FifoPeerProbe implements PeerProbe {

	private static final ProbeResult NO_READER = ProbeResult.down(DownReason.NO_READER,
			"No process holds the FIFO open for reading: the peer stopped, died, or reports itself broken");

	private static final ProbeResult MISSING = ProbeResult.down(DownReason.MISSING,
			"Nothing exists at the path: the peer has not started, or removed its FIFO on shutdown");

	private static final ProbeResult PERMISSION_DENIED = ProbeResult.down(DownReason.PERMISSION_DENIED,
			"This process may not open the FIFO, or search a folder on its path: run the monitor as the peer's user,"
					+ " or let it search those folders");

	private final NativePath path;

	private final NativePosix posix;

	private final ExpectedOwner owner;

	private final Map<String, Object> inputs;

	/**
	 * Create a probe for the FIFO at the given absolute path that trusts FIFOs of this
	 * process's user (any user's, when running as root).
	 */
	public FifoPeerProbe(Path path, NativePosix posix) {
		this(path, ExpectedOwner.of(null, posix.effectiveUid()), posix);
	}

	/** Create a probe for the FIFO at the given absolute path, of the given owner. */
	public FifoPeerProbe(Path path, ExpectedOwner owner, NativePosix posix) {
		this.path = NativePath.of(path);
		this.owner = owner;
		this.posix = posix;
		Map<String, Object> inputs = new LinkedHashMap<>();
		inputs.put("path", path.toString());
		inputs.put("owner", owner.detail());
		this.inputs = Collections.unmodifiableMap(inputs);
	}

	/** Return the path this probe opens. */
	public Path getPath() {
		return this.path.path();
	}

	@Override
	public String kind() {
		return "fifo";
	}

	@Override
	public Map<String, Object> inputs() {
		return this.inputs;
	}

	@Override
	public ProbeResult probe() {
		return resultOf(this.posix.openWriteEndAndClose(this.path, this.owner.uid()));
	}

	NativePath nativePath() {
		return this.path;
	}

	ExpectedOwner owner() {
		return this.owner;
	}

	ProbeResult resultOf(WriteEndResult result) {
		if (result instanceof WriteEndResult.ReaderPresent) {
			return ProbeResult.ALIVE;
		}
		if (result instanceof WriteEndResult.NoReader) {
			return NO_READER;
		}
		if (result instanceof WriteEndResult.Missing) {
			return MISSING;
		}
		if (result instanceof WriteEndResult.AccessDenied) {
			return PERMISSION_DENIED;
		}
		if (result instanceof WriteEndResult.NotAFifo notAFifo) {
			return ProbeResult.down(DownReason.NOT_A_FIFO, notAFifo.foundType().sentenceStart()
					+ " is at the path, not a FIFO: point the peer's path at the FIFO its beacon holds");
		}
		if (result instanceof WriteEndResult.ForeignOwner foreign) {
			return ProbeResult.down(DownReason.FOREIGN_OWNER, "The FIFO belongs to uid " + foreign.ownerUid()
					+ ", not to uid " + this.owner.uid()
					+ ": another user may have put it there, so it proves nothing. Set 'owner' (the peer's or its peer"
					+ " folder's, or the check's --owner) if that user runs the peer");
		}
		if (result instanceof WriteEndResult.Failed failed) {
			return ProbeResult.error(failed.errorName(),
					"Opening the FIFO failed: " + failed.errorDescription() + " (" + failed.errorName() + ")");
		}
		throw new IllegalStateException("No probe result for " + result);
	}

	@Override
	public WatchTarget watchTarget() {
		return WatchTarget.fifo(this);
	}

}
