package io.github.fifoliveness.peer;

import java.nio.charset.Charset;
import java.nio.file.FileSystems;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Duration;
import java.util.regex.PatternSyntaxException;

import io.github.fifoliveness.posix.NativePosix;
import org.jspecify.annotations.Nullable;

/**
 * A folder of FIFOs whose members come and go by themselves: every FIFO of the expected
 * owner whose name matches a glob is a member, named by its file name without the
 * extension, and the folder is up while at least a number of its members are.
 */
public final class PeerFolder {

	/** The glob a member's file name matches unless told otherwise. */
	public static final String DEFAULT_PATTERN = "*.fifo";

	/** How many members a folder takes unless told otherwise. */
	public static final int DEFAULT_MAX_MEMBERS = 1000;

	private final String name;

	private final Path path;

	private final String pattern;

	private final PathMatcher matcher;

	private final @Nullable String extension;

	private final int minUp;

	private final @Nullable ExpectedOwner owner;

	private final int maxMembers;

	private final Duration downAfter;

	private final Duration startupGrace;

	/** As the eight-argument constructor, with no start-up grace. */
	public PeerFolder(String name, Path path, String pattern, int minUp, @Nullable ExpectedOwner owner, int maxMembers,
			Duration downAfter) {
		this(name, path, pattern, minUp, owner, maxMembers, downAfter, Duration.ZERO);
	}

	/**
	 * Create a peer folder.
	 * @param path the folder's absolute path
	 * @param pattern a glob on file names, without '/'
	 * @param minUp how many members must be up for the folder to be up, at least 1
	 * @param owner who must own the members' FIFOs, {@code null} for the folder's owner
	 * @param maxMembers how many members to take at most, at least {@code minUp}
	 * @param downAfter how long a member that was up must stay down before its DOWN is
	 * published, and a quorum that was held lost by members leaving before its loss is
	 * published
	 * @param startupGrace how long after the monitor started a member not seen UP yet,
	 * and the quorum not held yet, are not DOWN; zero for none
	 * @throws IllegalArgumentException if the name breaks {@link Peers#name}'s rule, a
	 * value is out of range or the pattern is not a glob on file names
	 */
	public PeerFolder(String name, Path path, String pattern, int minUp, @Nullable ExpectedOwner owner, int maxMembers,
			Duration downAfter, Duration startupGrace) {
		if (!path.isAbsolute()) {
			throw new IllegalArgumentException("The folder's path must be absolute: " + path);
		}
		this.name = Peers.name(name);
		this.path = path.normalize();
		this.pattern = pattern;
		this.matcher = matcher(pattern);
		this.extension = fixedExtension(pattern);
		this.minUp = minUp(minUp);
		this.maxMembers = maxMembers(maxMembers, minUp);
		this.downAfter = GracePeriods.downAfter(downAfter);
		this.startupGrace = GracePeriods.startupGrace(startupGrace);
		this.owner = owner;
	}

	/**
	 * Return a matcher of file names for a glob.
	 * @throws IllegalArgumentException if the glob has a '/' or is not a glob
	 */
	public static PathMatcher matcher(String pattern) {
		if (pattern.isEmpty() || pattern.indexOf('/') >= 0) {
			throw new IllegalArgumentException("A pattern matches file names in the folder, so it cannot be empty or"
					+ " hold '/': give a glob on file names, such as '*.fifo' or 'worker-*.fifo'.");
		}
		Charset names = NativePosix.fileNameCharset();
		if (!names.newEncoder().canEncode(pattern)) {
			throw new IllegalArgumentException(
					"The JVM encodes file names in " + names + ", as its locale says, so no file name matches '"
							+ pattern + "': start it with a UTF-8 locale (LANG=C.UTF-8).");
		}
		try {
			return FileSystems.getDefault().getPathMatcher("glob:" + pattern);
		}
		catch (PatternSyntaxException ex) {
			throw new IllegalArgumentException("Not a glob (" + ex.getDescription()
					+ "): give a glob on file names without '/', such as '*.fifo' or 'worker-*.fifo'.");
		}
	}

	/**
	 * Return how many members must be up for the folder to be up.
	 * @throws IllegalArgumentException if it is less than 1
	 */
	public static int minUp(int minUp) {
		if (minUp < 1) {
			throw new IllegalArgumentException(
					"At least one member must be up for the group to be UP: give 1 or more.");
		}
		return minUp;
	}

	/**
	 * Return how many members a folder takes at most.
	 * @throws IllegalArgumentException if the folder could never be up with that many
	 */
	public static int maxMembers(int maxMembers, int minUp) {
		if (maxMembers < Math.max(minUp, 1)) {
			throw new IllegalArgumentException("The group could never be UP with fewer members followed than 'min-up' ("
					+ minUp + ") asks to be up: give 'max-members' at least that many.");
		}
		return maxMembers;
	}

	/**
	 * Return the name of the member a file stands for: its name without the pattern's
	 * fixed extension ({@code .fifo} for {@code *.fifo}), else its whole name, so that
	 * two files never stand for one member.
	 */
	public String memberName(String fileName) {
		boolean strip = this.extension != null && fileName.endsWith(this.extension)
				&& fileName.length() > this.extension.length();
		return strip ? fileName.substring(0, fileName.length() - this.extension.length()) : fileName;
	}

	// The pattern's last dot onwards, where something precedes it and none is a glob's.
	private static @Nullable String fixedExtension(String pattern) {
		int dot = pattern.lastIndexOf('.');
		String extension = pattern.substring(Math.max(0, dot));
		boolean fixed = dot > 0 && extension.length() > 1
				&& extension.chars().noneMatch((c) -> "*?[]{}\\".indexOf(c) >= 0);
		return fixed ? extension : null;
	}

	/** Whether a file name matches the folder's pattern. */
	public boolean matches(String fileName) {
		// ".fifo" matches "*.fifo" but would share its member name with ".fifo.fifo".
		if (fileName.equals(this.extension)) {
			return false;
		}
		try {
			return this.matcher.matches(Path.of(fileName));
		}
		catch (InvalidPathException ex) {
			// A name the JVM's encoding of file names cannot hold, matched as far as
			// it was decoded: never a member, but said to be why.
			return matchesDecodedPart(fileName);
		}
	}

	private boolean matchesDecodedPart(String fileName) {
		try {
			return this.matcher.matches(Path.of(fileName.replace('\uFFFD', '?')));
		}
		catch (InvalidPathException ex) {
			return false;
		}
	}

	public String name() {
		return this.name;
	}

	public Path path() {
		return this.path;
	}

	public String pattern() {
		return this.pattern;
	}

	public int minUp() {
		return this.minUp;
	}

	/** Return who must own the members' FIFOs, {@code null} for the folder's owner. */
	public @Nullable ExpectedOwner owner() {
		return this.owner;
	}

	public int maxMembers() {
		return this.maxMembers;
	}

	public Duration downAfter() {
		return this.downAfter;
	}

	/** Return the start-up grace, zero for none. */
	public Duration startupGrace() {
		return this.startupGrace;
	}

}
