package io.github.fifoliveness.peer;

/**
 * Why a peer is reported down. The names are stable: they appear as the {@code reason}
 * detail of the health response and may be matched by scripts and alerts.
 */
public enum DownReason {

	/** No process holds the FIFO's read end: the peer stopped, died, or is BROKEN. */
	NO_READER,

	/** Nothing exists at the peer's path (FIFO or PID file). */
	MISSING,

	/** Something other than a FIFO is at the peer's path. */
	NOT_A_FIFO,

	/** The peer's file belongs to an unexpected user, so it proves nothing. */
	FOREIGN_OWNER,

	/** This process may not open the peer's FIFO. */
	PERMISSION_DENIED,

	/** The probe failed for another reason, named by the error. */
	ERROR,

	/** The PID file names a process that no longer exists. */
	STALE_PID,

	/** The PID file names a process started after the file: the PID was reused. */
	PID_REUSED,

	/** The PID file does not hold a decimal process id. */
	INVALID_PID_FILE

}
