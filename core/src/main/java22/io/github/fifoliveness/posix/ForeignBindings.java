package io.github.fifoliveness.posix;

import java.util.List;

/**
 * Binds the {@code java.lang.foreign} implementation: the version in
 * {@code META-INF/versions/22} of the multi-release jar, over the base's, which refuses.
 */
final class ForeignBindings {

	private ForeignBindings() {
	}

	// Links the downcall now, so that denied native access fails the load, not a later
	// call.
	static Syscalls syscalls(LinuxSyscallTable table) {
		return new TableSyscalls(table, ForeignSyscall.INSTANCE);
	}

	/**
	 * Return the downcalls linked so far, each as a {@code foreign.downcalls} entry of
	 * {@code META-INF/native-image/.../reachability-metadata.json}.
	 * @return the entries, as JSON objects
	 */
	static List<String> linkedDowncalls() {
		return ForeignDowncalls.linked();
	}

	static EventSyscalls eventSyscalls(LinuxSyscallTable table) {
		return new TableEventSyscalls(table, ForeignSyscall.INSTANCE);
	}

}
