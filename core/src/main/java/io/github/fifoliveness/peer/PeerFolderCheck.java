package io.github.fifoliveness.peer;

import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.github.fifoliveness.posix.ConfiguredPath;
import io.github.fifoliveness.posix.NativePosix;
import io.github.fifoliveness.posix.NativePosixUnavailableException;
import org.jspecify.annotations.Nullable;

/**
 * The check command's {@code --folder}: scans a peer folder once, prints one line for the
 * folder and one per member, and exits 0 when the quorum holds.
 */
final class PeerFolderCheck {

	private PeerFolderCheck() {
	}

	static int run(List<String> words, @Nullable String owner, PrintStream out, PrintStream err, String usage) {
		String folder = option(words, "--folder");
		String minUp = option(words, "--min-up");
		String pattern = option(words, "--pattern");
		if (folder == null || folder.isEmpty() || !words.isEmpty() || "".equals(minUp)) {
			err.println(usage);
			return LivenessCheckCommand.USAGE;
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
			return LivenessCheckCommand.USAGE;
		}
		NativePosix posix;
		try {
			posix = NativePosix.get();
		}
		catch (NativePosixUnavailableException ex) {
			err.println(LivenessCheckCommand.nativeFailure(ex));
			return LivenessCheckCommand.USAGE;
		}
		Optional<ExpectedOwner> expected = (owner != null) ? ExpectedOwner.named(owner, posix) : Optional.empty();
		if (owner != null && expected.isEmpty()) {
			err.println(CStyleEscape
				.escape("no user '" + owner + "' on this machine: give an existing user name or a numeric uid"));
			return LivenessCheckCommand.USAGE;
		}
		PeerFolder peerFolder;
		try {
			Path path = ConfiguredPath.parse(folder).toAbsolutePath();
			peerFolder = new PeerFolder("folder", path, (pattern != null) ? pattern : PeerFolder.DEFAULT_PATTERN, min,
					expected.orElse(null), Integer.MAX_VALUE, Duration.ZERO);
		}
		catch (InvalidPathException ex) {
			err.println(LivenessCheckCommand.notAValidPath(ex));
			err.println(usage);
			return LivenessCheckCommand.USAGE;
		}
		catch (IllegalArgumentException ex) {
			err.println(CStyleEscape.escape(ex.getMessage()));
			err.println(usage);
			return LivenessCheckCommand.USAGE;
		}
		PeerFolderReport report = PeerFolderScan.scan(peerFolder, posix);
		out.println(CStyleEscape.escape(line(report)));
		report.members()
			.forEach((name, result) -> out.println(CStyleEscape
				.escape("  " + (result.alive() ? "UP" : "DOWN " + result.reason().name()) + " " + name)));
		return report.quorum() ? LivenessCheckCommand.ALIVE : LivenessCheckCommand.NOT_ALIVE;
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

}
