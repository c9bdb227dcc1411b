package io.github.fifoliveness.autoconfigure;

/**
 * Thrown at startup when a configured peer name cannot name one peer as it was written:
 * binding would change it, merge it with another, or the health endpoint could not
 * address it.
 */
public class InvalidPeerNameException extends IllegalStateException {

	private final String action;

	InvalidPeerNameException(String description, String action) {
		super(description);
		this.action = action;
	}

	/**
	 * Return what the user can do about it.
	 * @return the suggested action
	 */
	public String getAction() {
		return this.action;
	}

}
