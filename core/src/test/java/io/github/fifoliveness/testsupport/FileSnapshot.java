package io.github.fifoliveness.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Everything a user could lose about one file: its inode, owner, mode and content (for a
 * folder, the names in it; for a link, its target). Equal snapshots mean untouched.
 *
 * @param attributes inode, owner, group and mode
 * @param content the content, names or link target
 */
public record FileSnapshot(Map<String, Object> attributes, String content) {

	public static FileSnapshot of(Path path) throws IOException {
		Map<String, Object> attributes = Map.copyOf(
				Files.readAttributes(path, "unix:ino,uid,gid,mode,size,lastModifiedTime", LinkOption.NOFOLLOW_LINKS));
		return new FileSnapshot(attributes, content(path));
	}

	/**
	 * Snapshots of everything in a folder, at any depth, by path relative to the folder;
	 * symbolic links are not followed. The folder itself is left out: its modification
	 * time changes when a file is created in it and removed again.
	 * @param folder the folder
	 * @return the snapshots, equal while nothing in the folder is left created, changed
	 * or removed
	 */
	public static Map<Path, FileSnapshot> ofTree(Path folder) throws IOException {
		Map<Path, FileSnapshot> snapshots = new TreeMap<>();
		try (Stream<Path> paths = Files.walk(folder).skip(1)) {
			for (Path path : (Iterable<Path>) paths::iterator) {
				snapshots.put(folder.relativize(path), of(path));
			}
		}
		return snapshots;
	}

	private static String content(Path path) throws IOException {
		if (Files.isSymbolicLink(path)) {
			return "-> " + Files.readSymbolicLink(path);
		}
		if (Files.isDirectory(path)) {
			try (Stream<Path> names = Files.list(path)) {
				return names.map((name) -> name.getFileName().toString()).sorted().toList().toString();
			}
		}
		if (Files.isRegularFile(path)) {
			return Arrays.toString(Files.readAllBytes(path));
		}
		return "";
	}

}
