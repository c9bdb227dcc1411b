package io.github.fifoliveness.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an operator can apply as written, read from one parsed YAML document: a pod (alone
 * or as a workload's template) that Pod Security "restricted" admits, whose exec probes
 * set {@code timeoutSeconds} (the default second is enforced and too short for a JVM),
 * whose Spring Boot containers have a {@code startupProbe} and readiness groups with
 * {@code readinessState}, whose {@code emptyDir}s have a {@code sizeLimit}, and that is a
 * whole manifest rather than a piece of one.
 */
final class KubernetesManifestRules {

	/** Volume types that the "restricted" profile admits. */
	private static final Set<String> RESTRICTED_VOLUMES = Set.of("configMap", "csi", "downwardAPI", "emptyDir",
			"ephemeral", "persistentVolumeClaim", "projected", "secret");

	private static final Set<String> PROBES = Set.of("startupProbe", "livenessProbe", "readinessProbe");

	private KubernetesManifestRules() {
	}

	/**
	 * Return what is wrong with one YAML document, one line per finding; empty when
	 * nothing is, or when it is no Kubernetes manifest at all.
	 * @param document the parsed document
	 * @return the findings
	 */
	static List<String> violations(Object document) {
		List<String> found = new ArrayList<>();
		execProbesWithoutTimeout(document, "", found);
		if (!(document instanceof Map<?, ?> manifest)) {
			return found;
		}
		if (!manifest.containsKey("kind")
				&& (manifest.containsKey("containers") || manifest.containsKey("initContainers"))) {
			found.add("a piece of a pod spec: give the whole manifest (apiVersion, kind, metadata, spec)");
		}
		Map<?, ?> pod = podSpec(manifest);
		if (pod != null) {
			checkPod(pod, found);
		}
		return found;
	}

	/** The pod spec of a Pod, or of a workload's pod template. */
	private static Map<?, ?> podSpec(Map<?, ?> manifest) {
		Object kind = manifest.get("kind");
		Map<?, ?> spec = map(manifest.get("spec"));
		if ("Pod".equals(kind)) {
			return spec;
		}
		if ("CronJob".equals(kind)) {
			spec = map(map(spec.get("jobTemplate")).get("spec"));
		}
		return (spec.get("template") instanceof Map<?, ?> template) ? map(template.get("spec")) : null;
	}

	private static void checkPod(Map<?, ?> pod, List<String> found) {
		Map<?, ?> podContext = map(pod.get("securityContext"));
		for (String hostNamespace : List.of("hostNetwork", "hostPID", "hostIPC")) {
			if (Boolean.TRUE.equals(pod.get(hostNamespace))) {
				found.add("the pod sets " + hostNamespace + ", which \"restricted\" refuses");
			}
		}
		Map<String, Map<?, ?>> volumes = new LinkedHashMap<>();
		for (Map<?, ?> volume : maps(pod.get("volumes"))) {
			volumes.put(String.valueOf(volume.get("name")), volume);
			volume.keySet()
				.stream()
				.filter((key) -> !"name".equals(key) && !RESTRICTED_VOLUMES.contains(key))
				.forEach((key) -> found
					.add("volume " + volume.get("name") + " is a " + key + " volume, which \"restricted\" refuses"));
			if (volume.containsKey("emptyDir") && map(volume.get("emptyDir")).get("sizeLimit") == null) {
				found.add("emptyDir " + volume.get("name") + " has no sizeLimit");
			}
		}
		for (String list : List.of("initContainers", "containers", "ephemeralContainers")) {
			for (Map<?, ?> container : maps(pod.get(list))) {
				// An init container runs once, unless it is a native sidecar.
				boolean longLived = !"initContainers".equals(list) || "Always".equals(container.get("restartPolicy"));
				checkContainer(container, longLived, podContext, found);
			}
		}
	}

	private static void checkContainer(Map<?, ?> container, boolean longLived, Map<?, ?> podContext,
			List<String> found) {
		String name = "container " + container.get("name");
		Map<?, ?> context = map(container.get("securityContext"));
		if (!Boolean.TRUE.equals(setting("runAsNonRoot", context, podContext))) {
			found.add(name + " lacks runAsNonRoot: true (in its securityContext or the pod's)");
		}
		Object user = setting("runAsUser", context, podContext);
		if (user != null && String.valueOf(user).equals("0")) {
			found.add(name + " runs as user 0");
		}
		Object seccomp = map(setting("seccompProfile", context, podContext)).get("type");
		if (!"RuntimeDefault".equals(seccomp) && !"Localhost".equals(seccomp)) {
			found.add(name + " lacks seccompProfile.type: RuntimeDefault (in its securityContext or the pod's)");
		}
		if (!Boolean.FALSE.equals(context.get("allowPrivilegeEscalation"))) {
			found.add(name + " lacks allowPrivilegeEscalation: false");
		}
		if (Boolean.TRUE.equals(context.get("privileged"))) {
			found.add(name + " is privileged");
		}
		Map<?, ?> capabilities = map(context.get("capabilities"));
		if (!strings(capabilities.get("drop")).contains("ALL")) {
			found.add(name + " lacks capabilities.drop: [ALL]");
		}
		strings(capabilities.get("add")).stream()
			.filter((added) -> !"NET_BIND_SERVICE".equals(added))
			.forEach((added) -> found.add(name + " adds capability " + added + ", which \"restricted\" refuses"));
		Map<String, String> env = env(container);
		boolean spring = env.keySet()
			.stream()
			.anyMatch((variable) -> variable.startsWith("FIFOLIVENESS_") || variable.startsWith("MANAGEMENT_")
					|| variable.startsWith("SERVER_") || variable.startsWith("SPRING_"));
		if (spring && longLived && container.get("startupProbe") == null) {
			found.add(name + " is a long-lived Spring Boot application without a startupProbe");
		}
		Object readinessPath = map(map(container.get("readinessProbe")).get("httpGet")).get("path");
		if (readinessPath != null) {
			checkReadinessGroup(name, String.valueOf(readinessPath), env, found);
		}
		String exposed = env.getOrDefault("MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE", "");
		if (List.of(exposed.split(",")).contains("prometheus")
				&& maps(container.get("ports")).stream().noneMatch((port) -> port.get("name") != null)) {
			found.add(name + " exposes prometheus but names no port to scrape");
		}
	}

	/** The group that serves a readiness probe's path must include readinessState. */
	private static void checkReadinessGroup(String name, String path, Map<String, String> env, List<String> found) {
		env.forEach((variable, value) -> {
			if (variable.startsWith("MANAGEMENT_ENDPOINT_HEALTH_GROUP_") && variable.endsWith("_ADDITIONALPATH")
					&& value.equals("server:" + path)) {
				String include = env.getOrDefault(variable.replaceAll("_ADDITIONALPATH$", "_INCLUDE"), "");
				if (!List.of(include.split(",")).contains("readinessState")) {
					found.add(name + "'s readiness group at " + path + " does not include readinessState");
				}
			}
		});
	}

	/** Every probe with an {@code exec} handler, wherever it is in the document. */
	private static void execProbesWithoutTimeout(Object node, String where, List<String> found) {
		if (node instanceof Map<?, ?> map) {
			String here = (map.get("name") != null) ? map.get("name") + " " : where;
			map.forEach((key, value) -> {
				if (PROBES.contains(key) && value instanceof Map<?, ?> probe && probe.containsKey("exec")
						&& probe.get("timeoutSeconds") == null) {
					found.add(here + key + " runs a command without timeoutSeconds (1 s by default, enforced)");
				}
				execProbesWithoutTimeout(value, here, found);
			});
		}
		else if (node instanceof List<?> list) {
			list.forEach((item) -> execProbesWithoutTimeout(item, where, found));
		}
	}

	private static Object setting(String key, Map<?, ?> container, Map<?, ?> pod) {
		return (container.get(key) != null) ? container.get(key) : pod.get(key);
	}

	private static Map<String, String> env(Map<?, ?> container) {
		Map<String, String> env = new LinkedHashMap<>();
		maps(container.get("env")).forEach(
				(variable) -> env.put(String.valueOf(variable.get("name")), String.valueOf(variable.get("value"))));
		return env;
	}

	private static Map<?, ?> map(Object value) {
		return (value instanceof Map<?, ?> map) ? map : Map.of();
	}

	private static List<Map<?, ?>> maps(Object value) {
		List<Map<?, ?>> maps = new ArrayList<>();
		if (value instanceof List<?> list) {
			list.stream().filter(Map.class::isInstance).forEach((item) -> maps.add((Map<?, ?>) item));
		}
		return maps;
	}

	private static List<String> strings(Object value) {
		return (value instanceof List<?> list) ? list.stream().map(String::valueOf).toList() : List.of();
	}

}
