package io.github.fifoliveness.peer;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The packaged {@code fifo-liveness-check.jar}, run as a probe runs it: one line, exit 0
 * while a process holds the FIFO, 1 once that process is killed, 2 on a usage error; and
 * nothing of Spring inside.
 */
class CheckJarIT {

	@TempDir
	Path dir;

	private final List<Process> started = new ArrayList<>();

	@AfterEach
	void killStarted() throws InterruptedException {
		for (Process process : this.started) {
			process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
	}

	@Test
	void fifoHeldByAProcessIsUpUntilThatProcessIsKilled() throws Exception {
		Path fifo = this.dir.resolve("orders.fifo");
		assertThat(run("mkfifo", "-m", "600", fifo.toString()).exitValue()).isZero();
		Process holder = start("sh", "-c", "exec 3<>\"$0\"; exec sleep 600", fifo.toString());
		await().atMost(Duration.ofSeconds(10)).until(() -> check(fifo.toString()).status() == 0);
		Result up = check(fifo.toString());
		assertThat(up.output()).isEqualTo("UP " + fifo + "\n");

		holder.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		Result down = check(fifo.toString());
		assertThat(down.status()).isEqualTo(1);
		assertThat(down.output()).startsWith("DOWN NO_READER " + fifo + ": ").endsWith("\n");
		assertThat(down.output().lines()).hasSize(1);
	}

	@Test
	void pidFileAndUsageErrorsWorkAsTheDocumentedCommandDoes() throws Exception {
		Path pidFile = Files.writeString(this.dir.resolve("self.pid"), ProcessHandle.current().pid() + "\n");
		Result self = check("--pid-file", pidFile.toString());
		assertThat(self.status()).isZero();
		assertThat(self.output()).isEqualTo("UP " + pidFile + " pid=" + ProcessHandle.current().pid() + "\n");
		Result usage = check();
		assertThat(usage.status()).isEqualTo(2);
		assertThat(usage.output()).startsWith("usage: check");
	}

	@Test
	void folderHoldsItsQuorumWhileEnoughMembersLive() throws Exception {
		Path folder = Files.createDirectory(this.dir.resolve("workers"));
		Path one = folder.resolve("worker-1.fifo");
		assertThat(run("mkfifo", "-m", "600", one.toString(), folder.resolve("worker-2.fifo").toString()).exitValue())
			.isZero();
		Process holder = start("sh", "-c", "exec 3<>\"$0\"; exec sleep 600", one.toString());
		await().atMost(Duration.ofSeconds(10)).until(() -> check("--folder", folder.toString()).status() == 0);
		assertThat(check("--folder", folder.toString()).output()).isEqualTo("UP " + folder
				+ ": 1 of 2 members up, at least 1 needed\n  UP worker-1\n" + "  DOWN NO_READER worker-2\n");
		Result quorumLost = check("--folder", folder.toString(), "--min-up", "2");
		assertThat(quorumLost.status()).isEqualTo(1);
		assertThat(quorumLost.output()).startsWith("DOWN QUORUM_LOST " + folder + ": ");
		holder.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		assertThat(check("--folder", folder.toString()).status()).isEqualTo(1);
		assertThat(check("--folder", folder.toString(), "--min-up", "x").status()).isEqualTo(2);
	}

	@Test
	void underTheCLocaleAPathBeyondAsciiIsAUsageErrorThatSaysToUseAUtf8Locale() throws Exception {
		assumeTrue("UTF-8".equals(System.getProperty("sun.jnu.encoding")), "this JVM's file names are not UTF-8");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		for (List<String> options : List.<List<String>>of(List.of(), List.of("--folder"), List.of("--pid-file"))) {
			List<String> command = new ArrayList<>(
					List.of("env", "-u", "LC_ALL", "-u", "LC_CTYPE", "LANG=C", java, "-jar", jar().toString()));
			command.addAll(options);
			command.add(this.dir.resolve("café").toString());
			Process process = run(command.toArray(String[]::new));
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.exitValue()).as(output).isEqualTo(2);
			assertThat(output).contains("not a valid path: ", "as its locale says: start it with a UTF-8 locale");
		}
	}

