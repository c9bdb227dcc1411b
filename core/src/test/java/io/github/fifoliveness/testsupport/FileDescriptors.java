package io.github.fifoliveness.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads this process's open descriptors from {@code /proc}, as the kernel sees them.
 */
public final class FileDescriptors {

	public static final int O_ACCMODE = 03;

	public static final int O_NONBLOCK = 04000;

	public static final int O_CLOEXEC = 02000000;

	private static final Path FD = Path.of("/proc/self/fd");

	private FileDescriptors() {
	}

	/**
	 * Return how many descriptors this process has open.
	 * @return the count
	 */
	public static long count() {
		try (Stream<Path> fds = Files.list(FD)) {
			return fds.count();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Return this process's soft limit of open descriptors, from
	 * {@code /proc/self/limits}.
	 * @return the limit, {@link Long#MAX_VALUE} when unlimited
	 */
	public static long softLimit() {
		try {
			String line = Files.readAllLines(Path.of("/proc/self/limits"))
				.stream()
				.filter((limit) -> limit.startsWith("Max open files"))
				.findFirst()
				.orElseThrow();
			String soft = line.substring("Max open files".length()).strip().split("\\s+")[0];
			return soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Return how many descriptors this process has open on files under a folder or on
	 * anonymous inodes of the given kinds, leaving out the rest (jars, the JDK's pipes),
	 * which come and go with class loading and child processes.
	 * @param folder the folder
	 * @param anonymousKinds kinds such as {@code [eventpoll]} or {@code inotify}
	 * @return the count
	 */
	public static long countOn(Path folder, String... anonymousKinds) {
		List<String> anonymous = Stream.of(anonymousKinds).map((kind) -> "anon_inode:" + kind).toList();
		try (Stream<Path> fds = Files.list(FD)) {
			return fds.map(FileDescriptors::target)
				.filter((target) -> target != null && (target.startsWith(folder + "/") || anonymous.contains(target)))
				.count();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Return the open flags of the one descriptor this process holds on a path.
	 * @param path the path
	 * @return the flags, as {@code /proc/self/fdinfo} shows them
	 */
	public static int flagsOfDescriptorOpenOn(Path path) throws IOException {
		List<Path> matching;
		try (Stream<Path> fds = Files.list(FD)) {
			matching = fds.filter((fd) -> path.toString().equals(target(fd))).toList();
		}
		if (matching.size() != 1) {
			throw new IllegalStateException("Expected one descriptor on " + path + " but found " + matching.size());
		}
		Path info = Path.of("/proc/self/fdinfo", matching.get(0).getFileName().toString());
		String flags = Files.readAllLines(info)
			.stream()
			.filter((line) -> line.startsWith("flags:"))
			.findFirst()
			.orElseThrow();
		return Integer.parseInt(flags.substring("flags:".length()).strip(), 8);
	}

	private static String target(Path fd) {
		try {
			return Files.readSymbolicLink(fd).toString();
		}
		catch (IOException ex) {
			return null;
		}
	}

}
