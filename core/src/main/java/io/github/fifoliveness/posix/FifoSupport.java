package io.github.fifoliveness.posix;

import java.util.Locale;

/**
 * Whether a platform has FIFOs (named pipes that a file path names), told from its name
 * alone, so that nothing native is loaded to find out.
 */
public final class FifoSupport {

	private FifoSupport() {
	}

	/**
	 * Return whether the operating system of the given name has FIFOs: Linux, macOS and
	 * the BSDs do, Windows does not (its named pipes live in a namespace of their own).
	 * @param osName the operating system's name, as {@code os.name} gives it
	 * @return whether it has FIFOs
	 */
	public static boolean isSupported(String osName) {
		return !osName.toLowerCase(Locale.ROOT).startsWith("windows");
	}

}
