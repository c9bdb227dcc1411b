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
 * The peers this application watches, by name in configuration order, with each one's
 * probe, grace periods and count of downs. A constructor rejects a name that breaks
 * {@link #name(String)}'s rule.
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
	 */
	public Peers(Map<String, ? extends PeerProbe> probes) {
		this(probes, Map.of());
	}

	/**
	 * Create the set of peers, with no start-up grace.
	 * @param downAfter how long a peer that was up must stay down to be published DOWN
	 */
	public Peers(Map<String, ? extends PeerProbe> probes, Map<String, Duration> downAfter) {
		this(probes, downAfter, Map.of());
	}

	/**
	 * Create the set of peers, their start-up grace starting now; a peer a map does not
	 * name, or gives zero, has none.
	 * @param downAfter how long a peer that was up must stay down to be published DOWN
	 * @param startupGrace how long after now a peer not seen UP yet is not DOWN
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
	 * Return a peer's or folder's name if not blank (a health component needs one), with
	 * no white space at either end and without {@code /}, as it is one part of paths such
	 * as {@code /actuator/health/peers/<name>}.
	 * @throws IllegalArgumentException if the name breaks the rule
	 */
	public static String name(String value) {
		if (value.isBlank() || !value.strip().equals(value) || value.indexOf('/') >= 0) {
			throw new IllegalArgumentException("A name cannot be blank, begin or end with white space, or contain '/',"
					+ " which separates the parts of the paths it is one part of, such as"
					+ " /actuator/health/peers/<name>.");
		}
		return value;
	}

	/**
	 * Return the probes by peer name; each probe made through them is recorded.
	 */
	public Map<String, PeerProbe> probes() {
		return this.recorded;
	}

	// Unrecorded, for the watcher, which needs to know what each one looks at.
	Map<String, PeerProbe> configuredProbes() {
		return this.configured;
	}

	/**
	 * Record every probe made from now on with the given recorder too.
	 */
	public void recordProbesWith(ProbeRecorder recorder) {
		this.recorders.add(recorder);
	}

	/**
	 * Return how long a peer that was up must stay down before its DOWN is published.
	 */
	public Duration downAfter(String peer) {
		return this.downAfter.getOrDefault(peer, Duration.ZERO);
	}

	/**
	 * Return how long after the monitor started a peer not seen UP yet is not DOWN.
	 */
	public Duration startupGrace(String peer) {
		return this.startupGrace.grace(peer);
	}

	/**
	 * Return how long a peer not yet seen UP stays {@link UnknownReason#NOT_SEEN_YET}.
	 * @return empty once any probe saw the peer UP or its grace has passed
	 */
	public Optional<Duration> startupGraceLeft(String peer) {
		return this.startupGrace.left(peer);
	}

	StartupGrace startupGrace() {
		return this.startupGrace;
	}

	/**
	 * Return how many times a peer went down, as the watcher or the poller saw it.
	 * @return its downs, {@code null} for a peer not configured
	 */
	public @Nullable PeerDowns downs(String peer) {
		return this.downs.get(peer);
	}

	/**
	 * Tell the given recorder too of every down seen from now on.
	 */
	public void recordDownsWith(DownRecorder recorder) {
		this.downRecorders.add(recorder);
	}

}
