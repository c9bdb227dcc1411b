package io.github.fifoliveness.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.fifoliveness.peer.PeerFolder;
import io.github.fifoliveness.peer.PeerFolderReport;
import io.github.fifoliveness.peer.PeerProbe;
import io.github.fifoliveness.peer.PeerWatcher;
import io.github.fifoliveness.peer.Peers;
import io.github.fifoliveness.peer.PidFilePeerProbe;
import io.github.fifoliveness.peer.WatchSettings;
import io.github.fifoliveness.posix.NativePosix;

/**
 * Watches the peer folder at the given path in a process of its own until it is killed,
 * for tests that need other limits: prints {@code <kind> <member>} for every change of a
 * member, and {@code REPORT <present> <members> polled <n>} for every line read on
 * standard input, as a health request sees the folder. Any further arguments are PID
 * files, watched as peers. Polling is every second and the safety net off.
 */
public final class FollowPeerFolder {

	private FollowPeerFolder() {
	}

	public static void main(String[] args) throws IOException, InterruptedException {
		Duration safetyNet = Duration.ZERO;
		if (args[0].startsWith("--safety-net=")) {
			safetyNet = Duration.parse(args[0].substring("--safety-net=".length()));
			args = Arrays.copyOfRange(args, 1, args.length);
		}
		PeerFolder folder = new PeerFolder("workers", Path.of(args[0]), PeerFolder.DEFAULT_PATTERN, 1, null, 10_000,
				Duration.ZERO);
		Map<String, PeerProbe> pidFiles = new LinkedHashMap<>();
		for (int i = 1; i < args.length; i++) {
			pidFiles.put("peer-" + i, new PidFilePeerProbe(Path.of(args[i]), NativePosix.get()));
		}
		PeerWatcher watcher = new PeerWatcher(new Peers(pidFiles), List.of(folder),
				new WatchSettings(true, Duration.ofSeconds(1), safetyNet), (change) -> {
				}, (change) -> {
					if (change.member() != null) {
						System.out.println(change.kind() + " " + change.member());
						System.out.flush();
					}
				}, NativePosix.get());
		watcher.start();
		BufferedReader requests = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		while (requests.readLine() != null) {
			PeerFolderReport report = watcher.report("workers");
			System.out.println("REPORT " + report.present() + " " + report.members().keySet() + " polled "
					+ watcher.polledMembers("workers"));
			System.out.flush();
		}
		Thread.sleep(Duration.ofMinutes(10).toMillis());
	}

}
