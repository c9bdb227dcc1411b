package io.github.fifoliveness.posix;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.condition.OS;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A GraalVM native image runs a downcall only if it is registered: the
 * {@code foreign.downcalls} of the core's {@code reachability-metadata.json} are exactly
 * the downcalls the foreign implementation links, function descriptor and options alike.
 * The image itself is not built here (no GraalVM on these machines).
 */
@EnabledOnOs(value = OS.LINUX, architectures = { "amd64", "aarch64" })
@EnabledForJreRange(min = JRE.JAVA_22)
class ReachabilityMetadataTests {

	private static final String METADATA = "META-INF/native-image/io.github.fifoliveness/fifo-liveness-core/reachability-metadata.json";

	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void registersExactlyTheDowncallsTheForeignImplementationLinks() throws IOException {
		NativePosix posix = new NativePosix(SyscallsLoader.loadSyscalls(NativeImplementation.FFM));
		// Linked on first use only: the user lookup.
		posix.userId("root");
		Set<JsonNode> linked = new HashSet<>();
		for (String entry : ForeignBindings.linkedDowncalls()) {
			linked.add(json.readTree(entry));
		}
		assertThat(linked).as("downcalls linked (syscall and getpwnam_r)").hasSize(2);
		assertThat(registered()).isEqualTo(linked);
	}

	private static Set<JsonNode> registered() throws IOException {
		try (InputStream in = ReachabilityMetadataTests.class.getClassLoader().getResourceAsStream(METADATA)) {
			assertThat(in).as(METADATA).isNotNull();
			Set<JsonNode> registered = new HashSet<>();
			json.readTree(in).path("foreign").path("downcalls").forEach(registered::add);
			return registered;
		}
	}

}
