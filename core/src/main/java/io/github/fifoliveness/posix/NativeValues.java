package io.github.fifoliveness.posix;

/**
 * The open flags and errno values, read on first use rather than when this class is
 * loaded: by then the calls are loaded, so where the values come from jnr-constants,
 * jnr-posix (which brings it) is known to be on the class path.
 */
final class NativeValues {

	private static final PosixConstants CONSTANTS = PosixConstants.current();

	static final int READ_END_FLAGS = CONSTANTS.oRdonly() | CONSTANTS.oNonblock() | CONSTANTS.oCloexec()
			| CONSTANTS.oNofollow();

	// O_NOCTTY: a probe pointed at a terminal must not make it the controlling terminal.
	// O_NOFOLLOW: a link someone planted at the path would lead the probe to a FIFO (or a
	// device) of their choosing.
	static final int WRITE_END_FLAGS = CONSTANTS.oWronly() | CONSTANTS.oNonblock() | CONSTANTS.oCloexec()
			| CONSTANTS.oNoctty() | CONSTANTS.oNofollow();

	static final int LOCK_FILE_FLAGS = CONSTANTS.oRdwr() | CONSTANTS.oNonblock() | CONSTANTS.oCloexec()
			| CONSTANTS.oNofollow();

	static final int READ_ONLY_FLAGS = CONSTANTS.oRdonly() | CONSTANTS.oNonblock() | CONSTANTS.oCloexec()
			| CONSTANTS.oNoctty() | CONSTANTS.oNofollow();

	static final int O_CREAT_EXCL = CONSTANTS.oCreat() | CONSTANTS.oExcl();

	static final int EINTR = CONSTANTS.eintr();

	static final int ENXIO = CONSTANTS.enxio();

	static final int ENOENT = CONSTANTS.enoent();

	static final int EISDIR = CONSTANTS.eisdir();

	static final int EACCES = CONSTANTS.eacces();

	static final int EPERM = CONSTANTS.eperm();

	static final int EEXIST = CONSTANTS.eexist();

	static final int EWOULDBLOCK = CONSTANTS.ewouldblock();

	static final int ESRCH = CONSTANTS.esrch();

	static final int EIO = CONSTANTS.eio();

	private NativeValues() {
	}

}
