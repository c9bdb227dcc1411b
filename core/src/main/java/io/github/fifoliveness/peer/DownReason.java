package io.github.fifoliveness.peer;

/**
 * Why a peer is reported down. The names are stable: they appear as the {@code reason}
 * detail of the health response and may be matched by scripts and alerts.
 */
public enum DownReason {

	/**
	 * The FIFO exists but no process holds its read end: the peer stopped, died, or
	 * reports itself broken (its beacon closes the FIFO while its liveness is BROKEN).
	 */
	NO_READER,

	/** Nothing exists at the peer's path (FIFO or PID file). */
	MISSING,

	/** Something other than a FIFO is at the peer's path. */
	NOT_A_FIFO,

	/**
	 * The peer's file belongs to another user than the expected one: someone else may
	 * have put it there, so it proves nothing.
	 */
	FOREIGN_OWNER,

	/** This process may not open the peer's FIFO. */
	PERMISSION_DENIED,

	/** The probe failed for another reason, named by the error. */
	ERROR,

	/** The PID file names a process that no longer exists. */
	STALE_PID,

	/**
	 * The PID file names a process that started after the file was written: another
	 * process reused the PID.
	 */
	PID_REUSED,

	/** The PID file does not hold a decimal process id. */
	INVALID_PID_FILE

}
