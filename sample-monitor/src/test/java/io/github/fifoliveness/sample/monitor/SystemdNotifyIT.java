package io.github.fifoliveness.sample.monitor;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import io.github.fifoliveness.posix.NotifySocketReceiver;
import io.github.fifoliveness.posix.NotifySocketReceiver.Datagram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The packaged sample daemon as systemd runs a {@code Type=notify} service with
 * {@code WatchdogSec=}: NOTIFY_SOCKET and WATCHDOG_USEC in its environment, a real
 * datagram socket receiving. READY=1 once it serves, WATCHDOG=1 every half WATCHDOG_USEC
 * while its LivenessState is CORRECT, none while BROKEN, STOPPING=1 on SIGTERM; without
 * NOTIFY_SOCKET none of it is even loaded. Where a systemd user manager runs, the daemon
 * is also started as a real notify unit.
 */
class SystemdNotifyIT {

	private static final Duration START = Duration.ofSeconds(90);

	private static final Pattern SYSTEMD_CLASS = Pattern.compile(
			"^\\S+ (io\\.github\\.fifoliveness\\.systemd\\.|io\\.github\\.fifoliveness\\.autoconfigure\\.systemd\\."
					+ "|io\\.github\\.fifoliveness\\.autoconfigure\\.SystemdNotify"
					// FifoSupport only reads os.name, to decide whether anything native
					// is needed.
					+ "|io\\.github\\.fifoliveness\\.posix\\.(?!FifoSupport ))");

	@TempDir
	Path dir;

	private final List<Process> daemons = new ArrayList<>();

	private final HttpClient http = HttpClient.newHttpClient();

