package io.github.fifoliveness.peer;

/**
 * Why a peer or a peer folder is reported UNKNOWN: neither alive nor DOWN yet. The names
 * are stable: they appear as the {@code reason} detail of the health response and may be
 * matched by scripts and alerts.
 */
public enum UnknownReason {

	/**
	 * Not seen UP since the monitor started, and its start-up grace has not passed yet:
	 * what the probe finds is not DOWN until then, so that a monitor started before its
	 * peers pages no one.
	 */
	NOT_SEEN_YET

}
