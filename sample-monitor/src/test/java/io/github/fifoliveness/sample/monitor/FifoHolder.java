package io.github.fifoliveness.sample.monitor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A shell that holds the read end of a FIFO until it is killed, as a daemon written in
 * any language could.
 */
final class FifoHolder {

	private FifoHolder() {
	}

	/**
	 * Start a process that holds the read end of a FIFO, and return once the kernel shows
	 * it open: the shell opens it some time after it starts. The shell opens it
	 * read-write ({@code <>}), which never blocks on Linux.
	 * @param fifo the FIFO to hold
	 * @return the process, for the caller to kill
	 */
	static Process holdReadEnd(Path fifo) throws IOException {
		Process holder = new ProcessBuilder("sh", "-c", "exec 3<>\"$0\"; exec sleep 600", fifo.toString()).start();
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> !holder.isAlive() || holdsOpen(holder, fifo));
			assertThat(holder.isAlive()).as("the holder of %s runs", fifo).isTrue();
			return holder;
		}
		catch (RuntimeException | Error ex) {
			holder.destroyForcibly();
			throw ex;
		}
	}

	// Whether one of the process's descriptors is open on the path, as /proc/<pid>/fd
	// shows them.
	private static boolean holdsOpen(Process process, Path path) throws IOException {
		Path target = path.toRealPath();
		try (Stream<Path> descriptors = Files.list(Path.of("/proc", Long.toString(process.pid()), "fd"))) {
			return descriptors.anyMatch((descriptor) -> target.equals(linkTarget(descriptor)));
		}
	}

	private static Path linkTarget(Path descriptor) {
		try {
			return Files.readSymbolicLink(descriptor);
		}
		catch (IOException ex) {
			// Closed since it was listed.
			return null;
		}
	}

}
