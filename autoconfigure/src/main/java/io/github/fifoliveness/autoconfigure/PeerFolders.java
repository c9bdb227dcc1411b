package io.github.fifoliveness.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.fifoliveness.peer.ExpectedOwner;
import io.github.fifoliveness.peer.PeerFolder;
import io.github.fifoliveness.posix.NativePosix;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.env.Environment;

/**
 * Makes the {@link PeerFolder peer folders} configured under
 * {@code fifo-liveness.peer-folders}, refusing what cannot work with the property and
 * value named.
 */
final class PeerFolders {

	private PeerFolders() {
	}

	static List<PeerFolder> of(FifoLivenessProperties properties, Environment environment, NativePosix posix) {
		PeerNames.check(environment, PeerNames.PEER_FOLDERS, properties.getPeerFolders().keySet());
		Duration downAfter = PeerProbes.notNegative("fifo-liveness.monitor.down-after",
				properties.getMonitor().getDownAfter());
		Duration startupGrace = PeerProbes.startupGrace("fifo-liveness.monitor.startup-grace",
				properties.getMonitor().getStartupGrace(), Duration.ZERO);
		List<PeerFolder> folders = new ArrayList<>();
		properties.getPeerFolders()
			.forEach((name, folder) -> folders.add(of(name, folder, properties, downAfter, startupGrace, posix)));
		warnOfOneFolderTwice(folders);
		return folders;
	}

	// Another pattern or owner makes other members.
	private static void warnOfOneFolderTwice(List<PeerFolder> folders) {
		Map<String, PeerFolder> byName = new LinkedHashMap<>();
		Map<String, List<String>> members = new LinkedHashMap<>();
		for (PeerFolder folder : folders) {
			byName.put(folder.name(), folder);
			members.put(folder.name(),
					List.of(folder.path().normalize().toString(), folder.pattern(), String.valueOf(folder.owner())));
		}
		PeerProbes.warnOfOneTwice(members, (first, name) -> "Peer folders '" + first + "' and '" + name
				+ "' follow the same folder '" + byName.get(name).path()
				+ "' with the same pattern and owner, so both report the same members. If one of them is meant to be"
				+ " another, correct 'fifo-liveness.peer-folders." + name + "'.");
	}

	private static PeerFolder of(String name, PeerFolderProperties folder, FifoLivenessProperties properties,
			Duration downAfter, Duration startupGrace, NativePosix posix) {
		String prefix = "fifo-liveness.peer-folders." + name;
		if (properties.getPeers().containsKey(name)) {
			throw new InvalidConfigurationPropertyValueException(prefix + ".path", folder.getPath(),
					"A peer is named '" + name + "' too, and both would be /actuator/health/peers/" + name
							+ ": give the peer folder another name.");
		}
		Path path = PathProperty.folder(prefix + ".path", folder.getPath());
		PropertyRules.check(prefix + ".pattern", folder.getPattern(), () -> PeerFolder.matcher(folder.getPattern()));
		int minUp = PropertyRules.check(prefix + ".min-up", folder.getMinUp(),
				() -> PeerFolder.minUp(folder.getMinUp()));
		// Above the default, the user set min-up and not max-members: min-up is the one
		// to name.
		boolean defaultMax = folder.getMaxMembers() == PeerFolder.DEFAULT_MAX_MEMBERS;
		PropertyRules.check(prefix + (defaultMax ? ".min-up" : ".max-members"),
				defaultMax ? minUp : folder.getMaxMembers(), () -> PeerFolder.maxMembers(folder.getMaxMembers(), minUp),
				defaultMax ? "Set '" + prefix + ".max-members' (" + PeerFolder.DEFAULT_MAX_MEMBERS
						+ " by default) to at least " + minUp + " too." : null);
		ExpectedOwner owner = (folder.getOwner() != null)
				? PeerProbes.owner(prefix + ".owner", folder.getOwner(), posix, "the folder's owner") : null;
		Duration memberDownAfter = (folder.getDownAfter() != null)
				? PeerProbes.notNegative(prefix + ".down-after", folder.getDownAfter()) : downAfter;
		return new PeerFolder(name, path, folder.getPattern(), folder.getMinUp(), owner, folder.getMaxMembers(),
				memberDownAfter,
				PeerProbes.startupGrace(prefix + ".startup-grace", folder.getStartupGrace(), startupGrace));
	}

}
