package io.github.fifoliveness.posix;

import java.util.List;

/** Binds the {@code java.lang.foreign} implementation; the base's version refuses. */
final class ForeignBindings {

	private ForeignBindings() {
	}

	// Links the downcall now, so denied native access fails the load, not a later call.
	static Syscalls syscalls(LinuxSyscallTable table) {
		return new TableSyscalls(table, ForeignSyscall.INSTANCE);
	}

	// Each as a foreign.downcalls entry of reachability-metadata.json.
	static List<String> linkedDowncalls() {
		return ForeignDowncalls.linked();
	}

}
