package io.github.fifoliveness.autoconfigure;

import io.github.fifoliveness.posix.NativePosix;
import io.github.fifoliveness.posix.NativePosixUnavailableException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a {@link NativePosixUnavailableException} at startup, with the fix for its
 * cause: the jnr-posix dependency, a folder jffi can load its stub from, native access,
 * or another platform.
 */
class NativePosixUnavailableFailureAnalyzer extends AbstractFailureAnalyzer<NativePosixUnavailableException> {

	private static final String TURN_OFF = "Elsewhere, set 'fifo-liveness.beacon.enabled=false' and"
			+ " 'management.health.peers.enabled=false'.";

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, NativePosixUnavailableException cause) {
		return new FailureAnalysis(cause.getMessage(), action(cause), cause);
	}

	private static String jnrPosixMissing() {
		String[] coordinates = NativePosixUnavailableException.JNR_POSIX.split(":");
		return "Add jnr-posix to the application's dependencies; fifo-liveness needs it on macOS, the BSDs and Linux"
				+ " on other architectures than x86_64 and aarch64, and leaves it optional. Maven: <dependency>"
				+ "<groupId>" + coordinates[0] + "</groupId><artifactId>" + coordinates[1] + "</artifactId><version>"
				+ coordinates[2] + "</version></dependency>. Gradle: implementation(\""
				+ NativePosixUnavailableException.JNR_POSIX + "\").";
	}

	private static String action(NativePosixUnavailableException cause) {
		return switch (cause.getReason()) {
			case NATIVE_STUB_NOT_LOADABLE ->
				"On Java 17 to 21, jnr's native layer (jffi) writes its stub to java.io.tmpdir ('"
						+ System.getProperty("java.io.tmpdir") + "'), else to the working directory, and loads it from"
						+ " there, which fails where both are mounted noexec or read-only. Start the JVM with"
						+ " -Djffi.extract.dir=<a writable folder on a file system mounted with exec>, or run on Java 22"
						+ " or later, which needs no stub.";
			case NATIVE_ACCESS_DENIED -> "The JVM denies native access (--illegal-native-access=deny). Start it with"
					+ " --enable-native-access=ALL-UNNAMED, or put 'Enable-Native-Access: ALL-UNNAMED' in the"
					+ " manifest of the executable jar (the spring-boot-maven-plugin keeps maven-jar-plugin's"
					+ " manifest entries).";
			case NO_FIFOS -> "Hold no beacon and configure no peers or PID file on this platform: remove"
					+ " 'fifo-liveness.beacon.enabled=true', 'fifo-liveness.beacon.readiness-path', 'fifo-liveness.pid-file'"
					+ ", 'fifo-liveness.peers' and 'fifo-liveness.peer-folders' from its configuration (a profile of its"
					+ " own does it), or run the"
					+ " application on Linux, macOS or a BSD. The liveness beacon, on by default, needs nothing: it is"
					+ " off where there are no FIFOs.";
			case JNR_POSIX_MISSING -> jnrPosixMissing();
			case PLATFORM_NOT_SUPPORTED -> "Run on Linux, macOS or a BSD, where FIFOs exist; on Java 22 or later,"
					+ " -D" + NativePosix.IMPLEMENTATION_PROPERTY + "=jnr uses jnr instead of the foreign"
					+ " function API. " + TURN_OFF;
		};
	}

}
