package io.github.fifoliveness.posix;

import jnr.constants.platform.Errno;
import jnr.constants.platform.OpenFlags;

/**
 * The open flags and errno values fifo-liveness uses, each named after its constant, for
 * the platform this JVM runs on. On Linux x86_64 and aarch64 they are written out as the
 * kernel's headers define them (errno values are the same on both, {@code O_NOFOLLOW} is
 * not), as are the errno names and texts ({@link LinuxErrno}), since jnr-constants'
 * generated tables cost tens of milliseconds of start-up; elsewhere they come from
 * jnr-constants, which comes with jnr-posix.
 */
record PosixConstants(int oRdonly, int oWronly, int oRdwr, int oCreat, int oExcl, int oNoctty, int oNonblock,
		int oNofollow, int oCloexec, int eperm, int enoent, int esrch, int eintr, int eio, int enxio, int eacces,
		int eexist, int eisdir, int erange, int enametoolong, int ewouldblock, int einval, int emfile) {

	// Linux x86_64: asm-generic/fcntl.h, asm-generic/errno-base.h, asm-generic/errno.h.
	static final PosixConstants LINUX_X86_64 = new PosixConstants(0, 1, 2, 0100, 0200, 0400, 04000, 0400000, 02000000,
			1, 2, 3, 4, 5, 6, 13, 17, 21, 34, 36, 11, 22, 24);

	// Linux aarch64: the same, but arch/arm64/include/uapi/asm/fcntl.h moves O_NOFOLLOW.
	static final PosixConstants LINUX_AARCH64 = new PosixConstants(0, 1, 2, 0100, 0200, 0400, 04000, 0100000, 02000000,
			1, 2, 3, 4, 5, 6, 13, 17, 21, 34, 36, 11, 22, 24);

	private static final PosixConstants CURRENT = load();

	// The combinations and values the calls use, once CURRENT is known.
	static final int READ_END_FLAGS = CURRENT.oRdonly() | CURRENT.oNonblock() | CURRENT.oCloexec()
			| CURRENT.oNofollow();

	// O_NOCTTY: a probe pointed at a terminal must not make it the controlling terminal.
	// O_NOFOLLOW: a link someone planted at the path would lead the probe to a FIFO (or a
	// device) of their choosing.
	static final int WRITE_END_FLAGS = CURRENT.oWronly() | CURRENT.oNonblock() | CURRENT.oCloexec() | CURRENT.oNoctty()
			| CURRENT.oNofollow();

	static final int LOCK_FILE_FLAGS = CURRENT.oRdwr() | CURRENT.oNonblock() | CURRENT.oCloexec() | CURRENT.oNofollow();

	static final int READ_ONLY_FLAGS = CURRENT.oRdonly() | CURRENT.oNonblock() | CURRENT.oCloexec() | CURRENT.oNoctty()
			| CURRENT.oNofollow();

	static final int O_CREAT_EXCL = CURRENT.oCreat() | CURRENT.oExcl();

	static final int EINTR = CURRENT.eintr();

	static final int ENXIO = CURRENT.enxio();

	static final int ENOENT = CURRENT.enoent();

	static final int EISDIR = CURRENT.eisdir();

	static final int EACCES = CURRENT.eacces();

	static final int EPERM = CURRENT.eperm();

	static final int EEXIST = CURRENT.eexist();

	static final int EWOULDBLOCK = CURRENT.ewouldblock();

	static final int ESRCH = CURRENT.esrch();

	static final int EIO = CURRENT.eio();

	static final int ERANGE = CURRENT.erange();

	static final int ENAMETOOLONG = CURRENT.enametoolong();

	static final int EINVAL = CURRENT.einval();

	// Also what inotify_init1 says when the user has max_user_instances already.
	static final int EMFILE = CURRENT.emfile();

	// Where the values and errno names are written out, jnr-constants is never
	// loaded, nor needed on the class path.
	private static final boolean WRITTEN_OUT = LinuxSyscallTable.current().isPresent();

	static PosixConstants current() {
		return CURRENT;
	}

	static String errorName(int errno) {
		return WRITTEN_OUT ? LinuxErrno.name(errno) : Errno.valueOf(errno).name();
	}

	static String errorDescription(int errno) {
		return WRITTEN_OUT ? LinuxErrno.description(errno) : Errno.valueOf(errno).toString();
	}

	// Identity, not equals(): a record's equals() would bootstrap ObjectMethods,
	// tens of milliseconds in a fresh JVM such as a check's.
	private static PosixConstants load() {
		return LinuxSyscallTable.current()
			.map((table) -> (table == LinuxSyscallTable.AARCH64) ? LINUX_AARCH64 : LINUX_X86_64)
			.orElseGet(PosixConstants::fromJnrConstants);
	}

	static PosixConstants fromJnrConstants() {
		return new PosixConstants(OpenFlags.O_RDONLY.intValue(), OpenFlags.O_WRONLY.intValue(),
				OpenFlags.O_RDWR.intValue(), OpenFlags.O_CREAT.intValue(), OpenFlags.O_EXCL.intValue(),
				OpenFlags.O_NOCTTY.intValue(), OpenFlags.O_NONBLOCK.intValue(), OpenFlags.O_NOFOLLOW.intValue(),
				OpenFlags.O_CLOEXEC.intValue(), Errno.EPERM.intValue(), Errno.ENOENT.intValue(), Errno.ESRCH.intValue(),
				Errno.EINTR.intValue(), Errno.EIO.intValue(), Errno.ENXIO.intValue(), Errno.EACCES.intValue(),
				Errno.EEXIST.intValue(), Errno.EISDIR.intValue(), Errno.ERANGE.intValue(),
				Errno.ENAMETOOLONG.intValue(), Errno.EWOULDBLOCK.intValue(), Errno.EINVAL.intValue(),
				Errno.EMFILE.intValue());
	}

}
