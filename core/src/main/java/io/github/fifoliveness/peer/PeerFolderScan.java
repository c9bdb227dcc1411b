package io.github.fifoliveness.peer;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
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
		Optional<ExpectedOwner> owner = AtPath.of(folder).owner();
		Optional<List<String>> names;
		try {
			names = owner.isPresent() ? matchingNames(folder, (name) -> {
			}) : Optional.empty();
		}
		catch (IOException ex) {
			names = Optional.empty();
		}
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

	/** Why a member left whose FIFO is no longer listed in its folder. */
	static final String GONE_FROM_FOLDER = "its FIFO is no longer in the folder (a clean stop removes it)";

	/** Why a member left whose probe found it no member. */
	static String whyNoLonger(ProbeResult notAMember) {
		return switch (notAMember.reason()) {
			case NOT_A_FIFO -> "another file took its FIFO's place";
			case FOREIGN_OWNER -> "its FIFO belongs to another user now";
			default -> GONE_FROM_FOLDER;
		};
	}

	/**
	 * Whether a probe result makes the file a member: a FIFO of the expected owner, with
	 * or without a reader.
	 */
	static boolean isMember(ProbeResult result) {
		DownReason reason = result.reason();
		return reason != DownReason.MISSING && reason != DownReason.NOT_A_FIFO && reason != DownReason.FOREIGN_OWNER;
	}

	/**
	 * What one stat of the path finds, following symbolic links as watching does.
	 *
	 * @param owner who must own the members' FIFOs; empty when there is no folder there
	 * @param identity device and inode of what is there, which tells it from another put
	 * there since; {@code null} when nothing is, or it cannot be examined
	 * @param denied whether this user may not search the way to it
	 */
	record AtPath(Optional<ExpectedOwner> owner, @Nullable Object identity, boolean denied) {

		static AtPath of(PeerFolder folder) {
			try {
				Map<String, Object> stat = Files.readAttributes(folder.path(), "unix:isDirectory,uid,fileKey");
				Object identity = stat.get("fileKey");
				if (!(Boolean) stat.get("isDirectory")) {
					return new AtPath(Optional.empty(), identity, false);
				}
				ExpectedOwner owner = (folder.owner() != null) ? folder.owner()
						: new ExpectedOwner((Integer) stat.get("uid"));
				return new AtPath(Optional.of(owner), identity, false);
			}
			catch (IOException | UnsupportedOperationException | SecurityException ex) {
				return new AtPath(Optional.empty(), null, ex instanceof AccessDeniedException);
			}
		}

	}

	/**
	 * The names in the folder that match its pattern, empty when it is gone or this user
	 * may not read it. A name the JVM's file-name encoding cannot hold goes to
	 * {@code unreadable} instead: it would name another file, or none.
	 * @throws IOException if the folder could not be listed for another reason, such as
	 * no descriptor left ({@code EMFILE}): it may be there all the same
	 */
	static Optional<List<String>> matchingNames(PeerFolder folder, Consumer<String> unreadable) throws IOException {
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
		catch (NoSuchFileException | NotDirectoryException | AccessDeniedException | SecurityException ex) {
			return Optional.empty();
		}
		catch (DirectoryIteratorException ex) {
			throw ex.getCause();
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
