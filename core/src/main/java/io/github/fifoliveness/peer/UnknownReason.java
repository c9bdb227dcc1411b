package io.github.fifoliveness.peer;

/**
 * Why a peer or a peer folder is reported UNKNOWN: neither alive nor DOWN yet. The names
 * are stable, as scripts and alerts may match the health response's {@code reason}.
 */
public enum UnknownReason {

	/**
	 * Not seen UP since the monitor started, and its start-up grace has not passed yet.
	 */
	NOT_SEEN_YET

}
