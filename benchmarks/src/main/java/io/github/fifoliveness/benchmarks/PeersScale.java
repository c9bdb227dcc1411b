package io.github.fifoliveness.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import io.github.fifoliveness.posix.NativePosix;
import io.github.fifoliveness.posix.OpenFile;

/**
 * Latency of {@code /actuator/health/peers} as the number of peers grows: the sample
 * monitor configured with N peers, half of them held by live readers (this process), half
 * not; p50 and p99 over repeated requests on a kept-alive connection. Usage:
 * {@code PeersScale <sample-monitor.jar> <requests> <N>...}.
 */
public final class PeersScale {

	private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

	private PeersScale() {
	}

	public static void main(String[] args) throws Exception {
		Path jar = Path.of(args[0]);
		int requests = Integer.parseInt(args[1]);
		System.out.printf("%-6s %10s %10s %18s %10s%n", "peers", "p50", "p99", "p50 per added peer", "response");
		int previousPeers = 0;
		double previousP50 = 0;
		for (String count : Arrays.copyOfRange(args, 2, args.length)) {
			int peers = Integer.parseInt(count);
			double p50 = measure(jar, peers, requests, previousPeers, previousP50);
			previousPeers = peers;
			previousP50 = p50;
		}
	}

	private static double measure(Path jar, int peers, int requests, int previousPeers, double previousP50)
			throws Exception {
		Path dir = Files.createTempDirectory("fifo-liveness-scale");
		NativePosix posix = NativePosix.get();
		List<OpenFile> readers = new ArrayList<>();
		StringBuilder config = new StringBuilder(
				"fifo-liveness.beacon.enabled=false\nmanagement.endpoint.health.show-details=always\n");
		for (int i = 0; i < peers; i++) {
			Path fifo = dir.resolve("peer-" + i + ".fifo");
			posix.createFifo(fifo, 0600);
			if (i % 2 == 0) {
				readers.add(posix.openReadEnd(fifo));
			}
			config.append("fifo-liveness.peers.peer-").append(i).append(".path=").append(fifo).append('\n');
		}
		Path properties = Files.writeString(dir.resolve("scale.properties"), config);
		try (ChildJvm monitor = new ChildJvm(jar,
				List.of("--server.port=0", "--spring.config.location=file:" + properties))) {
			int port = Integer.parseInt(monitor.await(PORT).group(1));
			HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			HttpRequest request = HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/peers"))
				.build();
			String body = check(client.send(request, HttpResponse.BodyHandlers.ofString()), peers);
			for (int i = 0; i < requests; i++) {
				client.send(request, HttpResponse.BodyHandlers.discarding());
			}
			long[] nanos = new long[requests];
			for (int i = 0; i < requests; i++) {
				long start = System.nanoTime();
				client.send(request, HttpResponse.BodyHandlers.ofString());
				nanos[i] = System.nanoTime() - start;
			}
			Arrays.sort(nanos);
			double p50 = nanos[requests / 2] / 1e6;
			double p99 = nanos[(int) Math.ceil(requests * 0.99) - 1] / 1e6;
			String perPeer = (previousPeers > 0)
					? String.format("%.1f µs", (p50 - previousP50) * 1000 / (peers - previousPeers)) : "";
			System.out.printf("%-6d %7.2f ms %7.2f ms %18s %7d kB%n", peers, p50, p99, perPeer, body.length() / 1024);
			return p50;
		}
		finally {
			readers.forEach(OpenFile::close);
			TemporaryFolders.delete(dir);
		}
	}

	// Half UP, half NO_READER, or the measurement means nothing.
	private static String check(HttpResponse<String> response, int peers) {
		String body = response.body();
		int down = body.split("\"NO_READER\"", -1).length - 1;
		if (response.statusCode() != 503 || down != peers / 2) {
			throw new IllegalStateException("Expected 503 with " + peers / 2 + " peers NO_READER, got "
					+ response.statusCode() + " with " + down);
		}
		return body;
	}

}
