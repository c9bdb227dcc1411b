package io.github.fifoliveness.peer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.fifoliveness.posix.FolderChange;
import io.github.fifoliveness.posix.FolderWatch;
import io.github.fifoliveness.posix.KernelEvents;
import io.github.fifoliveness.posix.PosixException;
import org.jspecify.annotations.Nullable;

/**
 * The folders the loop watches with inotify, for peers that are down (one name each) and
 * for peer folders (every name): one watch per folder, shared by everything in it and
 * removed with the last. A folder that does not exist yet is watched at its nearest
 * existing ancestor, for the creation of the next folder down. The watched folder's
 * parent is watched too, for its name: the kernel reports a deleted folder's own deletion
 * only once no process holds a file in it, and a live member's holder may never let go.
 */
final class FolderWatches {

	// Bounds the walk down when folders keep appearing and vanishing under it.
	private static final int MAX_MOVES = 64;

	private final KernelEvents events;

	private final Map<Integer, Folder> byWatch = new HashMap<>();

	private final Map<Follower, Interest> byFollower = new HashMap<>();

	private final Map<Follower, Interest> inParent = new HashMap<>();

	FolderWatches(KernelEvents events) {
		this.events = events;
	}

	/**
	 * Watch a folder for a follower, replacing what it watched. Returns once the watch is
	 * in place, so that a look made afterwards misses nothing.
	 * @param follower who is told
	 * @param folder the folder
	 * @param name the one name whose changes matter, {@code null} for every name
	 * @throws PosixException if neither the folder nor an existing ancestor can be
	 * watched, such as when this user may not read it
	 */
	void watch(Follower follower, Path folder, @Nullable String name) throws PosixException {
		for (int move = 0; move < MAX_MOVES; move++) {
			unwatch(follower);
			Path path = folder;
			String child = null;
			FolderWatch watch = null;
			while (watch == null) {
				try {
					watch = this.events.folders().watch(path);
				}
				catch (PosixException ex) {
					boolean absent = ex.isMissing() || "ENOTDIR".equals(ex.getErrorName());
					if (!absent || path.getParent() == null) {
						throw ex;
					}
					child = path.getFileName().toString();
					path = path.getParent();
				}
			}
			this.byFollower.put(follower, add(follower, watch, (child != null) ? child : name, child == null));
			watchParent(follower, path);
			if (child == null) {
				return;
			}
			// The next folder down may have appeared before the watch: then watch it
			// instead.
			if (!Files.isDirectory(path.resolve(child))) {
				return;
			}
		}
	}

	// Without it (an unreadable parent, say), a deletion is seen by the safety net.
	private void watchParent(Follower follower, Path folder) {
		if (folder.getParent() == null) {
			return;
		}
		try {
			FolderWatch watch = this.events.folders().watchNames(folder.getParent());
			this.inParent.put(follower, add(follower, watch, folder.getFileName().toString(), false));
		}
		catch (PosixException ex) {
			// Watched in itself all the same.
		}
	}

	private Interest add(Follower follower, FolderWatch watch, @Nullable String name, boolean inFolder) {
		Folder watched = this.byWatch.computeIfAbsent(watch.id(), (id) -> new Folder());
		Interest interest = new Interest(follower, watched.shared(watch), name, inFolder);
		watched.add(interest);
		return interest;
	}

	/**
	 * Whether a follower watches its own folder (not an ancestor on the way to it).
	 * @param follower the follower
	 * @return {@code true} when it does
	 */
	boolean watchesOwnFolder(Follower follower) {
		Interest interest = this.byFollower.get(follower);
		return interest != null && interest.inFolder();
	}

	/**
	 * Stop watching for a follower, removing the folder's watch if nothing else needs it.
	 * @param follower the follower
	 */
	void unwatch(Follower follower) {
		remove(this.byFollower.remove(follower));
		remove(this.inParent.remove(follower));
	}

	private void remove(@Nullable Interest interest) {
		if (interest == null) {
			return;
		}
		Folder folder = this.byWatch.get(interest.watch().id());
		if (folder != null && folder.remove(interest)) {
			this.byWatch.remove(interest.watch().id());
			this.events.folders().unwatch(interest.watch());
		}
	}

