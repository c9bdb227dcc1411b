package io.github.fifoliveness.autoconfigure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every systemd unit in the docs, a fenced {@code ini} block whose first line names its
 * file ({@code # /etc/systemd/system/orders.service}), and the sample daemon's unit file
 * pass {@code systemd-analyze verify} where systemd is installed.
 */
class SystemdUnitsTests {

	private static final Pattern UNIT_FILE = Pattern
		.compile("^# /etc/systemd/system/([\\w@.-]+\\.(?:service|socket|timer|target|path|mount))\\b");

	private static final Pattern EXEC_START = Pattern.compile("(?m)^ExecStart=[-@:+!]*(\\S+)");

	@TempDir
	Path dir;

	@Test
	void theSystemdPageHasEveryRecipe() throws IOException {
		List<String> names = units().stream()
			.filter((unit) -> unit.where().startsWith("docs/systemd.md"))
			.map(Unit::name)
			.toList();
		assertThat(names).containsAll(Set.of("orders.service", "orders-monitor.service", "orders-check.service",
				"reports.service", "reports-fixed.service", "worker@.service", "sample-daemon.service"));
	}

	@Test
	void theSampleDaemonsUnitFileIsTheOneThePageShows() throws Exception {
		Unit shown = units().stream()
			.filter((unit) -> unit.name().equals("sample-daemon.service"))
			.findFirst()
			.orElseThrow();
		assertThat(settings(sampleDaemonUnit().text())).isEqualTo(settings(shown.text()));
	}

	@ParameterizedTest
	@MethodSource("units")
	void systemdAnalyzeVerifiesTheUnit(Unit unit) throws Exception {
		assertThat(verify(unit)).as("%s: what systemd-analyze verify says of it", unit).isEmpty();
	}

	@Test
	void aMisspeltSettingIsCaught() throws Exception {
		Unit misspelt = new Unit("here", "misspelt.service",
				"[Service]\nTyp=exec\nExecStart=" + which("sh") + " -c true\n");
		assertThat(verify(misspelt)).anySatisfy((line) -> assertThat(line).contains("Typ"));
	}

	/** What systemd-analyze says of the unit, and its exit status unless 0. */
	private List<String> verify(Unit unit) throws Exception {
		assumeTrue(run(List.of("sh", "-c", "command -v systemd-analyze")).status() == 0,
				"systemd-analyze is not installed (Debian: apt-get install systemd)");
		// The programs the units run (java, a JDK's path) need not be here: a stub stands
		// in, so verify judges the unit, not this machine.
		Path stub = this.dir.resolve("stub");
		if (!Files.exists(stub)) {
			Files.writeString(stub, "#!/bin/sh\n");
			stub.toFile().setExecutable(true);
		}
		String text = EXEC_START.matcher(unit.text())
			.replaceAll((found) -> Matcher.quoteReplacement(found.group().replace(found.group(1), stub.toString())));
		Path file = Files.writeString(this.dir.resolve(unit.name()), text, StandardCharsets.UTF_8);
		Result verified = run(List.of("systemd-analyze", "verify", "--man=no", file.toString()));
		List<String> findings = new ArrayList<>(
				verified.output().lines().filter((line) -> line.contains(unit.name())).toList());
		if (verified.status() != 0) {
			findings.add("exit status " + verified.status() + ": " + verified.output());
		}
		return findings;
	}

	private static String which(String command) throws Exception {
		return run(List.of("sh", "-c", "command -v " + command)).output().strip();
	}

	private static List<String> settings(String unit) {
		return unit.lines().filter((line) -> !line.isBlank() && !line.startsWith("#")).toList();
	}

	private static Unit sampleDaemonUnit() throws IOException {
		Path file = MarkdownPage.repository().resolve("sample-daemon/src/main/systemd/sample-daemon.service");
		return new Unit("sample-daemon/src/main/systemd", "sample-daemon.service", Files.readString(file));
	}

	static List<Unit> units() throws IOException {
		List<Unit> units = new ArrayList<>(List.of(sampleDaemonUnit()));
		for (MarkdownPage page : MarkdownPage.all()) {
			for (MarkdownPage.CodeBlock block : page.codeBlocks(Set.of("ini"))) {
				Matcher name = UNIT_FILE.matcher(block.text());
				if (name.find()) {
					units.add(new Unit(block.where(), name.group(1), block.text()));
				}
			}
		}
		return units;
	}

	private static Result run(List<String> command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		try {
			process.getOutputStream().close();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s ends", command).isTrue();
			return new Result(process.exitValue(), output);
		}
		finally {
			process.destroyForcibly();
		}
	}

	record Unit(String where, String name, String text) {

		@Override
		public String toString() {
			return this.where + " " + this.name;
		}

	}

	record Result(int status, String output) {

	}

}
