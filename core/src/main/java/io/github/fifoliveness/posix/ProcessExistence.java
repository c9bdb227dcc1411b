package io.github.fifoliveness.posix;

/** What {@code kill(pid, 0)} tells about a process id. */
public enum ProcessExistence {

	/** A process with that id exists and this process may signal it. */
	EXISTS,

	/** A process with that id exists but belongs to another user ({@code EPERM}). */
	EXISTS_OTHER_USER,

	/** No process has that id ({@code ESRCH}). */
	NONE

}
