package io.github.fifoliveness.posix;

import java.util.Locale;

/** Whether a platform has FIFOs, told from its name so that nothing native is loaded. */
public final class FifoSupport {

	private FifoSupport() {
	}

	/**
	 * Return whether the operating system that {@code os.name} names has FIFOs; Windows
	 * does not: its named pipes live in a namespace of their own.
	 */
	public static boolean isSupported(String osName) {
		return !osName.toLowerCase(Locale.ROOT).startsWith("windows");
	}

}
