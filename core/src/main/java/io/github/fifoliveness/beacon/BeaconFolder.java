package io.github.fifoliveness.beacon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import io.github.fifoliveness.posix.FileStatus;
import io.github.fifoliveness.posix.NativePosix;
import io.github.fifoliveness.posix.PosixException;

/**
 * Makes sure the beacon's folder exists and that no other user can replace what is in it:
 * a folder others can write to must have the sticky bit, as {@code /tmp} does.
 */
final class BeaconFolder {

	private static final int GROUP_OR_OTHER_WRITE = 0022;

	private static final int STICKY = 01000;

	private BeaconFolder() {
	}

	static void prepare(Path fifo, NativePosix posix) {
		Path folder = fifo.getParent();
		if (folder == null) {
			return;
		}
		int uid = posix.effectiveUid();
		if (!Files.exists(folder)) {
			refuseForeignAncestor(fifo, folder, posix, uid);
			create(fifo, folder);
			return;
		}
		FileStatus status = statusOf(fifo, folder, posix);
		if (status.ownerUid() != uid && status.ownerUid() != 0) {
			throw new BeaconException(fifo,
					"its folder '" + folder + "' belongs to another user (uid " + status.ownerUid()
							+ "), who could replace the FIFO",
					"Choose a path in a folder this user owns, or let the beacon create the folder.", null);
		}
		if ((status.permissions() & GROUP_OR_OTHER_WRITE) != 0 && (status.permissions() & STICKY) == 0) {
			throw new BeaconException(fifo, "other users can write to its folder '" + folder + "' (mode "
					+ String.format("%04o", status.permissions()) + ", no sticky bit), so they could replace the FIFO",
					"Put the FIFO in a subfolder the beacon creates (mode 0700), such as '"
							+ folder.resolve("<app>").resolve(fifo.getFileName())
							+ "', or remove the group and other write bits.",
					null);
		}
	}

	// Whoever owns the parent can rename new folders away (a /tmp one made first, say).
	private static void refuseForeignAncestor(Path fifo, Path folder, NativePosix posix, int uid) {
		Path ancestor = folder.getParent();
		while (ancestor != null && !Files.exists(ancestor)) {
			ancestor = ancestor.getParent();
		}
		if (ancestor == null) {
			return;
		}
		FileStatus status = statusOf(fifo, ancestor, posix);
		if (status.ownerUid() != uid && status.ownerUid() != 0) {
			throw new BeaconException(fifo,
					"the folder '" + ancestor + "', in which its folder would be created,"
							+ " belongs to another user (uid " + status.ownerUid()
							+ "), who created it first and could replace whatever is created inside it",
					"Have that user or root remove '" + ancestor
							+ "' if it is not meant for this application, or choose a path in a folder this user owns.",
					null);
		}
	}

	private static void create(Path fifo, Path folder) {
		try {
			Files.createDirectories(folder,
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
		}
		catch (IOException ex) {
			throw new BeaconException(fifo, "its folder cannot be created (" + ex + ")",
					FullFilesystem.causedBy(ex) ? FullFilesystem.action(fifo) : "Create the folder '" + folder
							+ "' with mode 0700, or choose a path in a folder this user can write to.",
					ex);
		}
	}

	private static FileStatus statusOf(Path fifo, Path folder, NativePosix posix) {
		try {
			// Judge a link's target, as for /var/run -> /run.
			return posix.statusOf(folder.toRealPath()).orElseThrow();
		}
		catch (IOException | RuntimeException ex) {
			throw new BeaconException(fifo, "its folder '" + folder + "' cannot be examined (" + ex.getMessage() + ")",
					"Check that every folder on the path is searchable by this user.", ex);
		}
	}

}
