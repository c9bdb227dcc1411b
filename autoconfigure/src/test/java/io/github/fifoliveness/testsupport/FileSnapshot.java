package io.github.fifoliveness.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
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
		Map<String, Object> attributes = Map.copyOf(Files.readAttributes(path, "unix:ino,uid,gid,mode,size,lastModifiedTime",
				LinkOption.NOFOLLOW_LINKS));
		return new FileSnapshot(attributes, content(path));
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
