package io.github.fifoliveness.posix;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * Links every downcall of the foreign implementation and remembers each, so that a test
 * can compare native image's {@code reachability-metadata.json} with what is linked.
 */
final class ForeignDowncalls {

	private static final Linker LINKER = Linker.nativeLinker();

	private static final List<Linked> LINKED = new CopyOnWriteArrayList<>();

	private ForeignDowncalls() {
	}

	/** With {@code captureErrno}, the handle's first parameter is the call state. */
	static MethodHandle link(String symbol, FunctionDescriptor descriptor, int firstVariadicArg, boolean captureErrno) {
		List<Linker.Option> options = new ArrayList<>();
		if (firstVariadicArg >= 0) {
			options.add(Linker.Option.firstVariadicArg(firstVariadicArg));
		}
		if (captureErrno) {
			options.add(Linker.Option.captureCallState("errno"));
		}
		MethodHandle handle = LINKER.downcallHandle(
				LINKER.defaultLookup()
					.find(symbol)
					.orElseThrow(() -> new UnsatisfiedLinkError("libc has no " + symbol)),
				descriptor, options.toArray(Linker.Option[]::new));
		// Kept as given and written out only when asked: the JSON's streams and lambdas
		// would cost start-up time in every application for the sake of one test.
		LINKED.add(new Linked(descriptor, firstVariadicArg, captureErrno));
		return handle;
	}

	static List<String> linked() {
		return LINKED.stream()
			.map((linked) -> metadata(linked.descriptor(), linked.firstVariadicArg(), linked.captureErrno()))
			.distinct()
			.toList();
	}

	private static String metadata(FunctionDescriptor descriptor, int firstVariadicArg, boolean captureErrno) {
		String returnType = descriptor.returnLayout().map(ForeignDowncalls::type).orElse("void");
		String parameterTypes = descriptor.argumentLayouts()
			.stream()
			.map((layout) -> "\"" + type(layout) + "\"")
			.collect(Collectors.joining(","));
		List<String> options = new ArrayList<>();
		if (captureErrno) {
			options.add("\"captureCallState\":true");
		}
		if (firstVariadicArg >= 0) {
			options.add("\"firstVariadicArg\":" + firstVariadicArg);
		}
		return "{\"returnType\":\"" + returnType + "\",\"parameterTypes\":[" + parameterTypes + "]"
				+ (options.isEmpty() ? "" : ",\"options\":{" + String.join(",", options) + "}") + "}";
	}

	private static String type(MemoryLayout layout) {
		Class<?> carrier = ((ValueLayout) layout).carrier();
		if (carrier == int.class) {
			return "jint";
		}
		if (carrier == long.class) {
			return "jlong";
		}
		if (carrier == MemorySegment.class) {
			return "void*";
		}
		throw new IllegalArgumentException("No reachability-metadata type for " + layout);
	}

	private record Linked(FunctionDescriptor descriptor, int firstVariadicArg, boolean captureErrno) {

	}

}
