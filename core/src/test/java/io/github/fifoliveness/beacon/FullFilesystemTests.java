package io.github.fifoliveness.beacon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.fifoliveness.testsupport.ChildProcesses;
import io.github.fifoliveness.testsupport.Fifos;
import io.github.fifoliveness.testsupport.StartBeacon;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The beacon starting on a full filesystem: a small tmpfs, mounted in a private mount
 * namespace ({@code unshare -m}, so root only) and filled up, where the beacon runs in a
 * child process. Startup fails saying the disk is full, and leaves no lock file behind.
 */
class FullFilesystemTests {

	// Mounts a tmpfs, prepares it, starts the beacon and lists what is left in its
	// folder.
	private static final String SCRIPT = """
			dir=$1; options=$2; folder=$3; fill=$4; shift 4
			mount -t tmpfs -o "$options" tmpfs "$dir" || exit 97
			[ "$folder" = existing ] && mkdir "$dir/app"
			[ "$fill" = filled ] && dd if=/dev/zero of="$dir/filler" bs=4k 2>/dev/null
			"$@"
			echo "left: $(ls -A "$dir/app" 2>/dev/null | tr '\\n' ' ')"
			""";

	@RegisterExtension
	final ChildProcesses children = new ChildProcesses();

	@TempDir
	Path dir;

	@Test
	void noSpaceLeftForTheLockFilesPid() throws Exception {
		assertDiskFullReported(startBeacon("size=64k", "created", "filled"), "its lock file");
	}

	@Test
	void noInodeLeftForTheLockFile() throws Exception {
		assertDiskFullReported(startBeacon("nr_inodes=2", "existing", "empty"), "its lock file");
	}

	@Test
	void noInodeLeftForTheFifo() throws Exception {
		assertDiskFullReported(startBeacon("nr_inodes=3", "existing", "empty"), "the FIFO cannot be created");
	}

	@Test
	void noInodeLeftForTheFolder() throws Exception {
		assertDiskFullReported(startBeacon("nr_inodes=1", "created", "empty"), "its folder cannot be created");
	}

	// Nothing left in the beacon's folder: no lock file, no FIFO.
	private static void assertDiskFullReported(List<String> output, String problem) {
		assertThat(output).contains("left: ")
			.anySatisfy((line) -> assertThat(line).startsWith("problem: " + problem))
			.anySatisfy((line) -> assertThat(line).startsWith("action: The disk is full"));
	}

	private List<String> startBeacon(String options, String folder, String fill) throws Exception {
		assumeTrue(Fifos.isRoot(), "mounting a tmpfs needs root");
		assumeTrue(Files.isExecutable(Path.of("/usr/bin/unshare")), "unshare is not installed");
		Path mountPoint = this.dir;
		List<String> command = new ArrayList<>(List.of("unshare", "-m", "sh", "-c", SCRIPT, "sh", mountPoint.toString(),
				options + ",mode=0700", folder, fill));
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), StartBeacon.class.getName(),
				mountPoint.resolve("app").resolve("app.fifo").toString()));
		Process process = this.children.startPiped(command.toArray(String[]::new));
		List<String> output = read(process);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assumeTrue(process.exitValue() != 97 && !String.join("\n", output).startsWith("unshare:"),
				"a private mount namespace is not permitted here: " + output);
		return output;
	}

	private static List<String> read(Process process) throws IOException {
		return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
	}

}
