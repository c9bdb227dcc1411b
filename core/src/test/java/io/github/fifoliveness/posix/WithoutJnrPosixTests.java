package io.github.fifoliveness.posix;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import io.github.fifoliveness.peer.LivenessCheckCommand;
import io.github.fifoliveness.testsupport.ChildProcesses;
import io.github.fifoliveness.testsupport.ExerciseNativeLayer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * jnr-posix is an optional dependency: a fresh JVM whose class path lacks it and the nine
 * jars it brings but jffi (jnr-ffi, jnr-constants, jnr's two assemblers, five of asm), as
 * an application's has them, makes every native call on Linux x86_64 and aarch64 (the
 * file calls, epoll on a FIFO's write end, inotify on a folder, a pidfd, the notify
 * socket) without loading one of their classes, on any Java version and with jnr asked
 * for; and where the platform needs jnr-posix, the check command fails naming the
 * dependency to add.
 */
@EnabledOnOs(value = OS.LINUX, architectures = { "amd64", "aarch64" })
class WithoutJnrPosixTests {

	private static final Pattern JNR_JAR = Pattern
		.compile("(jnr-(posix|ffi|constants|a64asm|x86asm)|asm(-(commons|analysis|tree|util))?)-\\d[^/]*\\.jar");

	private static final Pattern JNR_CLASS = Pattern.compile(" (jnr\\.|org\\.objectweb\\.asm\\.)");

	@RegisterExtension
	final ChildProcesses processes = new ChildProcesses();

	@TempDir
	Path dir;

	@Test
	void theClassPathLeftHasJffiButNoneOfTheTenJars() {
		List<String> removed = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.map((entry) -> Path.of(entry).getFileName().toString())
			.filter((name) -> JNR_JAR.matcher(name).matches())
			.map((name) -> name.replaceAll("-\\d.*", ""))
			.sorted()
			.toList();
		assertThat(removed).containsExactly("asm", "asm-analysis", "asm-commons", "asm-tree", "asm-util", "jnr-a64asm",
				"jnr-constants", "jnr-ffi", "jnr-posix", "jnr-x86asm");
		assertThat(classPathWithoutJnr()).contains("jffi-").contains("-native.jar");
	}

	@ParameterizedTest
	@ValueSource(strings = { "as this Java version chooses", "jnr asked for" })
	void everyNativeCallIsMadeWithoutAClassOfJnrPosixOrWhatItBrings(String choice) throws Exception {
		boolean jnrAsked = choice.equals("jnr asked for");
		Path classLog = this.dir.resolve("classes.log");
		List<String> options = new ArrayList<>();
		if (jnrAsked) {
			options.add("-D" + NativePosix.IMPLEMENTATION_PROPERTY + "=jnr");
		}
		options.add("-Xlog:class+load=info:file=" + classLog);
		Process process = this.processes.start(List.of(), options, classPathWithoutJnr(), ExerciseNativeLayer.class,
				this.dir.toString());
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		boolean foreign = Runtime.version().feature() >= 22 && !jnrAsked;
		assertThat(output.lines()).contains("notify ECONNREFUSED", "implementation " + (foreign ? "FFM" : "JNR"));
		List<String> loaded = Files.readAllLines(classLog);
		assertThat(loaded)
			.anyMatch((line) -> line
				.contains(foreign ? "io.github.fifoliveness.posix.ForeignSyscall " : "posix.JffiSyscall "))
			.anyMatch((line) -> line.contains("io.github.fifoliveness.posix.TableSyscalls "));
		assertThat(loaded).noneMatch((line) -> JNR_CLASS.matcher(line).find())
			.noneMatch((line) -> line.contains("io.github.fifoliveness.posix.Jnr"));
	}

	@ParameterizedTest
	@CsvSource({ "Mac OS X, aarch64", "FreeBSD, amd64", "Linux, riscv64" })
	void whereThePlatformNeedsJnrPosixTheCheckCommandNamesTheDependencyToAdd(String osName, String osArch)
			throws Exception {
		// Nothing native runs before jnr-posix is found missing, so the platform can be
		// named with the properties that tell it.
		Process process = this.processes.start(List.of(), List.of("-Dos.name=" + osName, "-Dos.arch=" + osArch),
				classPathWithoutJnr(), LivenessCheckCommand.class, this.dir.resolve("orders.fifo").toString());
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isEqualTo(2);
		assertThat(output).isEqualTo("fifo-liveness needs native calls (mkfifo, open, fstat) but cannot make them"
				+ " through jnr on Java " + Runtime.version().feature() + ", " + osName + " " + osArch
				+ ": jnr-posix is not on the class path, and this platform needs it (only Linux x86_64 and aarch64 do"
				+ " without): add com.github.jnr:jnr-posix:3.2.2 to the application's dependencies\n");
	}

	private static String classPathWithoutJnr() {
		return String.join(File.pathSeparator,
				Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
					.filter((entry) -> !JNR_JAR.matcher(Path.of(entry).getFileName().toString()).matches())
					.toList());
	}

}
