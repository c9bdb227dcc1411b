package io.github.fifoliveness.autoconfigure;

/**
 * Thrown at startup when a path property cannot name a FIFO. Names the property and the
 * value so the user knows exactly which line of configuration to fix.
 */
public class InvalidPathPropertyException extends IllegalStateException {

	private final String property;

	private final String value;

	private final String problem;

	InvalidPathPropertyException(String property, String value, String problem) {
		super("Invalid value '" + printable(value) + "' for property '" + property + "': " + problem);
		this.property = property;
		this.value = value;
		this.problem = problem;
	}

	/**
	 * Return the name of the property, such as {@code fifo-liveness.beacon.path}.
	 * @return the property name
	 */
	public String getProperty() {
		return this.property;
	}

	/**
	 * Return the value as configured.
	 * @return the value, may be {@code null}
	 */
	public String getValue() {
		return this.value;
	}

	/**
	 * Return what is wrong with the value.
	 * @return the problem
	 */
	public String getProblem() {
		return this.problem;
	}

	static String printable(String value) {
		return (value != null) ? value.replace("\0", "\\0") : "";
	}

}
