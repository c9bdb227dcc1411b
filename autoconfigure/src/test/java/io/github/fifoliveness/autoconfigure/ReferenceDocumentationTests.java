package io.github.fifoliveness.autoconfigure;

import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import io.github.fifoliveness.beacon.BeaconDownReason;
import io.github.fifoliveness.peer.DownReason;
import io.github.fifoliveness.peer.PeerFolderDownReason;
import io.github.fifoliveness.peer.UnknownReason;
import io.github.fifoliveness.posix.NativePosixUnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import org.springframework.beans.BeanUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The reference in {@code docs/} cannot drift from the code: every property of the
 * configuration metadata is on the configuration page, every reason code a health
 * indicator reports is on the health page, every relative link between the README and the
 * pages resolves (file and heading), every page has a table of contents, and every YAML
 * manifest in the docs parses; pods share their FIFOs on an {@code emptyDir} as one user,
 * and can be applied as written ({@link KubernetesManifestRules}, and kubectl's dry run
 * where it reaches a cluster).
 */
class ReferenceDocumentationTests {

	/**
	 * Every enum whose names a health indicator puts in {@code reason}, and the heading
	 * of the health page that lists them.
	 */
	private static final List<ReasonCodes> REASON_CODES = List.of(
			new ReasonCodes(DownReason.class, "Why a peer is DOWN"),
			new ReasonCodes(UnknownReason.class, "Not seen yet: the start-up grace"),
			new ReasonCodes(BeaconDownReason.class, "The application's own beacon"),
			new ReasonCodes(PeerFolderDownReason.class, "A peer folder's health"));

	private static final Path ROOT = MarkdownPage.repository();

	private static final MarkdownPage CONFIGURATION = MarkdownPage.of(ROOT.resolve("docs/configuration.md"));

	private static final MarkdownPage HEALTH = MarkdownPage.of(ROOT.resolve("docs/health.md"));

	@ParameterizedTest
	@MethodSource("properties")
	void everyPropertyIsOnTheConfigurationPage(String property) {
		assertThat(documentedProperties(CONFIGURATION.codeSpans()).contains(property))
			.as("docs/configuration.md names `%s` (a map entry with any <placeholder> for the key)",
					displayed(property))
			.isTrue();
	}

	@Test
	void theConfigurationPageListsNoPropertyThatDoesNotExist() throws IOException {
		Set<String> rows = documentedProperties(CONFIGURATION.firstColumn()
			.stream()
			.map((cell) -> cell.replace("`", ""))
			.filter((cell) -> cell.startsWith("fifo-liveness.") || cell.startsWith("management.health."))
			.toList());
		Set<String> properties = properties();
		assertThat(rows).as("properties in the tables of docs/configuration.md, which the metadata must have")
			.allSatisfy((row) -> assertThat(properties).contains(row));
	}

	@Test
	void upgradingPageAndHowItWorksNameTheJnrPosixTheCoreAsksFor() throws IOException {
		String coordinates = NativePosixUnavailableException.JNR_POSIX;
		String[] parts = coordinates.split(":");
		assertThat(Files.readString(ROOT.resolve("docs/upgrading.md")))
			.contains("<groupId>" + parts[0] + "</groupId>\n\t<artifactId>" + parts[1] + "</artifactId>\n\t<version>"
					+ parts[2] + "</version>")
			.contains("`implementation(\"" + coordinates + "\")`")
			.contains("add " + coordinates + " to the application's dependencies");
		assertThat(Files.readString(ROOT.resolve("docs/how-it-works.md"))).contains("`" + coordinates + "`");
	}

	@Test
	void everyDeprecatedPropertyIsOnTheUpgradingPage() throws IOException {
		Set<String> deprecated = new TreeSet<>();
		try (InputStream metadata = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(metadata).isNotNull();
			deprecated.addAll(JsonPath.parse(metadata).read("$.properties[?(@.deprecated == true)].name"));
		}
		assertThat(deprecated).as("deprecated properties in the metadata").isNotEmpty();
		Set<String> listed = MarkdownPage.of(ROOT.resolve("docs/upgrading.md")).codeSpansUnder("Deprecated properties");
		assertThat(listed).as("docs/upgrading.md, under 'Deprecated properties'").containsAll(deprecated);
	}

	@ParameterizedTest
	@MethodSource("reasonCodes")
	void everyReasonCodeIsOnTheHealthPage(ReasonCodes codes) {
		Set<String> listed = HEALTH.codeSpansUnder(codes.heading());
		for (Enum<?> code : codes.type().getEnumConstants()) {
			assertThat(listed.contains(code.name()))
				.as("`%s` (%s) under '%s' in docs/health.md", code.name(), codes.type().getSimpleName(),
						codes.heading())
				.isTrue();
		}
	}

