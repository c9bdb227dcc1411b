package io.github.fifoliveness.posix;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when fifo-liveness cannot make native calls on this JVM; {@link #getReason()}
 * says why. FIFOs cannot be created or probed without native calls, so fifo-liveness
 * refuses to start rather than fall back to jnr-posix's Java emulation.
 */
public class NativePosixUnavailableException extends IllegalStateException {

	/**
	 * The Maven coordinates of the jnr-posix fifo-liveness is built and tested with: an
	 * optional dependency, which an application adds on macOS, the BSDs, and Linux on
	 * other architectures than x86_64 and aarch64.
	 */
	public static final String JNR_POSIX = "com.github.jnr:jnr-posix:3.2.2";

	private final Reason reason;

	NativePosixUnavailableException(NativeImplementation implementation, Reason reason, String detail,
			@Nullable Throwable cause) {
		this(reason,
				"fifo-liveness needs native calls (mkfifo, open, fstat) but cannot make them through "
						+ implementation.description() + " on Java " + Runtime.version().feature() + ", "
						+ System.getProperty("os.name") + " " + System.getProperty("os.arch") + ": " + detail,
				cause);
	}

	private NativePosixUnavailableException(Reason reason, String message, @Nullable Throwable cause) {
		super(message, cause);
		this.reason = reason;
	}

	/**
	 * Create the exception for a platform without FIFOs, before anything native loads.
	 */
	public static NativePosixUnavailableException noFifos(String osName) {
		return new NativePosixUnavailableException(Reason.NO_FIFOS,
				"fifo-liveness needs FIFOs (named pipes that a file path names), and " + osName + " has none", null);
	}

	static NativePosixUnavailableException jnrFailed(String detail, @Nullable Throwable cause) {
		return new NativePosixUnavailableException(NativeImplementation.JNR,
				isStubNotLoadable(cause) ? Reason.NATIVE_STUB_NOT_LOADABLE : Reason.PLATFORM_NOT_SUPPORTED, detail,
				cause);
	}

	static NativePosixUnavailableException jnrPosixMissing() {
		return new NativePosixUnavailableException(NativeImplementation.JNR, Reason.JNR_POSIX_MISSING,
				"jnr-posix is not on the class path, and this platform needs it (only Linux x86_64 and aarch64 do"
						+ " without): add " + JNR_POSIX + " to the application's dependencies",
				null);
	}

	static NativePosixUnavailableException foreignFailed(String detail, @Nullable Throwable cause) {
		return new NativePosixUnavailableException(NativeImplementation.FFM,
				isNativeAccessDenied(cause) ? Reason.NATIVE_ACCESS_DENIED : Reason.PLATFORM_NOT_SUPPORTED, detail,
				cause);
	}

	/** Return why native calls are unavailable. */
	public Reason getReason() {
		return this.reason;
	}

	// jffi extracts a native stub to java.io.tmpdir (then the working directory) and
	// loads it from there.
	private static boolean isStubNotLoadable(@Nullable Throwable failure) {
		for (Throwable ex = failure; ex != null; ex = ex.getCause()) {
			String message = String.valueOf(ex.getMessage());
			if (message.contains("jffi binary stub") || message.contains("could not load FFI provider")
					|| message.contains("failed to map segment")) {
				return true;
			}
		}
		return false;
	}

	private static boolean isNativeAccessDenied(@Nullable Throwable failure) {
		for (Throwable ex = failure; ex != null; ex = ex.getCause()) {
			if (ex instanceof IllegalCallerException) {
				return true;
			}
		}
		return false;
	}

	/** Why native calls are unavailable. */
	public enum Reason {

		/** No native implementation for this operating system and architecture. */
		PLATFORM_NOT_SUPPORTED,

		/** The operating system has no FIFOs: Windows. */
		NO_FIFOS,

		/** jnr-posix is needed but not on the class path: add {@link #JNR_POSIX}. */
		JNR_POSIX_MISSING,

		/**
		 * jffi's native stub could not be written or loaded: its extraction folder is
		 * mounted {@code noexec} or read-only.
		 */
		NATIVE_STUB_NOT_LOADABLE,

		/** The JVM refuses native access ({@code --illegal-native-access=deny}). */
		NATIVE_ACCESS_DENIED

	}

}
