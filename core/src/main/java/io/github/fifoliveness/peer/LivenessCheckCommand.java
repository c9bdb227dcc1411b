package io.github.fifoliveness.peer;

import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.github.fifoliveness.posix.ConfiguredPath;
import io.github.fifoliveness.posix.NativePosix;
import io.github.fifoliveness.posix.NativePosixUnavailableException;
import org.jspecify.annotations.Nullable;

/**
 * A liveness check for shell scripts, systemd units and container HEALTHCHECKs, run
 * without a Spring context: prints one line and exits 0 when alive, 1 when not, 2 on a
 * usage error. Control characters and backslashes in the line are escaped C-style, so a
 * path with a newline in it still prints one line.
 */
public final class LivenessCheckCommand {

	/** Exit status when the peer is alive. */
	public static final int ALIVE = 0;

	/** Exit status when the peer is not alive. */
	public static final int NOT_ALIVE = 1;

	/** Exit status for a usage error. */
	public static final int USAGE = 2;

	private static final String USAGE_LINE = "usage: check [--owner <user>] <fifo-path> | check [--owner <user>] --pid-file <pid-file>"
			+ " | check [--owner <user>] --folder <folder> [--min-up <n>] [--pattern <glob>]";

	private LivenessCheckCommand() {
	}

	/** Run the check as a command of its own, as {@code fifo-liveness-check.jar} does. */
	public static void main(String[] args) {
		System.exit(run(args, System.out, System.err));
	}

	/** Run the check on the arguments after {@code check}, returning the exit status. */
	public static int run(String[] arguments, PrintStream out, PrintStream err) {
		List<String> words = new ArrayList<>(List.of(arguments));
		// "--" ends the options: what follows is the path, even one that begins with '-'.
		int end = words.indexOf("--");
		boolean endOfOptions = end >= 0;
		List<String> operands = endOfOptions ? List.copyOf(words.subList(end + 1, words.size())) : List.of();
		if (endOfOptions) {
			words.subList(end, words.size()).clear();
		}
		int ownerAt = words.indexOf("--owner");
		String owner = null;
		if (ownerAt >= 0) {
			if (ownerAt + 1 >= words.size()) {
				err.println(USAGE_LINE);
				return USAGE;
			}
			owner = words.remove(ownerAt + 1);
			words.remove(ownerAt);
		}
		if (words.contains("--folder") && !endOfOptions) {
			return folder(words, owner, out, err);
		}
		if (endOfOptions && operands.size() != 1) {
			err.println(USAGE_LINE);
			return USAGE;
		}
		words.addAll(operands);
		String[] args = words.toArray(String[]::new);
		if (!endOfOptions && args.length == 1 && args[0].startsWith("-")) {
			err.println(CStyleEscape.escape("'" + args[0] + "' is no option: give a path that begins with '-' after"
					+ " '--' (check -- " + args[0] + ")"));
			err.println(USAGE_LINE);
			return USAGE;
		}
		boolean pidFile = args.length == 2 && args[0].equals("--pid-file");
		if (!pidFile && (args.length != 1 || (!endOfOptions && args[0].startsWith("-")))) {
			err.println(USAGE_LINE);
			return USAGE;
		}
		if (args[args.length - 1].isEmpty()) {
			// Path.of("") is the working folder: never probe that by accident.
			err.println("an empty path names nothing to check");
			err.println(USAGE_LINE);
			return USAGE;
		}
		if (ConfiguredPath.endsInSlash(args[args.length - 1])) {
			err.println(CStyleEscape
				.escape("not a valid path: it " + ConfiguredPath.ENDS_IN_SLASH + ": " + args[args.length - 1]));
			err.println(USAGE_LINE);
			return USAGE;
		}
		Path path;
		try {
			path = ConfiguredPath.parse(args[args.length - 1]).toAbsolutePath();
		}
		catch (InvalidPathException ex) {
			err.println(notAValidPath(ex));
			err.println(USAGE_LINE);
			return USAGE;
		}
		NativePosix posix = posix(err);
		if (posix == null) {
			return USAGE;
		}
		Optional<ExpectedOwner> expected = (owner != null) ? owner(owner, posix, err)
				: Optional.of(ExpectedOwner.of(null, posix.effectiveUid()));
		if (expected.isEmpty()) {
			return USAGE;
		}
		PeerProbe probe = pidFile ? new PidFilePeerProbe(path, expected.get(), posix)
				: new FifoPeerProbe(path, expected.get(), posix);
		ProbeResult result = probe.probe();
		out.println(CStyleEscape.escape(line(path, result)));
		return result.alive() ? ALIVE : NOT_ALIVE;
	}

