package io.github.fifoliveness.autoconfigure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.github.fifoliveness.peer.Peers;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.StringUtils;

/**
 * Checks that every configured peer name names exactly one peer, as it was written.
 * Relaxed binding ignores case, '-' and '_' when it matches names, and drops characters
 * it does not accept: two spellings of one name would become two peers probed at the same
 * path (a dead one reported UP), and 'café' would become 'caf'. Both are visible only in
 * the property sources' own names, so that is where they are read.
 */
final class PeerNames {

	/** Where peers are configured. */
	static final ConfigurationPropertyName PEERS = ConfigurationPropertyName.of("fifo-liveness.peers");

	/** Where peer folders are configured; their names follow the same rules. */
	static final ConfigurationPropertyName PEER_FOLDERS = ConfigurationPropertyName.of("fifo-liveness.peer-folders");

	// Both prefixes have two elements.
	private static final int NAME_ELEMENT = PEERS.getNumberOfElements();

	private static final String RULE = "Names of lowercase letters, digits and dashes always work, such as 'orders-eu'.";

	private PeerNames() {
	}

	static void check(Environment environment, Collection<String> boundNames) {
		check(environment, PEERS, boundNames);
	}

	static void check(Environment environment, ConfigurationPropertyName prefix, Collection<String> boundNames) {
		List<Spelling> spellings = spellings(environment, prefix);
		spellings.forEach(PeerNames::refuseDroppedCharacters);
		refuseSpellingsOfOnePeer(prefix, spellings);
		boundNames.forEach((name) -> refuseBadName(prefix, name));
	}

