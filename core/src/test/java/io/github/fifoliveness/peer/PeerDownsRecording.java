package io.github.fifoliveness.peer;

/**
 * Counts a down as the watcher and the poller do, for tests outside this package (the
 * Spring module's health indicator and metrics, through the core's test jar).
 */
public final class PeerDownsRecording {

	private PeerDownsRecording() {
	}

	/**
	 * Count a down of a peer.
	 * @param downs the peer's downs
	 * @param reason why it went down
	 */
	public static void record(PeerDowns downs, DownReason reason) {
		downs.record(reason);
	}

}
