package io.github.fifoliveness.peer;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import io.github.fifoliveness.posix.NativePosix;
import org.jspecify.annotations.Nullable;

/**
 * Looks at a peer folder once, probing each name that matches its pattern, as health does
 * where the folder is not watched and as the check command does.
 */
public final class PeerFolderScan {

	private PeerFolderScan() {
	}

	/** Probe every member of a folder now, the first {@code max-members} by name. */
	public static PeerFolderReport scan(PeerFolder folder, NativePosix posix) {
		Optional<ExpectedOwner> owner = owner(folder);
		Optional<List<String>> names = owner.isPresent() ? matchingNames(folder, (name) -> {
		}) : Optional.empty();
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
	 */
	static boolean isMember(ProbeResult result) {
		DownReason reason = result.reason();
		return reason != DownReason.MISSING && reason != DownReason.NOT_A_FIFO && reason != DownReason.FOREIGN_OWNER;
	}

	/** Who must own the members' FIFOs; empty when there is no folder at the path. */
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
	 * What tells the folder at the path from another put there since (device and inode,
	 * following symbolic links), {@code null} when there is none or it cannot be
	 * examined.
	 */
	static @Nullable Object identity(Path folder) {
		try {
			return Files.readAttributes(folder, BasicFileAttributes.class).fileKey();
		}
		catch (IOException | SecurityException ex) {
			return null;
		}
	}

	/**
	 * The names in the folder that match its pattern, empty when it cannot be read. A
	 * name the JVM's file-name encoding cannot hold goes to {@code unreadable} instead:
	 * it would name another file, or none.
	 */
	static Optional<List<String>> matchingNames(PeerFolder folder, Consumer<String> unreadable) {
		List<String> names = new ArrayList<>();
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder.path())) {
			for (Path entry : entries) {
				String name = entry.getFileName().toString();
				if (!folder.matches(name)) {
					continue;
				}
				if (namesItself(entry, name)) {
					names.add(name);
				}
				else {
					unreadable.accept(name);
				}
			}
		}
		catch (IOException | DirectoryIteratorException | SecurityException ex) {
			return Optional.empty();
		}
		names.sort(null);
		return Optional.of(names);
	}

	private static boolean namesItself(Path entry, String name) {
		try {
			return entry.resolveSibling(name).equals(entry);
		}
		catch (InvalidPathException ex) {
			return false;
		}
	}

}
