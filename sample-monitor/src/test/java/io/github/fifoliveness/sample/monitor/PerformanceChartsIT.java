package io.github.fifoliveness.sample.monitor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.fifoliveness.sample.monitor.Commands.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The benchmarks' charts: {@code scripts/lib/charts.py} draws them from the tables of
 * docs/performance.md, as the page says it does, and from the output of a benchmark
 * script, with the python3 the benchmarks use: the first on the {@code PATH} that has
 * matplotlib, else Debian's. Skips itself where neither has it.
 */
class PerformanceChartsIT {

	private static final String EVENTS_OUTPUT = """
			Machine: Test CPU, 2 cores, Linux 6.1; openjdk version "25.0.3" 2026-04-21 LTS

			== 1. Sample daemon -> PeerStatusChangedEvent, watcher (3 rounds after 1 to warm up)
			event                n        p50        p90        p99        max
			open -> UP           3    0.50 ms    0.90 ms    1.20 ms    1.20 ms
			SIGKILL -> DOWN      3   15.00 ms   18.00 ms   19.00 ms   19.00 ms

			== 1b. The same with polling every 1 s (3 rounds after 1 to warm up)
			event                n        p50        p90        p99        max
			open -> UP           3  400.00 ms  800.00 ms  900.00 ms  900.00 ms
			SIGKILL -> DOWN      3  500.00 ms  900.00 ms  990.00 ms  990.00 ms

			== 2. Idle monitor with 1000, 3000 peers, half alive, minus 2 peers (10 s window after 2 s at rest)
			mode      peers            CPU  % of a core   descriptors         heap       kernel
			watch         2        10.0 ms      0.1000%             9       3.7 MB       0.0 kB
			watch      1000        12.0 ms      0.1200%           509       4.7 MB     150.0 kB
			watch      diff         2.0 ms      0.0200%     1.00/live  1000 B/peer   300 B/live
			mode      peers            CPU  % of a core   descriptors         heap       kernel
			poll          2        11.0 ms      0.1100%             5       3.5 MB       0.0 kB
			poll       1000        40.0 ms      0.4000%             5       4.4 MB       0.0 kB
			poll       diff        29.0 ms      0.2900%     0.00/live   900 B/peer     0 B/live
			mode      peers            CPU  % of a core   descriptors         heap       kernel
			watch         2        10.0 ms      0.1000%             9       3.7 MB       0.0 kB
			watch      3000        15.0 ms      0.1500%          1509       6.7 MB     450.0 kB
			watch      diff         5.0 ms      0.0500%     1.00/live  1000 B/peer   300 B/live
			mode      peers            CPU  % of a core   descriptors         heap       kernel
			poll          2        11.0 ms      0.1100%             5       3.5 MB       0.0 kB
			poll       3000       100.0 ms      1.0000%             5       6.4 MB       0.0 kB
			poll       diff        89.0 ms      0.8900%     0.00/live   900 B/peer     0 B/live
			""";

	private static String python;

	@TempDir
	Path charts;

	@BeforeAll
	static void matplotlib() {
		for (String candidate : List.of("python3", "/usr/bin/python3")) {
			if (python == null && Commands.installed(candidate)
					&& Commands.run(Duration.ofSeconds(60), Map.of(), candidate, "-c", "import matplotlib")
						.status() == 0) {
				python = candidate;
			}
		}
		assumeTrue(python != null, "no python3 has matplotlib (Debian: apt-get install python3-matplotlib)");
	}

	@Test
	void drawsEveryChartFromThePerformancePage() throws Exception {
		Result result = charts("--caption", "from the page", Commands.repositoryFile("docs/performance.md").toString());
		assertThat(result.status()).as(result.output()).isZero();
		assertThat(this.charts.resolve("probe-cost.svg")).content()
			.contains("<svg", "fifo-liveness probe, reader present", "3,428 ns", "from the page");
		assertThat(this.charts.resolve("event-latency.svg")).content().contains("<svg", "SIGKILL -&gt; DOWN");
		assertThat(this.charts.resolve("idle-cost.svg")).content().contains("<svg", "3.88%");
	}

	@Test
	void drawsTheWatchersChartsFromABenchmarksOutput() throws Exception {
		Path output = Files.writeString(this.charts.resolve("bench-events.txt"), EVENTS_OUTPUT);
		Result result = charts(output.toString());
		assertThat(result.status()).as(result.output()).isZero();
		assertThat(this.charts.resolve("probe-cost.svg")).doesNotExist();
		assertThat(this.charts.resolve("event-latency.svg")).content().contains("15.0 ms", "500 ms", "Test CPU");
		// One point per mode and number of peers: the 2-peer baseline once, at its
		// median.
		assertThat(this.charts.resolve("idle-cost.svg")).content().contains("0.12%", "0.15%", "0.4%", "1%", "0.11%");
	}

	@Test
	void saysSoWhereNoTableIsFound() throws Exception {
		Path output = Files.writeString(this.charts.resolve("nothing.txt"), "Building\n");
		Result result = charts(output.toString());
		assertThat(result.status()).isEqualTo(1);
		assertThat(result.output()).contains("No charts: none of the benchmark tables was found");
	}

	private Result charts(String... arguments) {
		String[] command = new String[arguments.length + 4];
		command[0] = python;
		command[1] = Commands.repositoryFile("scripts/lib/charts.py").toString();
		command[2] = "--out";
		command[3] = this.charts.toString();
		System.arraycopy(arguments, 0, command, 4, arguments.length);
		return Commands.run(Duration.ofMinutes(2), Map.of(), command);
	}

}
