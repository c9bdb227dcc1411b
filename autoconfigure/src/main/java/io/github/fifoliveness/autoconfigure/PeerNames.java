package io.github.fifoliveness.autoconfigure;

import java.util.Collection;

/**
 * Checks that every configured peer name addresses exactly one peer, as it was written.
 */
final class PeerNames {

	static final String RULE = "Names of lowercase letters, digits and dashes always work, such as 'orders-eu'.";

	private PeerNames() {
	}

	static void check(Collection<String> names) {
		for (String name : names) {
			if (name.contains("/")) {
				throw new InvalidPeerNameException("Peer name '" + name + "' (fifo-liveness.peers[" + name
						+ "]) contains '/', which the health endpoint cannot address: '/' separates the parts of"
						+ " /actuator/health/peers/<name>.", "Rename the peer without '/'. " + RULE);
			}
		}
	}

}