	@ParameterizedTest
	@MethodSource("pages")
	void everyRelativeLinkResolves(MarkdownPage page) {
		for (String link : page.links()) {
			if (link.matches("^[a-z]+:.*")) {
				continue;
			}
			String[] parts = link.split("#", 2);
			Path target = parts[0].isEmpty() ? page.file() : page.file().getParent().resolve(parts[0]).normalize();
			assertThat(target).as("%s links %s", page, link).startsWithRaw(ROOT).exists();
			if (parts.length == 2) {
				assertThat(target.toString()).as("%s links %s: an anchor into a Markdown page", page, link)
					.endsWith(".md");
				assertThat(MarkdownPage.of(target).anchors()).as("%s links %s: a heading of %s", page, link, parts[0])
					.contains(parts[1]);
			}
		}
	}

	@ParameterizedTest
	@MethodSource("docs")
	void everyPageHasATableOfContents(MarkdownPage page) {
		List<String> toc = page.tableOfContents();
		for (MarkdownPage.Heading heading : page.headings()) {
			if (heading.level() == 2) {
				assertThat(toc).as("%s's table of contents links '%s'", page, heading.text())
					.contains("#" + heading.anchor());
			}
		}
	}

	@ParameterizedTest
	@MethodSource("yamlDocuments")
	void everyManifestParses(String where, String yaml) {
		assertThat(parse(yaml)).as(where).isNotEmpty();
	}

	@ParameterizedTest
	@MethodSource("yamlDocuments")
	void everyPodSharesItsFifosOnAnEmptyDirAsOneUser(String where, String yaml) {
		for (Object document : parse(yaml)) {
			if (document instanceof Map<?, ?> manifest && "Pod".equals(manifest.get("kind"))) {
				checkPod(where + " (" + ((Map<?, ?>) manifest.get("metadata")).get("name") + ")",
						(Map<?, ?>) manifest.get("spec"));
			}
		}
	}

	@ParameterizedTest
	@MethodSource("yamlDocuments")
	void everyKubernetesManifestCanBeAppliedAsWritten(String where, String yaml) {
		for (Object document : parse(yaml)) {
			assertThat(KubernetesManifestRules.violations(document))
				.as("%s: Pod Security \"restricted\", exec probes' timeoutSeconds, startup probes, readiness groups,"
						+ " emptyDir size limits, whole manifests", where)
				.isEmpty();
		}
	}

	@ParameterizedTest
	@MethodSource("yamlDocuments")
	void kubectlAppliesEveryManifestInADryRun(String where, String yaml) {
		if (parse(yaml).stream()
			.noneMatch((document) -> document instanceof Map<?, ?> manifest && manifest.containsKey("apiVersion")
					&& manifest.containsKey("kind"))) {
			return;
		}
		String unavailable = KubectlDryRun.unavailable();
		assumeTrue(unavailable == null, () -> unavailable + "; the structural checks above still ran");
		KubectlDryRun.Result applied = KubectlDryRun.apply(yaml);
		assertThat(applied.status()).as("%s: kubectl apply --dry-run=client says %s", where, applied.output()).isZero();
	}

	private static void checkPod(String where, Map<?, ?> spec) {
		Set<String> emptyDirs = new TreeSet<>();
		for (Map<?, ?> volume : maps(spec.get("volumes"))) {
			if (volume.containsKey("emptyDir")) {
				emptyDirs.add((String) volume.get("name"));
			}
		}
		Object podUser = (spec.get("securityContext") instanceof Map<?, ?> context) ? context.get("runAsUser") : null;
		Set<Object> users = new LinkedHashSet<>();
		List<String> peersWithoutOwner = new ArrayList<>();
		List<Map<?, ?>> containers = new ArrayList<>(maps(spec.get("initContainers")));
		containers.addAll(maps(spec.get("containers")));
		for (Map<?, ?> container : containers) {
			String name = where + " container " + container.get("name");
			List<String> shared = maps(container.get("volumeMounts")).stream()
				.filter((mount) -> emptyDirs.contains(mount.get("name")))
				.map((mount) -> mount.get("mountPath") + "/")
				.toList();
			Map<String, String> env = new LinkedHashMap<>();
			maps(container.get("env"))
				.forEach((variable) -> env.put((String) variable.get("name"), String.valueOf(variable.get("value"))));
			if (env.keySet().stream().noneMatch((variable) -> variable.startsWith("FIFOLIVENESS_"))) {
				continue;
			}
			assertThat(env).as("%s sets its beacon's path, or turns the beacon off", name)
				.satisfiesAnyOf((vars) -> assertThat(vars).containsKey("FIFOLIVENESS_BEACON_PATH"),
						(vars) -> assertThat(vars).containsEntry("FIFOLIVENESS_BEACON_ENABLED", "false"));
			env.forEach((variable, value) -> {
				if (variable.startsWith("FIFOLIVENESS_") && variable.endsWith("_PATH")) {
					assertThat(shared).as("%s: %s=%s is on an emptyDir it mounts", name, variable, value)
						.anySatisfy((mountPath) -> assertThat(value).startsWith(mountPath));
				}
				if (variable.startsWith("FIFOLIVENESS_PEERS_") && variable.endsWith("_PATH")
						&& !env.containsKey(variable.replaceAll("_PATH$", "_OWNER"))) {
					peersWithoutOwner.add(name + " " + variable);
				}
			});
			Object user = (container.get("securityContext") instanceof Map<?, ?> context
					&& context.get("runAsUser") != null) ? context.get("runAsUser") : podUser;
			users.add(String.valueOf(user));
		}
		if (!peersWithoutOwner.isEmpty()) {
			assertThat(users)
				.as("%s runs its containers as one user, or sets each peer's owner: %s", where, peersWithoutOwner)
				.hasSize(1)
				.doesNotContain("null");
		}
	}