	/**
	 * Tell the followers interested in a name of a watched folder.
	 * @param watch the folder's watch id
	 * @param name the name
	 * @param change what happened
	 */
	void changed(int watch, String name, FolderChange change) {
		Folder folder = this.byWatch.get(watch);
		if (folder == null) {
			return;
		}
		// Made only when needed: a busy peer folder sends an event for every open.
		List<Follower> again = null;
		for (Interest interest : folder.interested(name)) {
			if (interest.inFolder()) {
				interest.follower().fileChanged(name, change);
			}
			else if (change != FolderChange.OPENED && change != FolderChange.CLOSED_AFTER_WRITING) {
				again = (again != null) ? again : new ArrayList<>();
				again.add(interest.follower());
			}
		}
		// A folder on the way, or the folder itself, appeared, went or changed: watch
		// again (not for an open: a scan of the folder opens it).
		if (again != null) {
			again.forEach(this::unwatch);
			again.forEach(Follower::watchAgain);
		}
	}

	/**
	 * Forget a folder that was deleted or moved away, and tell its followers to watch
	 * again, wherever their folder is now.
	 * @param watch the folder's watch id
	 */
	void gone(int watch) {
		Folder folder = this.byWatch.get(watch);
		if (folder == null) {
			return;
		}
		// Unwatching the last removes the watch, which a moved folder keeps.
		List<Follower> followers = folder.all().stream().map(Interest::follower).distinct().toList();
		followers.forEach(this::unwatch);
		followers.forEach(Follower::watchAgain);
	}

	/**
	 * Forget every folder whose path names another folder now, after a change of the
	 * mount table or as the safety net, and tell its followers to watch again.
	 */
	void moved() {
		List<Integer> moved = new ArrayList<>();
		this.byWatch.forEach((id, folder) -> {
			// Each path it was watched through, as one of them may name another folder
			// now.
			if (!folder.all().stream().map(Interest::watch).distinct().allMatch(this.events.folders()::isStillAt)) {
				moved.add(id);
			}
		});
		moved.forEach(this::gone);
	}

	/**
	 * Whether a follower's watch still stands for the path it watched.
	 * @param follower the follower
	 * @return {@code false} when it watches nothing or its path names another folder now
	 */
	boolean isStillAt(Follower follower) {
		Interest interest = this.byFollower.get(follower);
		return interest != null && this.events.folders().isStillAt(interest.watch());
	}

	/**
	 * What is told of a watched folder's changes.
	 */
	interface Follower {

		/**
		 * A name that matters changed in the follower's own folder.
		 * @param name the name
		 * @param change what happened
		 */
		void fileChanged(String name, FolderChange change);

		/**
		 * The folder watched is gone or moved, or the next folder on the way to it
		 * changed: it must be watched again.
		 */
		void watchAgain();

	}

	private record Interest(Follower follower, FolderWatch watch, @Nullable String name, boolean inFolder) {

	}

	// The interests in one watched folder, by name, so that an event finds its own.
	private static final class Folder {

		private final Map<String, List<Interest>> named = new HashMap<>();

		private final List<Interest> everyName = new ArrayList<>(1);

		private @Nullable FolderWatch latest;

		// A record equal to the latest is that one, so that thousands of peers in one
		// folder keep one; any other (another path, another status) is kept as it is.
		FolderWatch shared(FolderWatch watch) {
			if (!watch.equals(this.latest)) {
				this.latest = watch;
			}
			return this.latest;
		}

		void add(Interest interest) {
			if (interest.name() == null) {
				this.everyName.add(interest);
			}
			else {
				this.named.computeIfAbsent(interest.name(), (name) -> new ArrayList<>(1)).add(interest);
			}
		}

		// Whether the folder is left without interests.
		boolean remove(Interest interest) {
			List<Interest> list = (interest.name() == null) ? this.everyName : this.named.get(interest.name());
			if (list != null && list.remove(interest) && list.isEmpty() && interest.name() != null) {
				this.named.remove(interest.name());
			}
			return this.named.isEmpty() && this.everyName.isEmpty();
		}

		List<Interest> interested(String name) {
			List<Interest> named = this.named.getOrDefault(name, List.of());
			if (this.everyName.isEmpty()) {
				return named;
			}
			List<Interest> all = new ArrayList<>(this.everyName);
			all.addAll(named);
			return all;
		}

		List<Interest> all() {
			List<Interest> all = new ArrayList<>(this.everyName);
			this.named.values().forEach(all::addAll);
			return all;
		}

	}

}
