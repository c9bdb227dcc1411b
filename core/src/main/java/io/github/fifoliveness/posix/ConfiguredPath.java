package io.github.fifoliveness.posix;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * A configured path's rules: absolute, within limits, no {@code .} or {@code ..}, and a
 * file's without a '/' at the end.
 */
public final class ConfiguredPath {

	// Linux's; macOS and the BSDs have a PATH_MAX of 1024, and say so at open.
	private static final int PATH_MAX = 4096;

	private static final int NAME_MAX = 255;

	/** Why a value that ends in '/' names no file. */
	public static final String ENDS_IN_SLASH = "ends in '/', which names a folder, not a file";

	private ConfiguredPath() {
	}

	/**
	 * Say why a value is no path, and what to do where the locale is why: the JVM encodes
	 * file names as its locale says, ASCII under {@code LANG=C}.
	 */
	public static String whyInvalid(InvalidPathException ex) {
		Charset names = NativePosix.fileNameCharset();
		String input = ex.getInput();
		if (input.indexOf('\uFFFD') < 0 && names.newEncoder().canEncode(input)) {
			return ex.getReason();
		}
		return ex.getReason() + "; the JVM encodes file names in " + names + ", as its locale says: "
				+ (names.equals(StandardCharsets.UTF_8) ? "give the path in UTF-8"
						: "start it with a UTF-8 locale (LANG=C.UTF-8)");
	}

	/**
	 * Return the path a value names, as {@link Path#of} does, refusing a value the JVM
	 * decoded with a replacement character: it would name another file.
	 * @throws InvalidPathException for a value that names no path
	 */
	public static Path parse(String value) {
		if (value.indexOf('\uFFFD') >= 0) {
			throw new InvalidPathException(value,
					"Holds '\uFFFD' where the bytes given were not valid in the JVM's encoding of file names");
		}
		return Path.of(value);
	}

	/**
	 * Return the absolute path a configured value names.
	 * @throws IllegalArgumentException saying what is wrong with the value
	 */
	public static Path of(@Nullable String value) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("A path is required.");
		}
		Path path;
		try {
			path = parse(value);
		}
		catch (InvalidPathException ex) {
			throw new IllegalArgumentException("Not a valid path (" + whyInvalid(ex) + ").");
		}
		int bytes = bytes(value);
		if (bytes >= PATH_MAX) {
			throw new IllegalArgumentException(
					"The path is " + bytes + " bytes long; the system allows less than " + PATH_MAX + " (PATH_MAX).");
		}
		if (!path.isAbsolute()) {
			throw new IllegalArgumentException(
					"The path must be absolute, so that every process finds the same file." + unexpanded(value));
		}
		for (Path name : path) {
			if (bytes(name.toString()) > NAME_MAX) {
				throw new IllegalArgumentException(
						"A name in the path is longer than " + NAME_MAX + " bytes (NAME_MAX).");
			}
			// Past a symbolic link, ".." leads elsewhere than it seems; and folders are
			// created along a beacon's path: "a/../b" would leave a stray "a" behind.
			if (name.toString().equals(".") || name.toString().equals("..")) {
				throw new IllegalArgumentException("The path has a '" + name
						+ "' segment; write it without '.' and '..', so that it names the place it seems to.");
			}
		}
		if (path.getFileName() == null) {
			throw new IllegalArgumentException("The path is the root folder, '/': name one below it.");
		}
		return path;
	}

	/**
	 * Like {@link #of(String)}, for a file (a FIFO, a PID file): the kernel resolves a
	 * value that ends in '/' as a folder, where {@link Path} drops the '/'.
	 * @throws IllegalArgumentException saying what is wrong with the value
	 */
	public static Path file(@Nullable String value) {
		Path path = of(value);
		if (endsInSlash(value)) {
			throw new IllegalArgumentException("The path " + ENDS_IN_SLASH + ": write it without the '/' at the end.");
		}
		return path;
	}

	/**
	 * Whether a value ends in '/', which names a folder, never a FIFO or a file.
	 */
	public static boolean endsInSlash(@Nullable String value) {
		return value != null && value.length() > 1 && value.endsWith("/");
	}

	/**
	 * Like {@link #file(String)}, for a path beside which a file of its name and
	 * {@code suffix} must fit too, such as a beacon's lock file ({@code .lock}).
	 * @param sibling what the file beside it is, such as {@code lock file}
	 */
	public static Path withSibling(@Nullable String value, String suffix, String sibling) {
		Path path = file(value);
		int nameBytes = bytes(path.getFileName().toString());
		if (nameBytes + suffix.length() > NAME_MAX) {
			throw new IllegalArgumentException(
					"The file name is " + nameBytes + " bytes long, which leaves no room for the " + sibling
							+ " '<name>" + suffix + "' beside it (NAME_MAX is " + NAME_MAX
							+ " bytes): use a name of at most " + (NAME_MAX - suffix.length()) + " bytes.");
		}
		int pathBytes = bytes(value);
		if (pathBytes + suffix.length() >= PATH_MAX) {
			throw new IllegalArgumentException(
					"The path is " + pathBytes + " bytes long, which leaves no room for the " + sibling + " '<path>"
							+ suffix + "' within the system's limit of less than " + PATH_MAX + " bytes (PATH_MAX).");
		}
		return path;
	}

	// What a shell would have expanded, or a placeholder that nothing resolved.
	private static String unexpanded(String value) {
		if (value.startsWith("${")) {
			return " It begins with a placeholder that was not resolved: is its variable set?";
		}
		return (value.startsWith("~") || value.startsWith("$")) ? " '~' and '$HOME' are not expanded in it." : "";
	}

	private static int bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8).length;
	}

}
