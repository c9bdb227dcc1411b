package io.github.fifoliveness.posix;

import java.util.EnumMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Binds {@link EventSyscalls} once per JVM and implementation, and jnr-ffi's
 * {@link SocketSyscalls} where no table is known: binding costs far more than the calls.
 */
final class EventSyscallsBinding {

	private static final Map<NativeImplementation, EventSyscalls> BOUND = new EnumMap<>(NativeImplementation.class);

	private EventSyscallsBinding() {
	}

	private static @Nullable SocketSyscalls jnrSockets;

	/** Throws a RuntimeException or LinkageError if the calls cannot be bound. */
	static synchronized EventSyscalls get(NativeImplementation implementation, LinuxSyscallTable table) {
		EventSyscalls bound = BOUND.get(implementation);
		if (bound == null) {
			bound = (implementation == NativeImplementation.FFM) ? ForeignBindings.eventSyscalls(table)
					: new TableEventSyscalls(table, JffiSyscall.load());
			BOUND.put(implementation, bound);
		}
		return bound;
	}

	// Where no table is known the implementation is jnr-posix, and the socket's calls
	// jnr-ffi's.
	static synchronized SocketSyscalls sockets(NativeImplementation implementation, @Nullable LinuxSyscallTable table) {
		if (table != null) {
			return get(implementation, table);
		}
		if (jnrSockets == null) {
			jnrSockets = JnrSocketSyscalls.load();
		}
		return jnrSockets;
	}

}
