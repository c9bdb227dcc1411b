package io.github.fifoliveness.peer;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.fifoliveness.posix.NativePosix;
import io.github.fifoliveness.posix.OpenFile;
import io.github.fifoliveness.testsupport.FileDescriptors;
import io.github.fifoliveness.testsupport.Fifos;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The probe leaks no descriptor and answers correctly under concurrency, for every
 * outcome.
 */
class FifoPeerProbeResourceTests {

	@TempDir
	Path dir;

	private final NativePosix posix = NativePosix.get();

	private OpenFile heldReadEnd;

	private ServerSocketChannel socket;

	private Map<Path, String> expected;

	@BeforeEach
	void createOneFileForEveryOutcome() throws Exception {
		Path alive = Fifos.create(this.dir.resolve("alive.fifo"));
		this.heldReadEnd = this.posix.openReadEnd(alive);
		Path socketPath = this.dir.resolve("peer.sock");
		this.socket = ServerSocketChannel.open(StandardProtocolFamily.UNIX)
			.bind(UnixDomainSocketAddress.of(socketPath));
		this.expected = Map.of(alive, "ALIVE", Fifos.create(this.dir.resolve("silent.fifo")), "NO_READER",
				this.dir.resolve("missing.fifo"), "MISSING", Files.writeString(this.dir.resolve("file"), "x"),
				"NOT_A_FIFO", Files.createDirectory(this.dir.resolve("directory")), "NOT_A_FIFO", socketPath,
				"NOT_A_FIFO", this.dir.resolve("file/below-a-file"), "ERROR");
	}

	@AfterEach
	void release() throws Exception {
		this.heldReadEnd.close();
		this.socket.close();
	}

	@Test
	void hundredThousandProbesAcrossAllOutcomesLeaveTheDescriptorCountUnchanged() {
		List<FifoPeerProbe> probes = this.expected.keySet()
			.stream()
			.map((path) -> new FifoPeerProbe(path, this.posix))
			.toList();
		probes.forEach(FifoPeerProbe::probe);
		long before = FileDescriptors.count();
		for (int i = 0; i < 100_000; i++) {
			probes.get(i % probes.size()).probe();
		}
		assertThat(FileDescriptors.count()).isEqualTo(before);
	}

	@Test
	void thirtyTwoThreadsProbingTheSamePeersGetCorrectAnswers() throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(32);
		try {
			List<Callable<List<String>>> tasks = new ArrayList<>();
			for (int t = 0; t < 32; t++) {
				tasks.add(this::probeEveryPathRepeatedly);
			}
			for (Future<List<String>> mistakes : threads.invokeAll(tasks)) {
				assertThat(mistakes.get()).isEmpty();
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	private List<String> probeEveryPathRepeatedly() {
		List<String> mistakes = new ArrayList<>();
		for (int i = 0; i < 500; i++) {
			this.expected.forEach((path, outcome) -> {
				ProbeResult result = new FifoPeerProbe(path, this.posix).probe();
				String actual = result.alive() ? "ALIVE" : result.reason().name();
				if (!actual.equals(outcome)) {
					mistakes.add(path + ": " + actual + " instead of " + outcome);
				}
			});
		}
		return mistakes;
	}

}
