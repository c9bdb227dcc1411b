package io.github.fifoliveness.peer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.fifoliveness.posix.FolderWatch;
import io.github.fifoliveness.posix.KernelEvents;
import io.github.fifoliveness.posix.PosixException;

/**
 * The folders watched for peers that are down: one inotify watch per folder, shared by
 * every peer in it and removed with the last one. A peer whose folder does not exist yet
 * is watched at its nearest existing ancestor, for the creation of the next folder down,
 * and moves down as the folders appear.
 */
final class FolderWatches {

	// Bounds the walk down when folders keep appearing and vanishing under it.
	private static final int MAX_MOVES = 64;

	private final KernelEvents events;

	private final Map<Integer, Folder> folders = new HashMap<>();

	FolderWatches(KernelEvents events) {
		this.events = events;
	}

	/**
	 * Watch the folder of a peer's file, unless it is watched already. Returns once the
	 * watch is in place, so that a probe made afterwards misses nothing.
	 * @param peer the peer
	 * @throws PosixException if neither the folder nor an existing ancestor can be
	 * watched, such as when this user may not read it
	 */
	void watch(WatchedPeer peer) throws PosixException {
		if (peer.interest() != null && peer.interest().inFolder()) {
			return;
		}
		Path file = peer.file();
		for (int move = 0; move < MAX_MOVES; move++) {
			unwatch(peer);
			Path folder = file.getParent();
			String name = file.getFileName().toString();
			FolderWatch watch = null;
			while (watch == null) {
				try {
					watch = this.events.watchFolder(folder);
				}
				catch (PosixException ex) {
					boolean absent = ex.isMissing() || "ENOTDIR".equals(ex.getErrorName());
					if (!absent || folder.getParent() == null) {
						throw ex;
					}
					name = folder.getFileName().toString();
					folder = folder.getParent();
				}
			}
			boolean inFolder = folder.equals(file.getParent());
			add(peer, watch, name, inFolder);
			// The next folder down may have appeared before the watch: then watch it
			// instead.
			if (inFolder || !Files.exists(folder.resolve(name))) {
				return;
			}
		}
	}

	private void add(WatchedPeer peer, FolderWatch watch, String name, boolean inFolder) {
		Folder folder = this.folders.computeIfAbsent(watch.id(), (id) -> new Folder(watch));
		folder.peers.computeIfAbsent(name, (key) -> new ArrayList<>(1)).add(peer);
		folder.interests++;
		peer.interest(new Interest(watch.id(), name, inFolder));
	}

	/**
	 * Stop watching for a peer, removing the folder's watch if no other peer needs it.
	 * @param peer the peer
	 */
	void unwatch(WatchedPeer peer) {
		Interest interest = peer.interest();
		if (interest == null) {
			return;
		}
		peer.interest(null);
		Folder folder = this.folders.get(interest.watch());
		if (folder == null) {
			return;
		}
		List<WatchedPeer> named = folder.peers.get(interest.name());
		if (named != null && named.remove(peer) && named.isEmpty()) {
			folder.peers.remove(interest.name());
		}
		if (--folder.interests == 0) {
			this.folders.remove(interest.watch());
			this.events.unwatch(folder.watch);
		}
	}

	/**
	 * Return the peers interested in a name in a watched folder.
	 * @param watch the folder's watch id
	 * @param name the file's name
	 * @return the peers, empty if none
	 */
	List<WatchedPeer> interested(int watch, String name) {
		Folder folder = this.folders.get(watch);
		List<WatchedPeer> named = (folder != null) ? folder.peers.get(name) : null;
		return (named != null) ? named : List.of();
	}

	/**
	 * Forget a folder that was deleted or moved away, and return the peers that watched
	 * it: they must be watched again, wherever their folder is now.
	 * @param watch the folder's watch id
	 * @return the peers
	 */
	List<WatchedPeer> gone(int watch) {
		Folder folder = this.folders.remove(watch);
		if (folder == null) {
			return List.of();
		}
		// A moved folder keeps its watch: remove it (a deleted one's is gone already).
		this.events.unwatch(folder.watch);
		List<WatchedPeer> peers = new ArrayList<>();
		folder.peers.values().forEach(peers::addAll);
		peers.forEach((peer) -> peer.interest(null));
		return peers;
	}

	/**
	 * Forget every folder whose path names another folder now, after a change of the
	 * mount table, and return the peers that watched them: they must be watched again, at
	 * the folder the path names now.
	 * @return the peers
	 */
	List<WatchedPeer> moved() {
		List<Integer> moved = new ArrayList<>();
		this.folders.forEach((id, folder) -> {
			if (!this.events.isStillAt(folder.watch)) {
				moved.add(id);
			}
		});
		List<WatchedPeer> peers = new ArrayList<>();
		moved.forEach((id) -> peers.addAll(gone(id)));
		return peers;
	}

	/**
	 * Return how many folders are watched.
	 * @return the count
	 */
	int size() {
		return this.folders.size();
	}

	/**
	 * Where a peer's interest is registered.
	 *
	 * @param watch the watch id of the folder
	 * @param name the name in that folder whose changes matter
	 * @param inFolder {@code true} when the folder is the peer's own (the name is its
	 * file), {@code false} for an ancestor (the name is the next folder down)
	 */
	record Interest(int watch, String name, boolean inFolder) {

	}

	private static final class Folder {

		private final FolderWatch watch;

		private final Map<String, List<WatchedPeer>> peers = new HashMap<>();

		private int interests;

		Folder(FolderWatch watch) {
			this.watch = watch;
		}

	}

}
