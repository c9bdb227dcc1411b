package io.github.fifoliveness.posix;

/**
 * Thrown when this platform offers no native POSIX calls through jnr-posix. FIFOs cannot
 * be created or probed without them, so fifo-liveness refuses to start rather than fall
 * back to jnr-posix's Java emulation.
 */
public class NativePosixUnavailableException extends IllegalStateException {

	NativePosixUnavailableException(String reason, Throwable cause) {
		super("fifo-liveness needs native POSIX calls (mkfifo, open, fstat) through jnr-posix, but none are available on "
				+ System.getProperty("os.name") + " " + System.getProperty("os.arch") + ": " + reason, cause);
	}

}
