package io.github.fifoliveness.posix;

/** How {@link NativePosix} reaches the operating system. */
public enum NativeImplementation {

	/**
	 * Java's foreign function and memory API ({@code java.lang.foreign}): JDK 22 and
	 * later on Linux x86_64 and aarch64. No native library of its own to extract or load.
	 */
	FFM("java.lang.foreign"),

	/**
	 * The jnr libraries: JDK 17 to 21. jffi's {@code syscall} on the Linux architectures
	 * whose system-call table fifo-liveness has verified, jnr-posix everywhere else.
	 */
	JNR("jnr");

	private final String description;

	NativeImplementation(String description) {
		this.description = description;
	}

	/** Return the name of the library behind it, such as {@code java.lang.foreign}. */
	public String description() {
		return this.description;
	}

}
