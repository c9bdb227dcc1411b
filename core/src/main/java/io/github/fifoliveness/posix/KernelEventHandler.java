package io.github.fifoliveness.posix;

/**
 * Receives what {@link KernelEvents#await(long, KernelEventHandler)} learnt, in the order
 * the kernel reported it, on the thread that awaits.
 */
public interface KernelEventHandler {

	/**
	 * Something registered under a key reported: a held write end lost its last reader
	 * (or errs for another reason, such as its FIFO being replaced), or a watched process
	 * exited. Each registration reports once; look at the path again to learn more.
	 * @param key the key it was registered with
	 */
	void ready(int key);

	/**
	 * A file in a watched folder changed.
	 * @param watch the folder's {@link FolderWatch#id()}
	 * @param name the file's name in the folder
	 * @param change what happened
	 */
	void folderChanged(int watch, String name, FolderChange change);

	/**
	 * A watched folder was deleted, renamed or unmounted: its watch is gone or no longer
	 * watches the folder's path.
	 * @param watch the folder's {@link FolderWatch#id()}
	 */
	void folderGone(int watch);

	/**
	 * The kernel's queue of folder events overflowed and some were dropped: whatever
	 * depends on them must be looked at again.
	 */
	void eventsLost();

	/**
	 * The mount table of this process's mount namespace changed: something was mounted or
	 * unmounted, anywhere. Paths may now name other files and folders, and folder watches
	 * may sit on folders no longer reachable at their paths. Reported once per change, or
	 * once for several changes in quick succession.
	 */
	void mountsChanged();

}
