package io.github.fifoliveness.testsupport;

import io.github.fifoliveness.posix.KernelEvents;
import io.github.fifoliveness.posix.NativePosix;

/**
 * Waits on a {@link KernelEvents} set in a process of its own until it is killed, for
 * tests that change its mount namespace: prints {@code watching} (or why mounts are not
 * followed), then {@code mounts changed <n>} for every report of a mount change.
 */
public final class FollowMountTable {

	private FollowMountTable() {
	}

	public static void main(String[] args) throws Exception {
		try (KernelEvents events = KernelEvents.open(NativePosix.get())) {
			System.out.println(events.whyMountsUnfollowed().orElse("watching"));
			System.out.flush();
			Counter counter = new Counter();
			while (true) {
				events.await(-1, counter);
			}
		}
	}

	private static final class Counter extends IgnoreKernelEvents {

		private int changes;

		@Override
		public void mountsChanged() {
			System.out.println("mounts changed " + (++this.changes));
			System.out.flush();
		}

	}

}