	private static List<Map<?, ?>> maps(Object list) {
		if (list == null) {
			return List.of();
		}
		List<Map<?, ?>> maps = new ArrayList<>();
		for (Object item : (List<?>) list) {
			maps.add((Map<?, ?>) item);
		}
		return maps;
	}

	private static List<Object> parse(String yaml) {
		List<Object> documents = new ArrayList<>();
		new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml).forEach(documents::add);
		return documents;
	}

	/**
	 * The properties in the configuration metadata, the generated file and the
	 * hand-written one, a map's entries as {@code <map>.*.<property>}.
	 */
	static Set<String> properties() throws IOException {
		Set<String> properties = new TreeSet<>();
		for (String resource : List.of("/META-INF/spring-configuration-metadata.json",
				"/META-INF/additional-spring-configuration-metadata.json")) {
			try (InputStream metadata = ReferenceDocumentationTests.class.getResourceAsStream(resource)) {
				assertThat(metadata).as(resource).isNotNull();
				List<Map<String, Object>> entries = JsonPath.parse(metadata).read("$.properties[*]");
				for (Map<String, Object> entry : entries) {
					String name = (String) entry.get("name");
					String type = (String) entry.get("type");
					if (type != null && type.startsWith("java.util.Map<")) {
						properties.addAll(mapEntries(name, type.substring(type.indexOf(',') + 1, type.length() - 1)));
					}
					else {
						properties.add(name);
					}
				}
			}
		}
		return properties;
	}

	private static Set<String> mapEntries(String map, String valueType) {
		if (valueType.startsWith("java.")) {
			// A map of plain values, such as strings.
			return Set.of(map + ".*");
		}
		Set<String> entries = new TreeSet<>();
		Class<?> type;
		try {
			type = Class.forName(valueType, false, ReferenceDocumentationTests.class.getClassLoader());
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException("The metadata names a map of " + valueType + ", which is not here", ex);
		}
		for (String property : propertiesOf(type)) {
			entries.add(map + ".*." + property);
		}
		return entries;
	}

	/**
	 * A bound class's properties: a record's components, else its setters or constructor.
	 */
	private static List<String> propertiesOf(Class<?> type) {
		if (type.isRecord()) {
			return Arrays.stream(type.getRecordComponents())
				.map(RecordComponent::getName)
				.map(ReferenceDocumentationTests::dashed)
				.toList();
		}
		List<String> setters = Arrays.stream(BeanUtils.getPropertyDescriptors(type))
			.filter((descriptor) -> descriptor.getWriteMethod() != null)
			.map(PropertyDescriptor::getName)
			.map(ReferenceDocumentationTests::dashed)
			.toList();
		if (!setters.isEmpty()) {
			return setters;
		}
		Constructor<?> constructor = Arrays.stream(type.getDeclaredConstructors())
			.max(Comparator.comparingInt(Constructor::getParameterCount))
			.orElseThrow();
		return Arrays.stream(constructor.getParameters())
			.map(Parameter::getName)
			.map(ReferenceDocumentationTests::dashed)
			.toList();
	}

	private static String dashed(String camelCase) {
		return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

	/** Property names as a page writes them, any {@code <placeholder>} as {@code *}. */
	private static Set<String> documentedProperties(Iterable<String> spans) {
		Set<String> names = new TreeSet<>();
		for (String span : spans) {
			names.add(span.replaceAll("<[^>]+>", "*"));
		}
		return names;
	}

	private static String displayed(String property) {
		return property.replace("*", "<name>");
	}

	static List<ReasonCodes> reasonCodes() {
		return REASON_CODES;
	}

	static List<MarkdownPage> pages() {
		return MarkdownPage.all();
	}

	static List<MarkdownPage> docs() {
		return MarkdownPage.docs();
	}

	static Stream<Arguments> yamlDocuments() throws IOException {
		List<Arguments> documents = new ArrayList<>();
		for (MarkdownPage page : MarkdownPage.all()) {
			for (MarkdownPage.CodeBlock block : page.codeBlocks(Set.of("yaml", "yml"))) {
				documents.add(Arguments.of(block.where(), block.text()));
			}
		}
		try (Stream<Path> files = Files.walk(ROOT.resolve("docs"))) {
			for (Path file : files.filter((path) -> path.toString().matches(".*\\.ya?ml$")).sorted().toList()) {
				documents.add(Arguments.of(ROOT.relativize(file).toString(), Files.readString(file)));
			}
		}
		return documents.stream();
	}

	record ReasonCodes(Class<? extends Enum<?>> type, String heading) {

		@Override
		public String toString() {
			return this.type.getSimpleName();
		}

	}

}
