package io.github.fifoliveness.posix;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ConfiguredPath}: the rules of every configured path, with the reason
 * each refusal gives.
 */
class ConfiguredPathTests {

	@Test
	void aValueTheJvmDecodedWithAReplacementCharacterNamesNoPath() {
		assertThatIllegalArgumentException().isThrownBy(() -> ConfiguredPath.of("/run/caf\uFFFD/orders.fifo"))
			.withMessageStartingWith(
					"Not a valid path (Holds '\uFFFD' where the bytes given were not valid in the JVM's"
							+ " encoding of file names; the JVM encodes file names in ");
	}

	@Test
	void anAbsolutePathIsTakenAsItIs() {
		assertThat(ConfiguredPath.of("/run/orders/orders.fifo")).isEqualTo(Path.of("/run/orders/orders.fifo"));
	}

	@ParameterizedTest(name = "''{0}'': {1}")
	@CsvSource(delimiter = '|',
			textBlock = """
							'  '                 | A path is required.
							orders.fifo          | The path must be absolute
							./orders.fifo        | The path must be absolute
							~/orders.fifo        | The path must be absolute, so that every process finds the same file. '~' and '$HOME' are not expanded in it.
							$HOME/orders.fifo    | The path must be absolute, so that every process finds the same file. '~' and '$HOME' are not expanded in it.
					${UNSET}/orders.fifo | The path must be absolute, so that every process finds the same file. It begins with a placeholder that was not resolved: is its variable set?
							/run/../orders.fifo  | The path has a '..' segment
							/run/./orders.fifo   | The path has a '.' segment
							/                    | The path is the root folder, '/': name one below it.
							""")
	void aPathAgainstTheRulesIsRefusedSayingWhy(String value, String reason) {
		assertThatIllegalArgumentException().isThrownBy(() -> ConfiguredPath.of(value)).withMessageStartingWith(reason);
	}

	@Test
	void aPathAtTheSystemsLimitsIsRefusedNamingTheLimit() {
		assertThatIllegalArgumentException().isThrownBy(() -> ConfiguredPath.of("/" + "d/".repeat(2048) + "a"))
			.withMessage("The path is 4098 bytes long; the system allows less than 4096 (PATH_MAX).");
		assertThatIllegalArgumentException().isThrownBy(() -> ConfiguredPath.of("/run/" + "n".repeat(256)))
			.withMessage("A name in the path is longer than 255 bytes (NAME_MAX).");
		assertThatIllegalArgumentException().isThrownBy(() -> ConfiguredPath.of("/run/a\0b"))
			.withMessageStartingWith("Not a valid path");
	}

	// The kernel looks for a folder at "orders.fifo/", and Path.of drops the '/'.
	@Test
	void aFilesPathThatEndsInASlashIsRefusedButAFoldersIsNot() {
		assertThatIllegalArgumentException().isThrownBy(() -> ConfiguredPath.file("/run/orders/orders.fifo/"))
			.withMessage(
					"The path ends in '/', which names a folder, not a file: write it without the '/' at the end.");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ConfiguredPath.withSibling("/run/app/app.fifo/", ".lock", "lock file"))
			.withMessageStartingWith("The path ends in '/'");
		assertThat(ConfiguredPath.of("/run/workers/")).isEqualTo(Path.of("/run/workers"));
		assertThat(ConfiguredPath.file("/run/orders/orders.fifo")).isEqualTo(Path.of("/run/orders/orders.fifo"));
	}

	@Test
	void aPathWithAFileBesideItLeavesRoomForThatFile() {
		String name = "n".repeat(251);
		assertThat(ConfiguredPath.of("/run/" + name)).isEqualTo(Path.of("/run/" + name));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ConfiguredPath.withSibling("/run/" + name, ".lock", "lock file"))
			.withMessageStartingWith(
					"The file name is 251 bytes long, which leaves no room for the lock file '<name>.lock' beside it");
		assertThat(ConfiguredPath.withSibling("/run/" + "n".repeat(250), ".lock", "lock file"))
			.isEqualTo(Path.of("/run/" + "n".repeat(250)));
	}

}
