package io.github.fifoliveness.peer;

import java.util.Map;
import java.util.function.Supplier;

/**
 * A {@link PeerProbe} that tells a {@link ProbeRecorder} how long each of its probes
 * took.
 */
final class RecordedPeerProbe implements PeerProbe {

	private final String name;

	private final PeerProbe probe;

	private final Supplier<ProbeRecorder> recorder;

	RecordedPeerProbe(String name, PeerProbe probe, Supplier<ProbeRecorder> recorder) {
		this.name = name;
		this.probe = probe;
		this.recorder = recorder;
	}

	@Override
	public ProbeResult probe() {
		long start = System.nanoTime();
		ProbeResult result = this.probe.probe();
		this.recorder.get().record(this.name, System.nanoTime() - start);
		return result;
	}

	@Override
	public String kind() {
		return this.probe.kind();
	}

	@Override
	public Map<String, Object> inputs() {
		return this.probe.inputs();
	}

}
