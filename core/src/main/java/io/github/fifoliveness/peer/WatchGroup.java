package io.github.fifoliveness.peer;

/**
 * What {@link WatchLoop} serves: the configured peers, or one peer folder. The loop owns
 * the event set, the folder watches, the held descriptors and the timers; a group says
 * what to hold and watch, and publishes what it learns. Everything runs on the loop's
 * thread.
 */
interface WatchGroup {

	/**
	 * Take the first look: probe, hold and watch what is alive and what is not, and
	 * publish it.
	 * @param loop the loop
	 */
	void start(WatchLoop loop);

	/**
	 * Whether anything of this group waits for the poll interval.
	 * @return {@code true} if {@link #poll(WatchLoop)} has work
	 */
	boolean isPolled();

	/**
	 * Probe what is polled instead of watched.
	 * @param loop the loop
	 */
	void poll(WatchLoop loop);

	/**
	 * Look again at this tick's share of the group, as if an event had come: each part of
	 * the group once every {@code slices} ticks.
	 * @param loop the loop
	 * @param slices how many ticks make one safety-net interval
	 */
	void safetyNet(WatchLoop loop, int slices);

	/**
	 * Note that events were lost or the mount table changed: everything not held must be
	 * looked at again at the next {@link #settle(WatchLoop)}.
	 * @param loop the loop
	 */
	void lookAgain(WatchLoop loop);

	/**
	 * Return how long until this group has work without an event.
	 * @param now {@link System#nanoTime()}
	 * @return nanoseconds, zero for now, {@link Long#MAX_VALUE} for never
	 */
	long due(long now);

	/**
	 * Look at everything noted since the last call, and publish what came due.
	 * @param loop the loop
	 */
	void settle(WatchLoop loop);

	/**
	 * Release everything held and watched.
	 * @param loop the loop
	 */
	void release(WatchLoop loop);

	/**
	 * Return the number of parts the safety net looks at: peers, or one for a folder.
	 * @return the count
	 */
	int size();

	/**
	 * Return what this group is, for a log line.
	 * @return such as "peer folder 'workers'"
	 */
	String describe();

}
