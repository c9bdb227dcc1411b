package io.github.fifoliveness.testsupport;

import io.github.fifoliveness.posix.FolderChange;
import io.github.fifoliveness.posix.KernelEventHandler;

/**
 * A {@link KernelEventHandler} that ignores everything, for test programs that only wait
 * on the event set or count one kind of event (override it).
 */
public class IgnoreKernelEvents implements KernelEventHandler {

	@Override
	public void ready(int key) {
	}

	@Override
	public void folderChanged(int watch, String name, FolderChange change) {
	}

	@Override
	public void folderGone(int watch) {
	}

	@Override
	public void folderAttributesChanged(int watch) {
	}

	@Override
	public void eventsLost() {
	}

	@Override
	public void mountsChanged() {
	}

}
