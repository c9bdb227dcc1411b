package io.github.fifoliveness.peer;

/**
 * Receives how long each probe of a peer took, whoever asked for it.
 */
@FunctionalInterface
public interface ProbeRecorder {

	/**
	 * Record one probe.
	 * @param nanos how long the probe took, in nanoseconds
	 */
	void record(String peer, long nanos);

}
