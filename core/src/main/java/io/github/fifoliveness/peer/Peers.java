package io.github.fifoliveness.peer;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;

/**
 * The peers this application watches, by name, each with its probe, in configuration
 * order, how long each must stay down before its DOWN is published, how long each may
 * stay unseen after the monitor started before it is DOWN at all, and how many times each
 * went down.
 */
public final class Peers {

	private final Map<String, PeerProbe> configured;

	private final Map<String, PeerProbe> recorded;

	private final Map<String, Duration> downAfter;

	private final Map<String, PeerDowns> downs;

	private final StartupGrace startupGrace;

	private final List<ProbeRecorder> recorders = new CopyOnWriteArrayList<>();

	private final List<DownRecorder> downRecorders = new CopyOnWriteArrayList<>();

	/**
	 * Create the set of peers, each DOWN published at once.
	 * @param probes the probes by peer name, in the order to report them
	 * @throws IllegalArgumentException if a name breaks {@link #name(String)}'s rule
	 */
	public Peers(Map<String, ? extends PeerProbe> probes) {
		this(probes, Map.of());
	}

	/**
	 * Create the set of peers.
	 * @param probes the probes by peer name, in the order to report them
	 * @param downAfter by peer name, how long a peer that was up must stay down before
	 * its DOWN is published; a peer not named, or zero, publishes it at once
	 * @throws IllegalArgumentException if a name breaks {@link #name(String)}'s rule
	 */
	public Peers(Map<String, ? extends PeerProbe> probes, Map<String, Duration> downAfter) {
		this(probes, downAfter, Map.of());
	}

	/**
	 * Create the set of peers, their start-up grace starting now.
	 * @param probes the probes by peer name, in the order to report them
	 * @param downAfter by peer name, how long a peer that was up must stay down before
	 * its DOWN is published; a peer not named, or zero, publishes it at once
	 * @param startupGrace by peer name, how long after now a peer not seen UP yet is not
	 * DOWN; a peer not named, or zero, has none
	 * @throws IllegalArgumentException if a name breaks {@link #name(String)}'s rule
	 */
	public Peers(Map<String, ? extends PeerProbe> probes, Map<String, Duration> downAfter,
			Map<String, Duration> startupGrace) {
		this(probes, downAfter, startupGrace, System::nanoTime);
	}

	Peers(Map<String, ? extends PeerProbe> probes, Map<String, Duration> downAfter, Map<String, Duration> startupGrace,
			LongSupplier clock) {
		probes.keySet().forEach(Peers::name);
		Map<String, Duration> graces = Map.copyOf(startupGrace);
		this.startupGrace = new StartupGrace((peer) -> graces.getOrDefault(peer, Duration.ZERO), clock);
		this.configured = Collections.unmodifiableMap(new LinkedHashMap<>(probes));
		Map<String, PeerProbe> recorded = new LinkedHashMap<>();
		Map<String, PeerDowns> downs = new LinkedHashMap<>();
		this.configured.forEach((name, probe) -> {
			recorded.put(name, new RecordedPeerProbe(name, probe, this.recorders, this.startupGrace));
			downs.put(name, new PeerDowns(name, this.downRecorders));
		});
		this.recorded = Collections.unmodifiableMap(recorded);
		this.downs = Collections.unmodifiableMap(downs);
		this.downAfter = Map.copyOf(downAfter);
	}

	/**
	 * Return a peer's or a peer folder's name, by the rule of names: not blank (a health
	 * component needs a name), and no {@code /}, which separates the parts of the paths a
	 * name is one part of, such as {@code /actuator/health/peers/<name>}.
	 * @param value the configured name
	 * @return the name
	 * @throws IllegalArgumentException if the name breaks the rule
	 */
	public static String name(String value) {
		if (value.isBlank() || value.indexOf('/') >= 0) {
			throw new IllegalArgumentException("A name cannot be blank or contain '/', which separates the parts of"
					+ " the paths it is one part of, such as /actuator/health/peers/<name>.");
		}
		return value;
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

	/**
	 * Return how long a peer that was up must stay down before its DOWN is published.
	 * @param peer the peer's name
	 * @return the grace period, zero for none
	 */
	public Duration downAfter(String peer) {
		return this.downAfter.getOrDefault(peer, Duration.ZERO);
	}

	/**
	 * Return how long after the monitor started a peer not seen UP yet is not DOWN.
	 * @param peer the peer's name
	 * @return the start-up grace, zero for none
	 */
	public Duration startupGrace(String peer) {
		return this.startupGrace.grace(peer);
	}

	/**
	 * Return how long a peer not seen UP since the monitor started is still not DOWN:
	 * while this is present, a probe that finds it down means
	 * {@link UnknownReason#NOT_SEEN_YET}, not DOWN. Seen UP by any probe, it has no grace
	 * left.
	 * @param peer the peer's name
	 * @return the time left, empty once the peer was seen UP or its grace has passed
	 */
	public Optional<Duration> startupGraceLeft(String peer) {
		return this.startupGrace.left(peer);
	}

	StartupGrace startupGrace() {
		return this.startupGrace;
	}

	/**
	 * Return how many times a peer went down, as the watcher or the poller saw it.
	 * @param peer the peer's name
	 * @return its downs, {@code null} for a peer not configured
	 */
	public @Nullable PeerDowns downs(String peer) {
		return this.downs.get(peer);
	}

	/**
	 * Tell the given recorder of every down seen from now on, besides any recorder added
	 * before.
	 * @param recorder the recorder
	 */
	public void recordDownsWith(DownRecorder recorder) {
		this.downRecorders.add(recorder);
	}

}
