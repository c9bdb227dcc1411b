package io.github.fifoliveness.posix;

import java.util.List;

/**
 * Refuses to bind the {@code java.lang.foreign} implementation on Java 17 to 21;
 * {@code META-INF/versions/22} holds the one that binds, so no class is loaded by name.
 */
final class ForeignBindings {

	private ForeignBindings() {
	}

	static Syscalls syscalls(LinuxSyscallTable table) {
		throw unsupported();
	}

	static List<String> linkedDowncalls() {
		return List.of();
	}

	private static UnsupportedOperationException unsupported() {
		return new UnsupportedOperationException("the foreign function API needs Java 22 or later, and the"
				+ " multi-release jar's META-INF/versions/22; this is Java " + Runtime.version().feature());
	}

}
