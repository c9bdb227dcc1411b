package io.github.fifoliveness.posix;

import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Chooses and loads the {@link Syscalls} implementation: the one
 * {@value NativePosix#IMPLEMENTATION_PROPERTY} asks for, else the foreign function API
 * where it can run (Java 22 and later, on a platform {@link LinuxSyscallTable} knows),
 * else jnr: jffi's {@code syscall} where the table is known, jnr-posix elsewhere.
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

	/**
	 * Return the implementations that can run on this JVM and platform, the preferred one
	 * first.
	 * @return the implementations
	 */
	static NativeImplementation[] supportedImplementations() {
		return foreignSupported() ? new NativeImplementation[] { NativeImplementation.FFM, NativeImplementation.JNR }
				: new NativeImplementation[] { NativeImplementation.JNR };
	}

	static Syscalls loadSyscalls(@Nullable NativeImplementation requested) {
		NativeImplementation implementation = (requested != null) ? requested : supportedImplementations()[0];
		if (implementation == NativeImplementation.JNR) {
			// Not a method reference to JnrSyscalls: creating one would load jnr-posix.
			Optional<LinuxSyscallTable> table = LinuxSyscallTable.current();
			return table.isPresent() ? JffiSyscalls.load(table.get()) : JnrSyscalls.load();
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
