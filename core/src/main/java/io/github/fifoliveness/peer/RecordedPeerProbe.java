package io.github.fifoliveness.peer;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.List;

final class RecordedPeerProbe implements PeerProbe {

	private final String name;

	private final PeerProbe probe;

	private static final Logger logger = LoggerFactory.getLogger(RecordedPeerProbe.class);

	private final List<ProbeRecorder> recorders;

	private final StartupGrace startupGrace;

	RecordedPeerProbe(String name, PeerProbe probe, List<ProbeRecorder> recorders, StartupGrace startupGrace) {
		this.name = name;
		this.probe = probe;
		this.recorders = recorders;
		this.startupGrace = startupGrace;
	}

	@Override
	public ProbeResult probe() {
		long start = System.nanoTime();
		ProbeResult result = this.probe.probe();
		long nanos = System.nanoTime() - start;
		if (result.alive()) {
			this.startupGrace.seenUp(this.name);
		}
		for (ProbeRecorder recorder : this.recorders) {
			try {
				recorder.record(this.name, nanos);
			}
			catch (RuntimeException ex) {
				// A metric must never cost a probe its result.
				logger.debug("Recording a probe of peer '" + this.name + "' failed", ex);
			}
		}
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
