package io.github.fifoliveness.peer;

/**
 * The configured peers, or one peer folder, as {@link WatchLoop} serves them on its
 * thread: the group says what to hold and watch, the loop owns the event set and timers.
 */
interface WatchGroup {

	void start(WatchLoop loop);

	boolean isPolled();

	void poll(WatchLoop loop);

	// Look again at this tick's share, each part once every slices ticks.
	void safetyNet(WatchLoop loop, int slices);

	// Events were lost or mounts changed: look at everything not held at the next settle.
	void lookAgain(WatchLoop loop);

	// Nanoseconds until this group has work without an event; Long.MAX_VALUE for never.
	long due(long now);

	// Look at everything noted since the last call, and publish what came due.
	void settle(WatchLoop loop);

	void release(WatchLoop loop);

	int size();

	String describe();

}
