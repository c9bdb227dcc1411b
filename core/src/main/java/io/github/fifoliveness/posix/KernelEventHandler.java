package io.github.fifoliveness.posix;

/**
 * Receives what {@link KernelEvents#await(long, KernelEventHandler)} learnt, in the
 * kernel's order, on the awaiting thread.
 */
public interface KernelEventHandler {

	/**
	 * A registration reported {@code key}, once: a held write end lost its last reader or
	 * erred otherwise (its FIFO replaced, say) or a watched process exited; look again.
	 */
	void ready(int key);

	/** A file changed in the folder whose {@link FolderWatch#id()} is {@code watch}. */
	void folderChanged(int watch, String name, FolderChange change);

	/** A watched folder was deleted, renamed or unmounted: its path is unwatched now. */
	void folderGone(int watch);

	/**
	 * A watched folder's own mode, owner or times changed: it may be readable no more, or
	 * again. The watch stands.
	 */
	void folderAttributesChanged(int watch);

	/** The kernel dropped folder events: look again at whatever depends on them. */
	void eventsLost();

	/**
	 * Mounts changed in this mount namespace (one report per burst): paths may now name
	 * other files, and folder watches may sit on folders no longer at their paths.
	 */
	void mountsChanged();

}
