package io.github.fifoliveness.posix;

import java.util.List;

/**
 * Binds the {@code java.lang.foreign} implementation. This is the version Java 17 to 21
 * run, which refuses: {@code META-INF/versions/22} of the multi-release jar holds the one
 * that binds, with the classes it creates, so the compiler links every class and none is
 * loaded by a name in a string.
 */
final class ForeignBindings {

	private ForeignBindings() {
	}

	static Syscalls syscalls(LinuxSyscallTable table) {
		throw unsupported();
	}

	/**
	 * Return the downcalls linked so far, each as a {@code foreign.downcalls} entry of
	 * {@code META-INF/native-image/.../reachability-metadata.json}.
	 * @return the entries, as JSON objects
	 */
	static List<String> linkedDowncalls() {
		return List.of();
	}

	static EventSyscalls eventSyscalls(LinuxSyscallTable table) {
		throw unsupported();
	}

	private static UnsupportedOperationException unsupported() {
		return new UnsupportedOperationException("the foreign function API needs Java 22 or later, and the"
				+ " multi-release jar's META-INF/versions/22; this is Java " + Runtime.version().feature());
	}

}
