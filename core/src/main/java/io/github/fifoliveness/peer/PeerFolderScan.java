package io.github.fifoliveness.peer;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.fifoliveness.posix.NativePosix;

/**
 * Looks at a peer folder once: lists the names that match its pattern and probes each, as
 * health does where the folder is not watched and as the check command does.
 */
public final class PeerFolderScan {

	private PeerFolderScan() {
	}

	/**
	 * Probe every member of a folder now, the first {@code max-members} by name.
	 * @param folder the folder
	 * @param posix the native calls
	 * @return the report
	 */
	public static PeerFolderReport scan(PeerFolder folder, NativePosix posix) {
		Optional<ExpectedOwner> owner = owner(folder);
		Optional<List<String>> names = owner.isPresent() ? matchingNames(folder) : Optional.empty();
		if (names.isEmpty()) {
			return new PeerFolderReport(folder, false, Map.of());
		}
		Map<String, ProbeResult> members = new LinkedHashMap<>();
		for (String name : names.get()) {
			if (members.size() >= folder.maxMembers()) {
				break;
			}
			FifoPeerProbe probe = new FifoPeerProbe(folder.path().resolve(name), owner.get(), posix);
			ProbeResult result = probe.probe();
			if (isMember(result)) {
				members.putIfAbsent(folder.memberName(name), result);
			}
		}
		return new PeerFolderReport(folder, true, members);
	}

	/**
	 * Whether a probe result makes the file a member: a FIFO of the expected owner, with
	 * or without a reader.
	 * @param result the result
	 * @return {@code false} for nothing there, something other than a FIFO, or a FIFO of
	 * another owner
	 */
	static boolean isMember(ProbeResult result) {
		DownReason reason = result.reason();
		return reason != DownReason.MISSING && reason != DownReason.NOT_A_FIFO && reason != DownReason.FOREIGN_OWNER;
	}

	/**
	 * Return who must own the members' FIFOs: the configured owner, else the folder's.
	 * @param folder the folder
	 * @return the owner, empty when the folder does not exist or is not a folder
	 */
	static Optional<ExpectedOwner> owner(PeerFolder folder) {
		// Following a symbolic link to the folder, as watching it does.
		try {
			if (!Files.isDirectory(folder.path())) {
				return Optional.empty();
			}
			int uid = (Integer) Files.getAttribute(folder.path(), "unix:uid");
			return Optional.of((folder.owner() != null) ? folder.owner() : new ExpectedOwner(uid));
		}
		catch (IOException | UnsupportedOperationException | SecurityException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Return the names in the folder that match its pattern, in name order.
	 * @param folder the folder
	 * @return the names, empty when the folder cannot be read
	 */
	static Optional<List<String>> matchingNames(PeerFolder folder) {
		List<String> names = new ArrayList<>();
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder.path())) {
			for (Path entry : entries) {
				String name = entry.getFileName().toString();
				if (folder.matches(name)) {
					names.add(name);
				}
			}
		}
		catch (IOException | DirectoryIteratorException | SecurityException ex) {
			return Optional.empty();
		}
		names.sort(null);
		return Optional.of(names);
	}

}
