package io.github.fifoliveness.peer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The peers this application watches, by name, each with its probe, in configuration
 * order.
 */
public final class Peers {

	private final Map<String, PeerProbe> configured;

	private final Map<String, PeerProbe> recorded;

	private final List<ProbeRecorder> recorders = new CopyOnWriteArrayList<>();

	/**
	 * Create the set of peers.
	 * @param probes the probes by peer name, in the order to report them
	 */
	public Peers(Map<String, ? extends PeerProbe> probes) {
		this.configured = Collections.unmodifiableMap(new LinkedHashMap<>(probes));
		Map<String, PeerProbe> recorded = new LinkedHashMap<>();
		this.configured
			.forEach((name, probe) -> recorded.put(name, new RecordedPeerProbe(name, probe, this.recorders)));
		this.recorded = Collections.unmodifiableMap(recorded);
	}

	/**
	 * Return the probes by peer name. Each probe made through them is recorded by the
	 * {@link #recordProbesWith(ProbeRecorder) recorder}.
	 * @return the probes
	 */
	public Map<String, PeerProbe> probes() {
		return this.recorded;
	}

	/**
	 * Return the probes as configured, for the watcher, which needs to know what each one
	 * looks at.
	 * @return the probes by peer name
	 */
	Map<String, PeerProbe> configuredProbes() {
		return this.configured;
	}

	/**
	 * Record every probe made from now on, whoever asks for it, with the given recorder,
	 * besides any recorder added before.
	 * @param recorder the recorder
	 */
	public void recordProbesWith(ProbeRecorder recorder) {
		this.recorders.add(recorder);
	}

}
