package io.github.fifoliveness.peer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The peers this application watches, by name, each with its probe, in configuration
 * order.
 */
public final class Peers {

	private final Map<String, PeerProbe> probes;

	/**
	 * Create the set of peers.
	 * @param probes the probes by peer name, in the order to report them
	 */
	public Peers(Map<String, ? extends PeerProbe> probes) {
		this.probes = Collections.unmodifiableMap(new LinkedHashMap<>(probes));
	}

	/**
	 * Return the probes by peer name.
	 * @return the probes
	 */
	public Map<String, PeerProbe> probes() {
		return this.probes;
	}

}
