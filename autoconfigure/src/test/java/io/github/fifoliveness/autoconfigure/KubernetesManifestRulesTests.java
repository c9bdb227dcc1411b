package io.github.fifoliveness.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link KubernetesManifestRules} refuses what a cluster enforcing Pod Security
 * "restricted" refuses, and the probes and volumes that fail an operator later.
 */
class KubernetesManifestRulesTests {

	private static final String RESTRICTED_POD = """
			apiVersion: v1
			kind: Pod
			metadata:
			  name: orders
			spec:
			  securityContext:
			    runAsNonRoot: true
			    runAsUser: 1000
			    seccompProfile:
			      type: RuntimeDefault
			  volumes:
			    - name: liveness
			      emptyDir:
			        medium: Memory
			        sizeLimit: 1Mi
			  containers:
			    - name: orders
			      image: example/orders
			      securityContext:
			        allowPrivilegeEscalation: false
			        capabilities:
			          drop: [ALL]
			      env:
			        - name: FIFOLIVENESS_BEACON_PATH
			          value: /liveness/orders/orders.fifo
			        - name: MANAGEMENT_ENDPOINT_HEALTH_GROUP_READY_INCLUDE
			          value: readinessState,peers
			        - name: MANAGEMENT_ENDPOINT_HEALTH_GROUP_READY_ADDITIONALPATH
			          value: server:/ready
			      startupProbe:
			        exec:
			          command: ["java", "-jar", "/app/fifo-liveness-check.jar", "/liveness/orders/orders.fifo"]
			        timeoutSeconds: 5
			      readinessProbe:
			        httpGet: { path: /ready, port: 8080 }
			""";

	@Test
	void aRestrictedPodPasses() {
		assertThat(violations(RESTRICTED_POD)).isEmpty();
	}

	@Test
	void aPodWithoutRunAsNonRootFails() {
		assertThat(violations(RESTRICTED_POD.replace("    runAsNonRoot: true\n", "")))
			.containsExactly("container orders lacks runAsNonRoot: true (in its securityContext or the pod's)");
	}

	@Test
	void aPodWithoutSeccompProfileFails() {
		assertThat(violations(RESTRICTED_POD.replace("    seccompProfile:\n      type: RuntimeDefault\n", "")))
			.containsExactly(
					"container orders lacks seccompProfile.type: RuntimeDefault (in its securityContext or the pod's)");
	}

	@Test
	void aContainerThatMayEscalateFails() {
		assertThat(
				violations(RESTRICTED_POD.replace("allowPrivilegeEscalation: false", "allowPrivilegeEscalation: true")))
			.containsExactly("container orders lacks allowPrivilegeEscalation: false");
	}

	@Test
	void aContainerKeepingItsCapabilitiesFails() {
		assertThat(violations(RESTRICTED_POD.replace("drop: [ALL]", "drop: [NET_RAW]")))
			.containsExactly("container orders lacks capabilities.drop: [ALL]");
	}

	@Test
	void aRootUserOrAHostPathFails() {
		assertThat(violations(RESTRICTED_POD.replace("runAsUser: 1000", "runAsUser: 0")
			.replace("      emptyDir:\n        medium: Memory\n        sizeLimit: 1Mi\n",
					"      hostPath:\n        path: /run\n")))
			.containsExactly("volume liveness is a hostPath volume, which \"restricted\" refuses",
					"container orders runs as user 0");
	}

	@Test
	void anExecProbeWithoutTimeoutFailsInAPodAndInAPieceOfOne() {
		assertThat(violations(RESTRICTED_POD.replace("        timeoutSeconds: 5\n", "")))
			.containsExactly("orders startupProbe runs a command without timeoutSeconds (1 s by default, enforced)");
		assertThat(violations("""
				livenessProbe:
				  exec:
				    command: ["java", "-jar", "/app/fifo-liveness-check.jar", "/liveness/orders/orders.fifo"]
				""")).containsExactly("livenessProbe runs a command without timeoutSeconds (1 s by default, enforced)");
	}

	@Test
	void anEmptyDirWithoutSizeLimitFails() {
		assertThat(violations(RESTRICTED_POD.replace("        sizeLimit: 1Mi\n", "")))
			.containsExactly("emptyDir liveness has no sizeLimit");
	}

	@Test
	void aReadinessGroupWithoutReadinessStateFails() {
		assertThat(violations(RESTRICTED_POD.replace("value: readinessState,peers", "value: peers")))
			.containsExactly("container orders's readiness group at /ready does not include readinessState");
	}

	@Test
	void aLongLivedSpringBootContainerWithoutStartupProbeFails() {
		String withoutStartupProbe = RESTRICTED_POD.replaceAll("(?s)      startupProbe:.*?timeoutSeconds: 5\n", "");
		assertThat(violations(withoutStartupProbe))
			.containsExactly("container orders is a long-lived Spring Boot application without a startupProbe");
	}

	@Test
	void aMonitorExposingPrometheusWithoutANamedPortFails() {
		String exposing = RESTRICTED_POD.replace("      env:\n",
				"      env:\n        - name: MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE\n          value: health,prometheus\n");
		assertThat(violations(exposing))
			.containsExactly("container orders exposes prometheus but names no port to scrape");
		assertThat(violations(exposing.replace("      env:\n",
				"      ports:\n        - { name: http, containerPort: 8080 }\n      env:\n")))
			.isEmpty();
	}

	@Test
	void aPieceOfAPodSpecFails() {
		assertThat(violations("""
				initContainers:
				  - name: agent
				    image: example/agent
				""")).contains("a piece of a pod spec: give the whole manifest (apiVersion, kind, metadata, spec)");
	}

	@Test
	void aDeploymentsPodTemplateIsChecked() {
		assertThat(violations("""
				apiVersion: apps/v1
				kind: Deployment
				metadata:
				  name: orders
				spec:
				  template:
				    spec:
				      containers:
				        - name: orders
				          image: example/orders
				""")).contains("container orders lacks runAsNonRoot: true (in its securityContext or the pod's)");
	}

	@Test
	void yamlThatIsNoManifestPasses() {
		assertThat(violations("""
				fifo-liveness:
				  peers:
				    orders:
				      path: /run/user/1000/orders/orders.fifo
				""")).isEmpty();
	}

	private static List<String> violations(String yaml) {
		return KubernetesManifestRules.violations(new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml));
	}

}
