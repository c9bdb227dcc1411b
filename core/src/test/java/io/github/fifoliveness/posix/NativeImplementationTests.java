package io.github.fifoliveness.posix;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.fifoliveness.testsupport.ChildProcesses;
import io.github.fifoliveness.testsupport.ExerciseNativeLayer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Which implementation runs where: the foreign function API on JDK 22 and later, without
 * a single jnr class loaded, and on JDK 17 to 21 or wherever it is asked for, jffi's
 * {@code syscall} without jnr-posix, whose bindings cost hundreds of milliseconds. The
 * build runs these tests on both, and tells each run what it must find.
 */
@EnabledOnOs(value = OS.LINUX, architectures = { "amd64", "aarch64" })
class NativeImplementationTests {

	// Set by the build for each of its test runs, so a run on the wrong JDK fails.
	private static final String EXPECTED = System.getProperty("fifo-liveness.test.expected-implementation");

	@RegisterExtension
	final ChildProcesses processes = new ChildProcesses();

	@TempDir
	Path dir;

	@Test
	void sharedLayerRunsTheImplementationForThisJavaVersion() {
		// A build with one JDK (22+) runs the jnr-posix tests on it, asking for
		// jnr-posix.
		boolean jnrAsked = "jnr".equals(System.getProperty(NativePosix.IMPLEMENTATION_PROPERTY));
		NativeImplementation expected = (Runtime.version().feature() >= 22 && !jnrAsked) ? NativeImplementation.FFM
				: NativeImplementation.JNR;
		assertThat(NativePosix.get().implementation()).isEqualTo(expected);
		if (EXPECTED != null) {
			assertThat(NativePosix.get().implementation().name()).as("the implementation this test run is for")
				.isEqualTo(EXPECTED);
		}
	}

	@Test
	@EnabledForJreRange(min = JRE.JAVA_22)
	void foreignFunctionApiLoadsNoJnrClassAndMapsNoJffiLibrary() throws Exception {
		Exercise exercise = exercise();
		assertThat(exercise.output()).contains("implementation FFM").noneMatch((line) -> line.startsWith("mapped "));
		assertThat(exercise.loadedClasses()).isNotEmpty()
			.anyMatch((line) -> line.contains("io.github.fifoliveness.posix.ForeignSyscall "))
			.anyMatch((line) -> line.contains("io.github.fifoliveness.posix.TableSyscalls "))
			.anyMatch((line) -> line.contains("io.github.fifoliveness.posix.KernelEvents "))
			.noneMatch((line) -> line.contains(" jnr.ffi.") || line.contains(" jnr.posix.")
					|| line.contains(" jnr.constants.") || line.contains(" com.kenai.jffi."));
	}

	@Test
	@EnabledForJreRange(max = JRE.JAVA_21)
	void beforeJava22JffiMakesTheSystemCallsWithoutAnyClassOfJnrPosixJnrFfiOrJnrConstants() throws Exception {
		Exercise exercise = exercise();
		assertThat(exercise.output()).contains("implementation JNR").anyMatch((line) -> line.startsWith("mapped "));
		assertThat(exercise.loadedClasses())
			.anyMatch((line) -> line.contains("io.github.fifoliveness.posix.JffiSyscall "))
			.anyMatch((line) -> line.contains("io.github.fifoliveness.posix.TableSyscalls "))
			.anyMatch((line) -> line.contains("io.github.fifoliveness.posix.KernelEvents "))
			.noneMatch((line) -> line.contains(" jnr.posix.") || line.contains(" jnr.ffi.")
					|| line.contains(" jnr.constants."))
			.noneMatch((line) -> line.contains("io.github.fifoliveness.posix.Jnr"))
			.noneMatch((line) -> line.contains("io.github.fifoliveness.posix.ForeignSyscall "));
	}

	@Test
	void jnrPosixCanBeChosenOnAnyJavaVersion() throws Exception {
		Exercise exercise = exercise("-D" + NativePosix.IMPLEMENTATION_PROPERTY + "=jnr");
		assertThat(exercise.output()).contains("implementation JNR").anyMatch((line) -> line.startsWith("mapped "));
	}

	@Test
	void anUnknownImplementationNameIsRefusedNamingTheProperty() {
		String previous = System.setProperty(NativePosix.IMPLEMENTATION_PROPERTY, "jni");
		try {
			assertThatIllegalArgumentException().isThrownBy(NativePosix::load)
				.withMessage("System property 'fifo-liveness.native-implementation' has the value 'jni';"
						+ " use 'ffm' or 'jnr', or leave it unset to choose by Java version");
		}
		finally {
			System.clearProperty(NativePosix.IMPLEMENTATION_PROPERTY);
			if (previous != null) {
				System.setProperty(NativePosix.IMPLEMENTATION_PROPERTY, previous);
			}
		}
	}

	private Exercise exercise(String... jvmOptions) throws IOException, InterruptedException {
		Path classLog = this.dir.resolve("classes.log");
		List<String> options = new ArrayList<>(List.of(jvmOptions));
		options.add("-Xlog:class+load=info:file=" + classLog);
		Process process = this.processes.startJava(List.of(), options, ExerciseNativeLayer.class, this.dir.toString());
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		return new Exercise(output.lines().toList(), Files.readAllLines(classLog));
	}

	private record Exercise(List<String> output, List<String> loadedClasses) {

	}

}