	private static String line(Path path, ProbeResult result) {
		StringBuilder line = new StringBuilder(result.alive() ? "UP" : "DOWN " + result.reason().name());
		line.append(' ').append(path);
		if (result.pid() != null) {
			line.append(" pid=").append(result.pid());
		}
		if (!result.alive()) {
			line.append(": ").append(result.message());
		}
		else if (result.note() != null) {
			line.append(": ").append(result.note());
		}
		return line.toString();
	}

	// --folder: scans a peer folder once, one line for it and one per member.
	private static int folder(List<String> words, @Nullable String owner, PrintStream out, PrintStream err) {
		String folder = option(words, "--folder");
		String minUp = option(words, "--min-up");
		String pattern = option(words, "--pattern");
		if (folder == null || folder.isEmpty() || !words.isEmpty() || "".equals(minUp)) {
			err.println(USAGE_LINE);
			return USAGE;
		}
		int min;
		try {
			min = (minUp != null) ? Integer.parseInt(minUp) : 1;
		}
		catch (NumberFormatException ex) {
			min = 0;
		}
		if (min < 1) {
			err.println(CStyleEscape.escape("--min-up takes a whole number of 1 or more, not '" + minUp + "'"));
			return USAGE;
		}
		NativePosix posix = posix(err);
		if (posix == null) {
			return USAGE;
		}
		Optional<ExpectedOwner> expected = (owner != null) ? owner(owner, posix, err) : Optional.empty();
		if (owner != null && expected.isEmpty()) {
			return USAGE;
		}
		PeerFolder peerFolder;
		try {
			Path path = ConfiguredPath.parse(folder).toAbsolutePath();
			peerFolder = new PeerFolder("folder", path, (pattern != null) ? pattern : PeerFolder.DEFAULT_PATTERN, min,
					expected.orElse(null), Integer.MAX_VALUE, Duration.ZERO);
		}
		catch (IllegalArgumentException ex) {
			err.println((ex instanceof InvalidPathException invalid) ? notAValidPath(invalid)
					: CStyleEscape.escape(ex.getMessage()));
			err.println(USAGE_LINE);
			return USAGE;
		}
		PeerFolderReport report = PeerFolderScan.scan(peerFolder, posix);
		out.println(CStyleEscape.escape(line(report)));
		report.members()
			.forEach((name, result) -> out.println(CStyleEscape
				.escape("  " + (result.alive() ? "UP" : "DOWN " + result.reason().name()) + " " + name)));
		return report.quorum() ? ALIVE : NOT_ALIVE;
	}

	private static String line(PeerFolderReport report) {
		String counts = report.up() + " of " + report.members().size() + " members up, at least "
				+ report.folder().minUp() + " needed";
		if (report.quorum()) {
			return "UP " + report.path() + ": " + counts;
		}
		return "DOWN " + report.reason().name() + " " + report.path() + ": "
				+ ((report.reason() == PeerFolderDownReason.QUORUM_LOST) ? counts : report.message());
	}

	// Removes an option and its value from the words; the value is "" when missing.
	private static @Nullable String option(List<String> words, String name) {
		int at = words.indexOf(name);
		if (at < 0) {
			return null;
		}
		words.remove(at);
		return (at < words.size()) ? words.remove(at) : "";
	}

	private static @Nullable NativePosix posix(PrintStream err) {
		try {
			return NativePosix.get();
		}
		catch (NativePosixUnavailableException ex) {
			err.println(nativeFailure(ex));
			return null;
		}
	}

	private static Optional<ExpectedOwner> owner(String owner, NativePosix posix, PrintStream err) {
		Optional<ExpectedOwner> expected = ExpectedOwner.named(owner, posix);
		if (expected.isEmpty()) {
			err.println(CStyleEscape
				.escape("no user '" + owner + "' on this machine: give an existing user name or a numeric uid"));
		}
		return expected;
	}

	// jffi's message holds a stack trace of its own: its first line says enough.
	private static String nativeFailure(NativePosixUnavailableException ex) {
		String message = String.valueOf(ex.getMessage()).lines().findFirst().orElse("");
		return (ex.getReason() != NativePosixUnavailableException.Reason.NATIVE_STUB_NOT_LOADABLE) ? message
				: message + System.lineSeparator() + "jffi could not write or load its stub in " + stubFolder()
						+ ": run with -Djffi.extract.dir=<a writable folder on a file system mounted with exec>, or on"
						+ " Java 22 or later";
	}

	private static String stubFolder() {
		String extractDir = System.getProperty("jffi.extract.dir");
		return (extractDir != null) ? "jffi.extract.dir ('" + extractDir + "')"
				: "java.io.tmpdir ('" + System.getProperty("java.io.tmpdir") + "')";
	}

	private static String notAValidPath(InvalidPathException ex) {
		return CStyleEscape.escape("not a valid path: " + ConfiguredPath.whyInvalid(ex) + ": " + ex.getInput());
	}

}
