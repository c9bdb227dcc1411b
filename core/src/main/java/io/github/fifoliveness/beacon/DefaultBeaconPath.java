package io.github.fifoliveness.beacon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.function.IntSupplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import io.github.fifoliveness.posix.NativePosix;
import org.jspecify.annotations.Nullable;

/**
 * Where an application's liveness FIFO goes when no path is configured:
 * {@code $XDG_RUNTIME_DIR/<app>/<app>.fifo}, or, without a runtime folder of this user's,
 * {@code <java.io.tmpdir>/fifo-liveness-<user>/<app>/<app>.fifo}. Both are owner-only, so
 * that other users can neither hold the read end nor replace the FIFO.
 */
public final class DefaultBeaconPath {

	/** The application name used when {@code spring.application.name} is not set. */
	public static final String FALLBACK_APPLICATION_NAME = "application";

	private static final int MAX_NAME = 200;

	private static final Pattern PLAIN_USER_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");

	private DefaultBeaconPath() {
	}

	/**
	 * Return the absolute default path of an application's FIFO, whose name may be null.
	 */
	public static Path forApplication(@Nullable String applicationName) {
		return forApplication(applicationName, NativePosix.get());
	}

	/** As {@link #forApplication(String)}, asking the native layer for the user. */
	public static Path forApplication(@Nullable String applicationName, NativePosix posix) {
		return forApplication(applicationName, System::getenv, System::getProperty, posix::effectiveUid);
	}

	static Path forApplication(@Nullable String applicationName, UnaryOperator<@Nullable String> environment,
			UnaryOperator<@Nullable String> systemProperties, IntSupplier uid) {
		String app = safeName(applicationName, FALLBACK_APPLICATION_NAME);
		String runtimeDir = environment.apply("XDG_RUNTIME_DIR");
		if (runtimeDir != null && isOwnRuntimeFolder(runtimeDir, uid.getAsInt())) {
			return Path.of(runtimeDir, app, app + ".fifo");
		}
		// user.name is "?" for a uid without a passwd entry; the uid keeps users apart.
		String userName = systemProperties.apply("user.name");
		String user = (userName != null && PLAIN_USER_NAME.matcher(userName).matches()) ? userName
				: String.valueOf(uid.getAsInt());
		return Path.of(systemProperties.apply("java.io.tmpdir"), "fifo-liveness-" + user, app, app + ".fifo")
			.toAbsolutePath();
	}

	// One that does not exist is not created: the login manager makes it, and only it.
	// Another user's (kept by 'su' without '-') is not this process's to use.
	private static boolean isOwnRuntimeFolder(String value, int uid) {
		try {
			Path folder = Path.of(value);
			return folder.isAbsolute() && Files.isDirectory(folder)
					&& Integer.valueOf(uid).equals(Files.getAttribute(folder, "unix:uid"));
		}
		catch (IOException | InvalidPathException | UnsupportedOperationException ex) {
			return false;
		}
	}

	// A name becomes one path segment: nothing that could climb or split the path.
	private static String safeName(@Nullable String name, String fallback) {
		if (name == null || name.isBlank()) {
			return fallback;
		}
		String safe = name.strip().replaceAll("[^A-Za-z0-9._-]", "_");
		// "<app>.fifo.lock" must fit NAME_MAX (255 bytes, all ASCII here).
		safe = safe.substring(0, Math.min(safe.length(), MAX_NAME));
		return (safe.equals(".") || safe.equals("..")) ? fallback : safe;
	}

}
