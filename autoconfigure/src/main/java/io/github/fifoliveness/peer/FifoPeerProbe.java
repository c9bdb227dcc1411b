package io.github.fifoliveness.peer;

import java.nio.file.Path;
import java.util.Map;

import io.github.fifoliveness.posix.NativePath;
import io.github.fifoliveness.posix.NativePosix;
import io.github.fifoliveness.posix.WriteEndResult;

/**
 * Probes a peer through its liveness FIFO: opens the write end without blocking, checks
 * that it is a FIFO, and closes it at once. Never writes, never waits.
 */
public final class FifoPeerProbe implements PeerProbe {

	private static final ProbeResult NO_READER = ProbeResult.down(DownReason.NO_READER,
			"No process holds the FIFO open for reading: the peer is not running");

	private static final ProbeResult MISSING = ProbeResult.down(DownReason.MISSING,
			"Nothing exists at the path: the peer has not started, or removed its FIFO on shutdown");

	private static final ProbeResult PERMISSION_DENIED = ProbeResult.down(DownReason.PERMISSION_DENIED,
			"This process may not open the FIFO: run the monitor as the peer's user");

	private final NativePath path;

	private final NativePosix posix;

	private final Map<String, Object> inputs;

	/**
	 * Create a probe for the FIFO at the given path.
	 * @param path the absolute path of the peer's FIFO
	 * @param posix the native calls
	 */
	public FifoPeerProbe(Path path, NativePosix posix) {
		this.path = NativePath.of(path);
		this.posix = posix;
		this.inputs = Map.of("path", path.toString());
	}

	/**
	 * Return the path this probe opens.
	 * @return the path
	 */
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
		WriteEndResult result = this.posix.openWriteEndAndClose(this.path);
		return switch (result.outcome()) {
			case READER_PRESENT -> ProbeResult.ALIVE;
			case NO_READER -> NO_READER;
			case MISSING -> MISSING;
			case ACCESS_DENIED -> PERMISSION_DENIED;
			case NOT_A_FIFO -> ProbeResult.down(DownReason.NOT_A_FIFO, result.foundType().sentenceStart()
					+ " is at the path, not a FIFO: point the peer's path at the FIFO its beacon holds");
			case FAILED -> ProbeResult.error(result.errorName(),
					"Opening the FIFO failed: " + result.errorDescription() + " (" + result.errorName() + ")");
		};
	}

}
