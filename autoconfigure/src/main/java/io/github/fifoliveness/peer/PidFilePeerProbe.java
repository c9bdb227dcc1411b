package io.github.fifoliveness.peer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.github.fifoliveness.posix.NativePosix;
import io.github.fifoliveness.posix.PosixException;
import io.github.fifoliveness.posix.ProcessExistence;

/**
 * Probes a peer that only writes a PID file (nginx, sshd, databases): reads the PID,
 * asks the kernel whether that process exists ({@code kill(pid, 0)}, no signal sent), and
 * guards against PID reuse: a process that started after the file was last written is not
 * the one that wrote it.
 */
public final class PidFilePeerProbe implements PeerProbe {

	/** How much later than the file a process may seem to start, for clock granularity. */
	static final Duration START_TIME_TOLERANCE = Duration.ofSeconds(2);

	private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,10}");

	// A PID file is a few bytes; reading more would only waste time on a wrong file.
	private static final int MAX_BYTES = 64;

	private final Path pidFile;

	private final NativePosix posix;

	private final Map<String, Object> inputs;

	/**
	 * Create a probe for the given PID file.
	 * @param pidFile the absolute path of the PID file
	 * @param posix the native calls
	 */
	public PidFilePeerProbe(Path pidFile, NativePosix posix) {
		this.pidFile = pidFile;
		this.posix = posix;
		this.inputs = Map.of("pidFile", pidFile.toString());
	}

	@Override
	public String kind() {
		return "pid-file";
	}

	@Override
	public Map<String, Object> inputs() {
		return this.inputs;
	}

	@Override
	public ProbeResult probe() {
		String content;
		Instant written;
		try {
			written = Files.getLastModifiedTime(this.pidFile).toInstant();
			content = read();
		}
		catch (NoSuchFileException ex) {
			return ProbeResult.down(DownReason.MISSING,
					"No PID file at the path: the peer has not started, or removed its PID file on shutdown");
		}
		catch (AccessDeniedException ex) {
			return ProbeResult.down(DownReason.PERMISSION_DENIED, "This process may not read the PID file");
		}
		catch (IOException ex) {
			return ProbeResult.error(ex.getClass().getSimpleName(), "Reading the PID file failed: " + ex.getMessage());
		}
		String trimmed = content.strip();
		long parsed = DECIMAL.matcher(trimmed).matches() ? Long.parseLong(trimmed) : 0;
		if (parsed < 1 || parsed > Integer.MAX_VALUE) {
			return ProbeResult.down(DownReason.INVALID_PID_FILE,
					"The PID file does not hold a decimal process id: '" + printable(trimmed) + "'");
		}
		int pid = (int) parsed;
		ProcessExistence existence;
		try {
			existence = this.posix.processExistence(pid);
		}
		catch (PosixException ex) {
			return ProbeResult.error(ex.getErrorName(), "kill(" + pid + ", 0) failed: " + ex.getMessage());
		}
		if (existence == ProcessExistence.NONE) {
			return ProbeResult.down(DownReason.STALE_PID,
					"No process has PID " + pid + ": the peer died without removing its PID file", pid);
		}
		Optional<Instant> started = ProcessHandle.of(pid).flatMap((process) -> process.info().startInstant());
		if (started.isPresent() && started.get().isAfter(written.plus(START_TIME_TOLERANCE))) {
			return ProbeResult.down(DownReason.PID_REUSED, "Process " + pid + " started at " + started.get()
					+ ", after the PID file was written at " + written + ": another process reused the PID", pid);
		}
		return ProbeResult.alive(pid, (existence == ProcessExistence.EXISTS_OTHER_USER)
				? "The process belongs to another user: kill(pid, 0) is not permitted, which shows that it exists"
				: null);
	}

	private String read() throws IOException {
		try (var in = Files.newInputStream(this.pidFile)) {
			return new String(in.readNBytes(MAX_BYTES), StandardCharsets.US_ASCII);
		}
	}

	private static String printable(String text) {
		String shown = text.length() > 32 ? text.substring(0, 32) + "…" : text;
		return shown.replaceAll("\\p{Cntrl}", "?");
	}

}
