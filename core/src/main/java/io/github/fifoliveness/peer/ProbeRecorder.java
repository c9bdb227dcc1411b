package io.github.fifoliveness.peer;

/**
 * Receives how long each probe of a peer took, whoever asked for it: a health request,
 * the poller, the watcher's probes of PID files and of the peers it polls, or the gauge.
 *
 * @see Peers#recordProbesWith(ProbeRecorder)
 */
@FunctionalInterface
public interface ProbeRecorder {

	/**
	 * Record one probe.
	 * @param peer the peer's name
	 * @param nanos how long the probe took, in nanoseconds
	 */
	void record(String peer, long nanos);

}
