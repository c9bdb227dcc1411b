package io.github.fifoliveness.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for the peers whose liveness this application checks.
 */
@ConfigurationProperties("fifo-liveness")
public class FifoLivenessPeersProperties {

	/**
	 * Peers to probe, by name, each with the "path" of the FIFO its beacon holds
	 * (fifo-liveness.peers.<name>.path). Each one shows as a component of the "peers"
	 * health contributor, at /actuator/health/peers/<name>.
	 */
	private final Map<String, Peer> peers = new LinkedHashMap<>();

	public Map<String, Peer> getPeers() {
		return this.peers;
	}

	/**
	 * One peer to probe.
	 */
	public static class Peer {

		/**
		 * Absolute path of the FIFO that the peer's beacon holds.
		 */
		private String path;

		public String getPath() {
			return this.path;
		}

		public void setPath(String path) {
			this.path = path;
		}

	}

}
