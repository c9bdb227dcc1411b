package io.github.fifoliveness.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Removes a benchmark's temporary folder with everything in it, as far as it can: killed
 * children leave their FIFOs, lock files and Tomcat's folders behind, as SIGKILL does.
 */
final class TemporaryFolders {

	private TemporaryFolders() {
	}

	static void delete(Path folder) throws IOException {
		try (Stream<Path> files = Files.walk(folder)) {
			files.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
	}

}
