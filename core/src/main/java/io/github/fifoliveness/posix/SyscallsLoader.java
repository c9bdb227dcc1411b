package io.github.fifoliveness.posix;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import jnr.constants.platform.Errno;
import jnr.ffi.LibraryLoader;
import jnr.posix.POSIXFactory;
import org.jspecify.annotations.Nullable;

/**
 * Chooses and loads the {@link Syscalls} implementation: the one
 * {@value NativePosix#IMPLEMENTATION_PROPERTY} asks for, else the foreign function API
 * where it can run, else jnr (jffi's {@code syscall} where {@link LinuxSyscallTable}
 * knows the platform, jnr-posix, an optional dependency, elsewhere).
 */
final class SyscallsLoader {

	private static final int FIRST_FOREIGN_FEATURE_VERSION = 22;

	private SyscallsLoader() {
	}

	static Syscalls load() {
		String osName = System.getProperty("os.name", "");
		if (!FifoSupport.isSupported(osName)) {
			throw NativePosixUnavailableException.noFifos(osName);
		}
		return loadSyscalls(requestedImplementation());
	}

	/** What can run on this JVM and platform, the preferred one first. */
	static NativeImplementation[] supportedImplementations() {
		return foreignSupported() ? new NativeImplementation[] { NativeImplementation.FFM, NativeImplementation.JNR }
				: new NativeImplementation[] { NativeImplementation.JNR };
	}

	static Syscalls loadSyscalls(@Nullable NativeImplementation requested) {
		return loadSyscalls(requested, LinuxSyscallTable.current(), SyscallsLoader::jnrPosixPresent);
	}

	/** Load {@code requested}, or this JVM's preferred implementation if null. */
	static Syscalls loadSyscalls(@Nullable NativeImplementation requested, Optional<LinuxSyscallTable> table,
			BooleanSupplier jnrPosixPresent) {
		NativeImplementation implementation = (requested != null) ? requested : supportedImplementations()[0];
		if (implementation == NativeImplementation.JNR) {
			if (table.isPresent()) {
				return loadJffi(table.get());
			}
			// Before JnrSyscalls is touched, since it needs jnr-posix, and the values
			// (PosixConstants) jnr-constants, which comes with it. Not a method reference
			// to JnrSyscalls: creating one would load jnr-posix.
			if (!jnrPosixPresent.getAsBoolean()) {
				throw NativePosixUnavailableException.jnrPosixMissing();
			}
			return JnrSyscalls.load();
		}
		if (!foreignSupported()) {
			throw NativePosixUnavailableException.foreignFailed(
					"the foreign function API is used on Java 22 or later on Linux x86_64 and aarch64 only; remove -D"
							+ NativePosix.IMPLEMENTATION_PROPERTY + "=ffm to use jnr",
					null);
		}
		try {
			return ForeignBindings.syscalls(LinuxSyscallTable.current().orElseThrow());
		}
		catch (RuntimeException | LinkageError ex) {
			throw NativePosixUnavailableException.foreignFailed(ex.toString(), ex);
		}
	}

	private static Syscalls loadJffi(LinuxSyscallTable table) {
		try {
			return new TableSyscalls(table, JffiSyscall.load());
		}
		catch (RuntimeException | LinkageError ex) {
			throw NativePosixUnavailableException.jnrFailed("jffi failed to load: " + ex, ex);
		}
	}

	// Class literals resolve when this runs, not when this class loads: one class each of
	// jnr-posix and of the two it brings that are used here, jnr-ffi and jnr-constants.
	private static boolean jnrPosixPresent() {
		try {
			List.of(POSIXFactory.class, LibraryLoader.class, Errno.class);
			return true;
		}
		catch (NoClassDefFoundError ex) {
			return false;
		}
	}

	private static boolean foreignSupported() {
		return Runtime.version().feature() >= FIRST_FOREIGN_FEATURE_VERSION && LinuxSyscallTable.current().isPresent();
	}

	private static @Nullable NativeImplementation requestedImplementation() {
		String requested = System.getProperty(NativePosix.IMPLEMENTATION_PROPERTY, "").trim();
		if (requested.isEmpty()) {
			return null;
		}
		try {
			return NativeImplementation.valueOf(requested.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					"System property '" + NativePosix.IMPLEMENTATION_PROPERTY + "' has the value '" + requested
							+ "'; use 'ffm' or 'jnr', or leave it unset to choose by Java version",
					ex);
		}
	}

}
