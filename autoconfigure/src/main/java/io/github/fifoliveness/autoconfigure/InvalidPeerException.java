package io.github.fifoliveness.autoconfigure;

/**
 * Thrown at startup when a configured peer does not say exactly how to probe it.
 */
public class InvalidPeerException extends IllegalStateException {

	private final String peer;

	InvalidPeerException(String peer, String problem) {
		super("Peer '" + peer + "' needs exactly one of 'fifo-liveness.peers." + peer
				+ ".path' (a FIFO) and 'fifo-liveness.peers." + peer + ".pid-file' (a PID file), but " + problem);
		this.peer = peer;
	}

	/**
	 * Return the peer's name.
	 * @return the name
	 */
	public String getPeer() {
		return this.peer;
	}

}
