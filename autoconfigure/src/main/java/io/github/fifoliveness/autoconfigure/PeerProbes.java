package io.github.fifoliveness.autoconfigure;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BinaryOperator;

import io.github.fifoliveness.peer.ExpectedOwner;
import io.github.fifoliveness.peer.FifoPeerProbe;
import io.github.fifoliveness.peer.GracePeriods;
import io.github.fifoliveness.peer.PeerProbe;
import io.github.fifoliveness.peer.Peers;
import io.github.fifoliveness.peer.PidFilePeerProbe;
import io.github.fifoliveness.posix.NativePosix;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.MutuallyExclusiveConfigurationPropertiesException;
import org.springframework.core.env.Environment;

/**
 * Turns the configured peers into probes, in configuration order, failing on a peer whose
 * name binding would change or merge, or that does not say exactly how to probe it.
 */
final class PeerProbes {

	private static final Log logger = LogFactory.getLog(PeerProbes.class);

	private PeerProbes() {
	}

	static Peers of(FifoLivenessProperties properties, Environment environment, NativePosix posix) {
		PeerNames.check(environment, properties.getPeers().keySet());
		Map<String, PeerProbe> probes = new LinkedHashMap<>();
		properties.getPeers().forEach((name, peer) -> probes.put(name, of(name, peer, posix)));
		warnOfOneFileTwice(probes);
		Duration downAfter = notNegative("fifo-liveness.monitor.down-after", properties.getMonitor().getDownAfter());
		Map<String, Duration> downAfters = new LinkedHashMap<>();
		properties.getPeers()
			.forEach((name, peer) -> downAfters.put(name, (peer.getDownAfter() != null)
					? notNegative("fifo-liveness.peers." + name + ".down-after", peer.getDownAfter()) : downAfter));
		Duration startupGrace = startupGrace("fifo-liveness.monitor.startup-grace",
				properties.getMonitor().getStartupGrace(), Duration.ZERO);
		Map<String, Duration> startupGraces = new LinkedHashMap<>();
		properties.getPeers()
			.forEach((name, peer) -> startupGraces.put(name, startupGrace(
					"fifo-liveness.peers." + name + ".startup-grace", peer.getStartupGrace(), startupGrace)));
		return new Peers(probes, downAfters, startupGraces);
	}

	private static void warnOfOneFileTwice(Map<String, PeerProbe> probes) {
		Map<String, Object> files = new LinkedHashMap<>();
		probes.forEach(
				(name, probe) -> files.put(name, probe.inputs().getOrDefault("path", probe.inputs().get("pidFile"))));
		warnOfOneTwice(files,
				(first, name) -> "Peers '" + first + "' and '" + name + "' name the same file '" + files.get(name)
						+ "', so both report the same process. If one of them is meant to be another,"
						+ " correct 'fifo-liveness.peers." + name + "'.");
	}

	/**
	 * Warn of each name whose key an earlier name has: most often a copied line, kept as
	 * two names for one thing may be meant.
	 */
	static void warnOfOneTwice(Map<String, ?> keys, BinaryOperator<String> warning) {
		Map<Object, String> firstNames = new HashMap<>();
		keys.forEach((name, key) -> {
			String first = firstNames.putIfAbsent(key, name);
			if (first != null) {
				logger.warn(warning.apply(first, name));
			}
		});
	}

	static Duration startupGrace(String property, @Nullable Duration value, Duration otherwise) {
		return (value != null) ? PropertyRules.check(property, value, () -> GracePeriods.startupGrace(value))
				: otherwise;
	}

	static Duration notNegative(String property, Duration value) {
		return PropertyRules.check(property, value, () -> GracePeriods.downAfter(value));
	}

	private static PeerProbe of(String name, PeerProperties peer, NativePosix posix) {
		String prefix = "fifo-liveness.peers." + name;
		if (peer.getPath() != null && peer.getPidFile() != null) {
			Set<String> both = new LinkedHashSet<>(List.of(prefix + ".path", prefix + ".pid-file"));
			throw new MutuallyExclusiveConfigurationPropertiesException(both, both);
		}
		if (peer.getPath() == null && peer.getPidFile() == null) {
			throw new InvalidPeerException(name, "it has neither");
		}
		ExpectedOwner owner = owner(prefix + ".owner", peer.getOwner(), posix);
		if (!owner.isChecked()) {
			logger.warn("Peer '" + name + "': this monitor runs as root, so it does not check who owns the peer's "
					+ ((peer.getPath() != null) ? "FIFO" : "PID file")
					+ ", and a file another user put there would count. Set '" + prefix
					+ ".owner' to the user that runs the peer.");
		}
		if (peer.getPidFile() != null) {
			return new PidFilePeerProbe(PathProperty.file(prefix + ".pid-file", peer.getPidFile()), owner, posix);
		}
		return new FifoPeerProbe(PathProperty.file(prefix + ".path", peer.getPath()), owner, posix);
	}

	static ExpectedOwner owner(String property, @Nullable String value, NativePosix posix) {
		if (value == null) {
			return ExpectedOwner.of(null, posix.effectiveUid());
		}
		return owner(property, value, posix, "the monitor's own user");
	}

	static ExpectedOwner owner(String property, String value, NativePosix posix, String otherwise) {
		return PropertyRules.check(property, value, () -> ExpectedOwner.configured(value, posix),
				"Remove the property to expect " + otherwise + " instead.");
	}

}