	private static List<Spelling> spellings(Environment environment, ConfigurationPropertyName prefix) {
		String letters = prefix.toString().replaceAll("[^a-z0-9]", "");
		List<Spelling> spellings = new ArrayList<>();
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (source.getUnderlyingSource() instanceof EnumerablePropertySource<?> propertySource) {
				for (String property : propertySource.getPropertyNames()) {
					ConfigurationPropertyName name = mayNameAPeer(property, letters) ? adapt(propertySource, property)
							: null;
					if (name != null && prefix.isAncestorOf(name)) {
						spellings.add(new Spelling(name, property, where(propertySource, property)));
					}
				}
			}
		}
		return spellings;
	}

	// A cheap filter: binding keeps ASCII letters and digits, so a peer's property has
	// these.
	private static boolean mayNameAPeer(String property, String letters) {
		int matched = 0;
		for (int i = 0; i < property.length() && matched < letters.length(); i++) {
			char c = Character.toLowerCase(property.charAt(i));
			if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
				if (c != letters.charAt(matched++)) {
					return false;
				}
			}
		}
		return matched == letters.length();
	}

	// The name exactly as binding sees it.
	private static @Nullable ConfigurationPropertyName adapt(EnumerablePropertySource<?> source, String property) {
		if (!(source instanceof SystemEnvironmentPropertySource)) {
			return ConfigurationPropertyName.adapt(property, '.');
		}
		// Environment variables are adapted their own way: let Spring Boot do it.
		PropertySource<?> copy = new SystemEnvironmentPropertySource(source.getName(), Map.of(property, ""));
		ConfigurationPropertySource adapted = ConfigurationPropertySource.from(copy);
		return (adapted instanceof IterableConfigurationPropertySource iterable)
				? iterable.stream().findFirst().orElse(null) : null;
	}

	private static String where(PropertySource<?> source, String property) {
		Origin origin = PropertySourceOrigin.get(source, property);
		if (origin instanceof PropertySourceOrigin propertySourceOrigin && propertySourceOrigin.getOrigin() == null) {
			return "property source '" + source.getName() + "'";
		}
		return origin.toString();
	}

	private static void refuseDroppedCharacters(Spelling spelling) {
		String dropped = spelling.droppedCharacters();
		if (!dropped.isEmpty()) {
			throw new InvalidPeerNameException(
					"Property '" + spelling.property() + "' (" + spelling.where() + ") binds as '" + spelling.name()
							+ "': Spring Boot's binding drops " + dropped
							+ " from property names, so the peer would be watched as '" + spelling.peerName() + "'.",
					"Write the peer's name and properties in characters that binding keeps. " + RULE);
		}
	}

	private static void refuseSpellingsOfOnePeer(ConfigurationPropertyName prefix, List<Spelling> spellings) {
		Map<ConfigurationPropertyName, Map<String, Spelling>> byPeer = new LinkedHashMap<>();
		for (Spelling spelling : spellings) {
			byPeer.computeIfAbsent(spelling.peer(), (peer) -> new TreeMap<>())
				.putIfAbsent(spelling.peerName(), spelling);
		}
		boolean folders = prefix.equals(PEER_FOLDERS);
		String what = folders ? "peer folder" : "peer";
		for (Map<String, Spelling> ofOnePeer : byPeer.values()) {
			if (ofOnePeer.size() > 1) {
				throw new InvalidPeerNameException(
						StringUtils.capitalize(what) + " names " + quoted(ofOnePeer.keySet()) + " bind to one " + what
								+ ": Spring Boot's relaxed binding ignores case, '-' and '_' when it"
								+ " matches names, so each would be a " + what + " of its own, "
								+ (folders ? "all following the same folder."
										: "all probed at the same path (a dead peer could show UP).")
								+ ofOnePeer.values()
									.stream()
									.map((spelling) -> "\n    '" + spelling.peerName() + "' from '"
											+ spelling.property() + "' (" + spelling.where() + ")")
									.collect(Collectors.joining()),
						"Spell each " + what + " the same way in every property source, and give different " + what
								+ "s names that differ in more than case, '-' and '_'. " + RULE + " Environment"
								+ " variables cannot carry a dash: to set a dashed " + what + " from the environment,"
								+ " use SPRING_APPLICATION_JSON, such as SPRING_APPLICATION_JSON='{\"" + prefix
								+ ".orders-eu.path\":\"/run/orders-eu" + (folders ? "" : "/orders-eu.fifo") + "\"}'.");
			}
		}
	}

	// The core's rule of names, said as the name was configured.
	private static void refuseBadName(ConfigurationPropertyName prefix, String name) {
		try {
			Peers.name(name);
		}
		catch (IllegalArgumentException ex) {
			String what = prefix.equals(PEER_FOLDERS) ? "peer folder" : "peer";
			throw new InvalidPeerNameException(
					StringUtils.capitalize(what) + " name '" + name + "' (" + prefix + "[" + name + "]) is refused. "
							+ ex.getMessage(),
					"Rename the " + what + ": not blank, no white space at either end, and without '/'. " + RULE);
		}
	}

	private static String quoted(Collection<String> names) {
		List<String> quoted = names.stream().map((name) -> "'" + name + "'").toList();
		return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " and " + quoted.get(quoted.size() - 1);
	}

	/**
	 * One property under {@code fifo-liveness.peers} as a property source spells it.
	 *
	 * @param name the name binding sees
	 * @param property the property source's own name for it
	 * @param where where it was set
	 */
	private record Spelling(ConfigurationPropertyName name, String property, String where) {

		// Separators and brackets are not characters of a name.
		private static final String STRUCTURE = "._[]";

		ConfigurationPropertyName peer() {
			return this.name.chop(NAME_ELEMENT + 1);
		}

		String peerName() {
			return this.name.getElement(NAME_ELEMENT, Form.ORIGINAL);
		}

		// The characters of the source's name that no element of the bound name kept.
		String droppedCharacters() {
			StringBuilder kept = new StringBuilder();
			for (int i = 0; i < this.name.getNumberOfElements(); i++) {
				kept.append(this.name.getElement(i, Form.ORIGINAL).toLowerCase(Locale.ROOT));
			}
			StringBuilder dropped = new StringBuilder();
			this.property.toLowerCase(Locale.ROOT).codePoints().filter((c) -> STRUCTURE.indexOf(c) < 0).forEach((c) -> {
				int at = kept.indexOf(Character.toString(c));
				if (at >= 0) {
					kept.delete(at, at + Character.charCount(c));
				}
				else {
					dropped.append((dropped.length() == 0) ? "'" : ", '").appendCodePoint(c).append('\'');
				}
			});
			return dropped.toString();
		}

	}

}
