package io.github.fifoliveness.autoconfigure;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code kubectl apply --dry-run=client} on a manifest: the client side of applying it,
 * with the API server's schema. Needs kubectl and a cluster it can reach for that schema;
 * {@link #unavailable()} says why not where either is missing.
 */
final class KubectlDryRun {

	private static final long TIMEOUT_SECONDS = 60;

	private static String unavailable;

	private static boolean asked;

	private KubectlDryRun() {
	}

	/**
	 * Return why manifests cannot be applied in dry run here, or {@code null} when they
	 * can.
	 * @return the reason, or {@code null}
	 */
	static synchronized String unavailable() {
		if (!asked) {
			asked = true;
			Result found = run(List.of("sh", "-c", "command -v kubectl"), "");
			if (found.status() != 0) {
				unavailable = "kubectl is not installed";
			}
			else {
				Result server = run(List.of("kubectl", "api-versions", "--request-timeout=10s"), "");
				unavailable = (server.status() != 0) ? "kubectl reaches no API server, whose schema a dry run needs: "
						+ server.output().strip().lines().reduce((first, last) -> last).orElse("") : null;
			}
		}
		return unavailable;
	}

	/**
	 * Apply a manifest in dry run.
	 * @param manifest the YAML
	 * @return kubectl's exit status and output
	 */
	static Result apply(String manifest) {
		return run(List.of("kubectl", "apply", "--dry-run=client", "--request-timeout=30s", "-f", "-"), manifest);
	}

	private static Result run(List<String> command, String input) {
		Process process;
		try {
			process = new ProcessBuilder(command).redirectErrorStream(true).start();
		}
		catch (IOException ex) {
			return new Result(127, ex.getMessage());
		}
		try {
			try (OutputStream stdin = process.getOutputStream()) {
				stdin.write(input.getBytes(StandardCharsets.UTF_8));
			}
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				return new Result(-1, "timed out: " + output);
			}
			return new Result(process.exitValue(), output);
		}
		catch (IOException ex) {
			return new Result(-1, ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Result(-1, "interrupted");
		}
		finally {
			process.destroyForcibly();
		}
	}

	record Result(int status, String output) {

	}

}
