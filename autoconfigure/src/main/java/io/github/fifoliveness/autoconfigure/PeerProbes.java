package io.github.fifoliveness.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.fifoliveness.peer.FifoPeerProbe;
import io.github.fifoliveness.peer.PeerProbe;
import io.github.fifoliveness.peer.Peers;
import io.github.fifoliveness.peer.PidFilePeerProbe;
import io.github.fifoliveness.posix.NativePosix;

/**
 * Turns the configured peers into probes, in configuration order, failing on a peer
 * that does not say exactly how to probe it.
 */
final class PeerProbes {

	private PeerProbes() {
	}

	static Peers of(FifoLivenessProperties properties, NativePosix posix) {
		Map<String, PeerProbe> probes = new LinkedHashMap<>();
		properties.getPeers().forEach((name, peer) -> probes.put(name, of(name, peer, posix)));
		return new Peers(probes);
	}

	private static PeerProbe of(String name, FifoLivenessProperties.Peer peer, NativePosix posix) {
		String prefix = "fifo-liveness.peers." + name;
		if ((peer.getPath() == null) == (peer.getPidFile() == null)) {
			throw new InvalidPeerException(name, (peer.getPath() == null) ? "it has neither" : "it has both");
		}
		if (peer.getPidFile() != null) {
			return new PidFilePeerProbe(PathProperty.absolute(prefix + ".pid-file", peer.getPidFile()), posix);
		}
		return new FifoPeerProbe(PathProperty.absolute(prefix + ".path", peer.getPath()), posix);
	}

}