	@AfterEach
	void killDaemons() throws InterruptedException {
		for (Process daemon : this.daemons) {
			daemon.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
	}

	@Test
	void readyWatchdogThatFollowsTheLivenessStateAndStoppingOnSigterm() throws Exception {
		try (NotifySocketReceiver systemd = NotifySocketReceiver.bind(this.dir.resolve("notify").toString())) {
			int port = freePort();
			Process daemon = start("notify", port,
					Map.of("NOTIFY_SOCKET", systemd.address(), "WATCHDOG_USEC", "1000000"));
			Datagram ready = systemd.awaitLine("READY=1", START);
			assertThat(ready.text()).isEqualTo("READY=1\nSTATUS=Ready");
			assertThat(get(port, "/actuator/health").statusCode()).as("serving once READY=1 is sent").isEqualTo(200);
			List<Datagram> pings = systemd.awaitLine("WATCHDOG=1", 4, Duration.ofSeconds(30));
			long gapMillis = (pings.get(3).receivedNanos() - pings.get(1).receivedNanos()) / 2_000_000;
			assertThat(gapMillis).as("average gap between pings for WATCHDOG_USEC=1000000").isBetween(350L, 900L);

			assertThat(post(port, "/demo/liveness?state=BROKEN").statusCode()).isEqualTo(200);
			systemd.awaitLine("STATUS=Broken (LivenessState BROKEN), no watchdog pings", Duration.ofSeconds(10));
			int whileBroken = systemd.withLine("WATCHDOG=1").size();
			await().during(Duration.ofMillis(1500))
				.atMost(Duration.ofSeconds(10))
				.until(() -> systemd.withLine("WATCHDOG=1").size() == whileBroken);
			assertThat(post(port, "/demo/liveness?state=CORRECT").statusCode()).isEqualTo(200);
			systemd.awaitLine("WATCHDOG=1", whileBroken + 2, Duration.ofSeconds(10));

			daemon.destroy();
			systemd.awaitLine("STOPPING=1", Duration.ofSeconds(30));
			assertThat(daemon.waitFor(60, TimeUnit.SECONDS)).isTrue();
			assertThat(systemd.datagrams()).extracting(Datagram::text)
				.startsWith("STATUS=Starting")
				.endsWith("STOPPING=1\nSTATUS=Stopping");
		}
	}

	@Test
	void readyAndStoppingThroughAnAbstractName() throws Exception {
		try (NotifySocketReceiver systemd = NotifySocketReceiver.bindAbstract()) {
			Process daemon = start("abstract", freePort(), Map.of("NOTIFY_SOCKET", systemd.address()));
			systemd.awaitLine("READY=1", START);
			daemon.destroy();
			systemd.awaitLine("STOPPING=1", Duration.ofSeconds(30));
			assertThat(systemd.withLine("WATCHDOG=1")).as("no watchdog without WATCHDOG_USEC").isEmpty();
		}
	}

	@Test
	void withoutNotifySocketNothingOfItIsLoaded() throws Exception {
		Path classes = this.dir.resolve("classes.log");
		start("plain", freePort(), Map.of(), "-Xlog:class+load=info:file=" + classes,
				"--fifo-liveness.beacon.enabled=false");
		List<String> loaded = Files.readAllLines(classes);
		assertThat(loaded).as("the class-loading log").anyMatch((line) -> line.contains("SampleDaemonApplication"));
		assertThat(loaded.stream().filter((line) -> SYSTEMD_CLASS.matcher(line).find())).isEmpty();
		// The kernel keeps 15 bytes of a thread's name.
		assertThat(threadNames(this.daemons.get(0))).doesNotContain("fifo-liveness-systemd-watchdog".substring(0, 15));
	}

	@Test
	void theSampleUnitsEnvironmentPutsBothFifosInItsRuntimeDirectoryAndServesOnLoopbackOnly() throws Exception {
		assumeTrue("root".equals(System.getProperty("user.name")), "a service user and /run need root");
		String unit = Files.readString(Commands.repositoryFile("sample-daemon/src/main/systemd/sample-daemon.service"));
		assertThat(unit).contains("\nUser=sample-daemon\n", "\nRuntimeDirectory=sample-daemon\n",
				"\nRuntimeDirectoryMode=0700\n");
		// What systemd does for the unit, in a mount namespace of its own: an owner-only
		// /run/sample-daemon, and the service's user (here nobody) with the unit's
		// variables.
		List<String> command = new ArrayList<>(List.of("unshare", "-m", "sh", "-c",
				"mount --make-rprivate / && mount -t tmpfs -o mode=755 tmpfs /run && mkdir -m 1777 /run/tmp"
						+ " && mkdir -m 700 /run/sample-daemon && chown 65534:65534 /run/sample-daemon"
						+ " && exec setpriv --reuid=65534 --regid=65534 --clear-groups env \"$@\"",
				"sh"));
		unit.lines()
			.filter((line) -> line.startsWith("Environment="))
			.forEach((line) -> command.add(line.substring("Environment=".length())));
		int port = freePort();
		// The jar where the service's user may read it, as it is installed: not in a
		// checkout.
		Files.setPosixFilePermissions(this.dir, PosixFilePermissions.fromString("rwx--x--x"));
		Path opt = Files.createDirectory(this.dir.resolve("opt"),
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
		Path jar = Files.copy(jar(), opt.resolve("sample-daemon.jar"));
		Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));
		command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Djava.io.tmpdir=/run/tmp", "-jar", jar.toString(), "--server.port=" + port));
		Path log = this.dir.resolve("daemon-unit.log");
		ProcessBuilder builder = new ProcessBuilder(command).directory(opt.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().keySet().removeAll(List.of("NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID"));
		Process daemon = builder.start();
		this.daemons.add(daemon);
		await().atMost(START).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			assertThat(daemon.isAlive()).as("daemon is running; its output: %s", Files.readString(log)).isTrue();
			assertThat(Files.readString(log)).contains("Started SampleDaemonApplication");
		});
		// The readiness beacon holds its FIFO once the application accepts traffic.
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(Files.readString(log)).contains(
					"Liveness beacon holds FIFO '/run/sample-daemon/sample-daemon.fifo'",
					"Readiness beacon holds FIFO '/run/sample-daemon/sample-daemon-ready.fifo'"));
		// 127.0.0.1, or ::ffff:127.0.0.1 where the JVM listens through IPv6.
		assertThat(listeningAddresses(port)).as("SERVER_ADDRESS=127.0.0.1: loopback only")
			.isNotEmpty()
			.allMatch((address) -> address.equals("0100007F") || address.equals("0000000000000000FFFF00000100007F"));
	}

	@Test
	void aRealNotifyUnitIsActiveOnlyOnceReady() throws Exception {
		String unavailable = systemdUserManagerUnavailable();
		assumeTrue(unavailable == null, () -> "systemd-run --user does not work here: " + unavailable);
		String unit = "fifo-liveness-it-" + ProcessHandle.current().pid() + ".service";
		int port = freePort();
		Path jar = jar();
		Process run = new ProcessBuilder("systemd-run", "--user", "--no-block", "--unit=" + unit, "-p", "Type=notify",
				"-p", "NotifyAccess=main", "-p", "WatchdogSec=30s", "-p", "SuccessExitStatus=143",
				javaCommand().toString(), "-Djava.io.tmpdir=" + this.dir, "-jar", jar.toString(),
				"--server.port=" + port, "--fifo-liveness.beacon.path=" + this.dir.resolve("unit/daemon.fifo"),
				"--fifo-liveness.beacon.readiness-path=" + this.dir.resolve("unit/daemon-ready.fifo"))
			.redirectErrorStream(true)
			.start();
		try {
			assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
			List<String> states = new ArrayList<>();
			await().atMost(START).pollInterval(Duration.ofMillis(100)).until(() -> {
				String state = activeState(unit);
				if (states.isEmpty() || !states.get(states.size() - 1).equals(state)) {
					states.add(state);
				}
				if (state.equals("active")) {
					// Active means READY=1 was sent, which is after the web server
					// serves.
					assertThat(get(port, "/actuator/health").statusCode()).isEqualTo(200);
					return true;
				}
				return false;
			});
			assertThat(states).as("ActiveState over time").startsWith("activating").endsWith("active");
		}
		finally {
			new ProcessBuilder("systemctl", "--user", "stop", unit).start().waitFor(60, TimeUnit.SECONDS);
		}
	}

	private static String activeState(String unit) throws Exception {
		Process show = new ProcessBuilder("systemctl", "--user", "show", "-p", "ActiveState", "--value", unit)
			.redirectErrorStream(true)
			.start();
		String out = new String(show.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		show.waitFor(10, TimeUnit.SECONDS);
		return out;
	}

	// Null where systemd-run --user can start a unit, else why not.
	private static String systemdUserManagerUnavailable() {
		try {
			Process probe = new ProcessBuilder("systemd-run", "--user", "--quiet", "--wait", "true")
				.redirectErrorStream(true)
				.start();
			if (!probe.waitFor(15, TimeUnit.SECONDS)) {
				probe.destroyForcibly();
				return "'systemd-run --user --wait true' did not finish within 15 seconds";
			}
			String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
			return (probe.exitValue() == 0) ? null : "'systemd-run --user --wait true' exited with " + probe.exitValue()
					+ ": " + output + " (no systemd user manager, as in most containers)";
		}
		catch (IOException ex) {
			return "systemd-run cannot be run: " + ex.getMessage();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "interrupted";
		}
	}

	private Process start(String run, int port, Map<String, String> environment, String... options) throws IOException {
		List<String> command = new ArrayList<>(Commands.java(this.dir));
		List<String> args = new ArrayList<>();
		for (String option : options) {
			(option.startsWith("--") ? args : command).add(option);
		}
		command.addAll(List.of("-jar", jar().toString(), "--server.port=" + port));
		if (args.isEmpty()) {
			command.add("--fifo-liveness.beacon.path=" + this.dir.resolve("run-" + run + "/daemon.fifo"));
			command
				.add("--fifo-liveness.beacon.readiness-path=" + this.dir.resolve("run-" + run + "/daemon-ready.fifo"));
		}
		command.addAll(args);
		Path log = this.dir.resolve("daemon-" + run + ".log");
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		// Whatever runs this test: the daemon sees only the variables the test gives it.
		builder.environment().keySet().removeAll(List.of("NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID"));
		builder.environment().putAll(environment);
		Process daemon = builder.start();
		this.daemons.add(daemon);
		await().atMost(START).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			assertThat(daemon.isAlive()).as("daemon is running; its output: %s", Files.readString(log)).isTrue();
			assertThat(Files.readString(log)).contains("Started SampleDaemonApplication");
		});
		return daemon;
	}

	// The local addresses of the sockets listening on the port, as /proc/net/tcp and tcp6
	// write them (hexadecimal, in the kernel's byte order).
	private static List<String> listeningAddresses(int port) throws IOException {
		String suffix = String.format(":%04X", port);
		List<String> addresses = new ArrayList<>();
		for (Path table : List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"))) {
			List<String> lines = Files.exists(table) ? Files.readAllLines(table) : List.of("header");
			for (String line : lines.subList(1, lines.size())) {
				String[] fields = line.trim().split("\\s+");
				if (fields[1].endsWith(suffix) && fields[3].equals("0A")) {
					addresses.add(fields[1].substring(0, fields[1].length() - suffix.length()));
				}
			}
		}
		return addresses;
	}

	private static List<String> threadNames(Process process) throws IOException {
		List<String> names = new ArrayList<>();
		try (var tasks = Files.list(Path.of("/proc", String.valueOf(process.pid()), "task"))) {
			for (Path task : tasks.toList()) {
				names.add(Files.readString(task.resolve("comm")).strip());
			}
		}
		return names;
	}

	private static Path jar() {
		Path jar = Path.of(System.getProperty("sample-daemon.jar", "../sample-daemon/target/sample-daemon.jar"));
		assertThat(jar).as("packaged sample-daemon (run 'mvn verify' from the root)").isRegularFile();
		return jar;
	}

	private static Path javaCommand() {
		return Path.of(System.getProperty("java.home"), "bin", "java");
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private HttpResponse<String> get(int port, String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(int port, String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
