package io.github.fifoliveness.peer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.github.fifoliveness.posix.FileType;
import io.github.fifoliveness.posix.NativePosix;
import io.github.fifoliveness.posix.PosixException;
import io.github.fifoliveness.posix.ProcessExistence;
import io.github.fifoliveness.posix.SmallFile;

/**
 * Probes a peer that only writes a PID file (nginx, sshd, databases): asks the kernel
 * whether that process exists ({@code kill(pid, 0)}, no signal sent), guarding against
 * PID reuse and zombies, which still answer {@code kill}. Only a few bytes of a regular
 * file are read, never with a call that could block.
 */
public final class PidFilePeerProbe implements PeerProbe {

	// How much later than the file a process may seem to start, for clock granularity.
	static final Duration START_TIME_TOLERANCE = Duration.ofSeconds(2);

	private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,10}");

	// A PID file is a few bytes; reading more would only waste time on a wrong file.
	private static final int MAX_BYTES = 64;

	private final Path pidFile;

	private final ExpectedOwner owner;

	private final NativePosix posix;

	private final Map<String, Object> inputs;

	/**
	 * Create a probe for the given absolute path that trusts files of this process's user
	 * or root (any user's, when running as root).
	 */
	public PidFilePeerProbe(Path pidFile, NativePosix posix) {
		this(pidFile, ExpectedOwner.of(null, posix.effectiveUid()), posix);
	}

	/**
	 * Create a probe for the given absolute path.
	 * @param owner who must own the PID file; root's are always trusted, as system
	 * daemons write theirs as root
	 */
	public PidFilePeerProbe(Path pidFile, ExpectedOwner owner, NativePosix posix) {
		this.pidFile = pidFile;
		this.owner = owner;
		this.posix = posix;
		Map<String, Object> inputs = new LinkedHashMap<>();
		inputs.put("pidFile", pidFile.toString());
		inputs.put("owner", owner.detail());
		this.inputs = Collections.unmodifiableMap(inputs);
	}

	/**
	 * Return the path of the PID file this probe reads.
	 */
	public Path getPidFile() {
		return this.pidFile;
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
		SmallFile file;
		try {
			file = this.posix.readSmallFile(this.pidFile, MAX_BYTES);
		}
		catch (PosixException ex) {
			if (ex.isMissing()) {
				return ProbeResult.down(DownReason.MISSING,
						"No PID file at the path: the peer has not started, or removed its PID file on shutdown");
			}
			if (ex.isAccessDenied()) {
				return ProbeResult.down(DownReason.PERMISSION_DENIED, "This process may not read the PID file");
			}
			return ProbeResult.error(ex.getErrorName(), "Reading the PID file failed: " + ex.getMessage());
		}
		if (file.content() == null) {
			FileType type = file.status().type();
			return ProbeResult.down(DownReason.INVALID_PID_FILE,
					type.sentenceStart() + " is at the path, not a PID file (a regular file); it was not read");
		}
		int fileOwner = file.status().ownerUid();
		if (fileOwner != 0 && !this.owner.accepts(fileOwner)) {
			return ProbeResult.down(DownReason.FOREIGN_OWNER, "The PID file belongs to uid " + fileOwner
					+ ", neither to uid " + this.owner.uid() + " nor to root: another user may have written it,"
					+ " so it proves nothing. Set the peer's 'owner' (or the check's --owner) if that user runs the"
					+ " peer");
		}
		String trimmed = new String(file.content(), StandardCharsets.US_ASCII).strip();
		long parsed = DECIMAL.matcher(trimmed).matches() ? Long.parseLong(trimmed) : 0;
		if (parsed < 1 || parsed > Integer.MAX_VALUE) {
			return ProbeResult.down(DownReason.INVALID_PID_FILE,
					"The PID file does not hold a decimal process id: '" + printable(trimmed) + "'");
		}
		return probeProcess((int) parsed, file.lastModified());
	}

	private ProbeResult probeProcess(int pid, Instant written) {
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
		if (isZombie(pid)) {
			return ProbeResult.down(DownReason.STALE_PID, "Process " + pid
					+ " is a zombie: it exited and only waits for its parent to collect its exit status", pid);
		}
		Optional<Instant> started = ProcessHandle.of(pid).flatMap((process) -> process.info().startInstant());
		// The file's time is whole seconds, which the tolerance covers.
		if (started.isPresent() && started.get().isAfter(written.plus(START_TIME_TOLERANCE))) {
			return ProbeResult.down(
					DownReason.PID_REUSED, "Process " + pid + " started at " + started.get()
							+ ", after the PID file was written at " + written + ": another process reused the PID",
					pid);
		}
		return ProbeResult.alive(pid, (existence == ProcessExistence.EXISTS_OTHER_USER)
				? "The process belongs to another user: kill(pid, 0) is not permitted, which shows that it exists"
				: null);
	}

	// False where /proc is missing (macOS, the BSDs).
	private static boolean isZombie(int pid) {
		String status;
		try {
			status = Files.readString(Path.of("/proc", Integer.toString(pid), "status"), StandardCharsets.US_ASCII);
		}
		catch (IOException ex) {
			return false;
		}
		// A leader whose main thread exited shows Z while its other threads run.
		return field(status, "State:").startsWith("Z") && field(status, "Threads:").equals("1");
	}

	private static String field(String status, String name) {
		for (String line : status.split("\n")) {
			if (line.startsWith(name)) {
				return line.substring(name.length()).strip();
			}
		}
		return "";
	}

	private static String printable(String text) {
		String shown = text.length() > 32 ? text.substring(0, 32) + "…" : text;
		return shown.replaceAll("\\p{Cntrl}", "?");
	}

	@Override
	public WatchTarget watchTarget() {
		return WatchTarget.pidFile(this);
	}

}
