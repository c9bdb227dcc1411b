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
 * The folders the loop watches with inotify, one watch per folder shared by all its
 * followers. A folder that does not exist yet is watched at its nearest existing
 * ancestor. The parent is watched too: the kernel reports a deleted folder's own deletion
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
	 * Watch a folder for one name ({@code null}: every name), replacing the follower's
	 * watch; returns once it is in place, so that a look made afterwards misses nothing.
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

	private void watchParent(Follower follower, Path folder) {
		if (folder.getParent() == null) {
			return;
		}
		try {
			FolderWatch watch = this.events.folders().watchNames(folder.getParent());
			this.inParent.put(follower, add(follower, watch, folder.getFileName().toString(), false));
		}
		catch (PosixException ex) {
			// Watched in itself all the same; a deletion is then seen by the safety net.
		}
	}

	private Interest add(Follower follower, FolderWatch watch, @Nullable String name, boolean inFolder) {
		Folder watched = this.byWatch.computeIfAbsent(watch.id(), (id) -> new Folder());
		Interest interest = new Interest(follower, watched.shared(watch), name, inFolder);
		watched.add(interest);
		return interest;
	}

	/** Whether a follower watches its own folder, not an ancestor on the way to it. */
	boolean watchesOwnFolder(Follower follower) {
		Interest interest = this.byFollower.get(follower);
		return interest != null && interest.inFolder();
	}

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
		// Watch again, but not for an open: a scan of the folder opens it.
		if (again != null) {
			again.forEach(this::unwatch);
			again.forEach(Follower::watchAgain);
		}
	}

	/** Tell the followers of a folder itself, not of a name in it, that it changed. */
	void attributesChanged(int watch) {
		Folder folder = this.byWatch.get(watch);
		if (folder != null) {
			folder.all()
				.stream()
				.filter((interest) -> interest.inFolder() && interest.name() == null)
				.forEach((interest) -> interest.follower().folderAttributesChanged());
		}
	}

	/** Forget a deleted or moved folder; its followers watch again. */
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

	/** Forget every folder whose path names another folder now. */
	void moved() {
		List<Integer> moved = new ArrayList<>();
		this.byWatch.forEach((id, folder) -> {
			// Every path it was watched through, as any may name another folder now.
			if (!folder.all().stream().map(Interest::watch).distinct().allMatch(this.events.folders()::isStillAt)) {
				moved.add(id);
			}
		});
		moved.forEach(this::gone);
	}

	/** Whether a follower's watch still stands for the path it watched. */
	boolean isStillAt(Follower follower) {
		Interest interest = this.byFollower.get(follower);
		return interest != null && this.events.folders().isStillAt(interest.watch());
	}

	interface Follower {

		/** A name that matters changed in the follower's own folder. */
		void fileChanged(String name, FolderChange change);

		/** The folder is gone or moved, or the next folder on the way to it changed. */
		void watchAgain();

		/** The followed folder's own mode, owner or times changed. */
		default void folderAttributesChanged() {
		}

	}

	private record Interest(Follower follower, FolderWatch watch, @Nullable String name, boolean inFolder) {

	}

	private static final class Folder {

		private final Map<String, List<Interest>> named = new HashMap<>();

		private final List<Interest> everyName = new ArrayList<>(1);

		private @Nullable FolderWatch latest;

		// Equal records are shared, so that thousands of peers in one folder keep one.
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
