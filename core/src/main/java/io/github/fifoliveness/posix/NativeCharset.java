package io.github.fifoliveness.posix;

import java.nio.charset.Charset;

/** The charset the JDK uses for file names ({@code sun.jnu.encoding}). */
final class NativeCharset {

	private static final Charset CHARSET = load();

	private NativeCharset() {
	}

	static Charset get() {
		return CHARSET;
	}

	private static Charset load() {
		String name = System.getProperty("sun.jnu.encoding");
		try {
			return (name != null) ? Charset.forName(name) : Charset.defaultCharset();
		}
		catch (IllegalArgumentException ex) {
			return Charset.defaultCharset();
		}
	}

}