	// Where java.io.tmpdir and the working folder cannot take jffi's stub, as under
	// noexec or read-only mounts: /proc takes no file, not even root's.
	@Test
	void aStubJffiCannotWriteIsTwoLinesThatSayWhatToDo() throws Exception {
		String jnrJvm = System.getProperty("fifo-liveness.test.jnr-jvm", "");
		assumeTrue(!jnrJvm.isEmpty(), "no JDK 17 to 21 found, the only ones jffi runs on");
		Process process = new ProcessBuilder(jnrJvm, "-Djava.io.tmpdir=/proc", "-jar",
				jar().toAbsolutePath().toString(), this.dir.resolve("none.fifo").toString())
			.directory(new File("/proc"))
			.redirectErrorStream(true)
			.start();
		this.started.add(process);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as(output).isEqualTo(2);
		assertThat(output.lines()).as(output)
			.satisfiesExactly(
					(line) -> assertThat(line).startsWith("fifo-liveness needs native calls")
						.contains("jffi binary stub"),
					(line) -> assertThat(line).contains("java.io.tmpdir ('/proc')", "-Djffi.extract.dir="));
	}

	@Test
	void startsWithoutWarningsOnEveryJdk() throws Exception {
		Result missing = check(this.dir.resolve("none.fifo").toString());
		assertThat(missing.status()).isEqualTo(1);
		assertThat(missing.output()).doesNotContain("WARNING").startsWith("DOWN MISSING");
	}

	@Test
	void runsTheForeignFunctionApiFromTheMultiReleaseJarOnJava22AndJffiBefore() throws Exception {
		Path classLog = this.dir.resolve("classes.log");
		Result missing = check(List.of("-Xlog:class+load=info:file=" + classLog),
				this.dir.resolve("none.fifo").toString());
		assertThat(missing.output()).startsWith("DOWN MISSING");
		List<String> loaded = Files.readAllLines(classLog);
		if (Runtime.version().feature() >= 22) {
			assertThat(loaded).anyMatch((line) -> line.contains("io.github.fifoliveness.posix.ForeignSyscall "))
				.noneMatch((line) -> line.contains(" jnr.posix.") || line.contains(" com.kenai.jffi."));
		}
		else {
			assertThat(loaded).anyMatch((line) -> line.contains("io.github.fifoliveness.posix.JffiSyscall "))
				.noneMatch((line) -> line.contains(" jnr.posix.") || line.contains(" jnr.ffi."))
				.noneMatch((line) -> line.contains("io.github.fifoliveness.posix.ForeignSyscall "));
		}
	}

	@Test
	void jarHoldsNothingOfSpring() throws IOException {
		try (JarFile jar = new JarFile(jar().toFile())) {
			List<String> names = Collections.list(jar.entries()).stream().map(ZipEntry::getName).toList();
			assertThat(names).contains("io/github/fifoliveness/peer/LivenessCheckCommand.class")
				.noneMatch((name) -> name.startsWith("org/springframework/"))
				.noneMatch((name) -> name.startsWith("org/apache/commons/logging/"));
			assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
				.isEqualTo("io.github.fifoliveness.peer.LivenessCheckCommand");
			// Without it, Java 22 and later would skip META-INF/versions/22 and fail
			// to load the foreign function API's classes.
			assertThat(jar.getManifest().getMainAttributes().getValue("Multi-Release")).isEqualTo("true");
			assertThat(names).contains("META-INF/versions/22/io/github/fifoliveness/posix/ForeignSyscall.class");
		}
	}

	@Test
	void jarBundlesJffiAndJnrPosixForThePlatformsThatNeedIt() throws IOException {
		try (JarFile jar = new JarFile(jar().toFile())) {
			List<String> names = Collections.list(jar.entries()).stream().map(ZipEntry::getName).toList();
			assertThat(names).contains("com/kenai/jffi/Invoker.class", "jni/x86_64-Linux/libjffi-1.2.so",
					"jni/aarch64-Linux/libjffi-1.2.so", "jnr/posix/POSIXFactory.class", "jnr/ffi/LibraryLoader.class",
					"jnr/constants/platform/Errno.class");
		}
	}

	private Result check(String... args) throws Exception {
		return check(List.of(), args);
	}

	private Result check(List<String> jvmOptions, String... args) throws Exception {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		command.addAll(jvmOptions);
		command.addAll(List.of("-jar", jar().toString()));
		command.addAll(List.of(args));
		Process process = run(command.toArray(String[]::new));
		return new Result(process.exitValue(),
				new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
	}

	private static Path jar() {
		Path jar = Path.of(System.getProperty("fifo-liveness-check.jar", "target/fifo-liveness-check.jar"));
		assertThat(jar).as("packaged fifo-liveness-check.jar (run 'mvn verify' from the root)").isRegularFile();
		return jar;
	}

	private Process start(String... command) throws IOException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		this.started.add(process);
		return process;
	}

	private Process run(String... command) throws Exception {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		this.started.add(process);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
		return process;
	}

	private record Result(int status, String output) {
	}

}
