package io.github.fifoliveness.posix;

import java.util.EnumMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Binds {@link EventSyscalls} once per JVM and implementation: binding costs far more
 * than the calls.
 */
final class EventSyscallsBinding {

	private static final Map<NativeImplementation, EventSyscalls> BOUND = new EnumMap<>(NativeImplementation.class);

	private EventSyscallsBinding() {
	}

	/** Throws a RuntimeException or LinkageError if the calls cannot be bound. */
	static synchronized EventSyscalls get(NativeImplementation implementation, @Nullable LinuxSyscallTable table) {
		EventSyscalls bound = BOUND.get(implementation);
		if (bound == null) {
			if (implementation == NativeImplementation.FFM) {
				bound = ForeignBindings.eventSyscalls(requireTable(table));
			}
			else {
				// No method reference to JnrEventSyscalls: creating one loads jnr-ffi.
				bound = (table != null) ? new TableEventSyscalls(table, JffiSyscall.load()) : JnrEventSyscalls.load();
			}
			BOUND.put(implementation, bound);
		}
		return bound;
	}

	private static LinuxSyscallTable requireTable(@Nullable LinuxSyscallTable table) {
		if (table == null) {
			throw new IllegalStateException("the foreign function API runs only where LinuxSyscallTable knows the"
					+ " architecture, not on " + System.getProperty("os.arch"));
		}
		return table;
	}

}
