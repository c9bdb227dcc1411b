package io.github.fifoliveness.peer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CStyleEscape}: what the check command does to a line before it prints
 * it.
 */
class CStyleEscapeTests {

	@Test
	void printableTextIsKeptAsItIs() {
		assertThat(CStyleEscape.escape("/srv/café/orders-1.fifo pid=12: x"))
			.isEqualTo("/srv/café/orders-1.fifo pid=12: x");
	}

	@Test
	void backslashAndAsciiControlCharactersAreEscapedAsInC() {
		assertThat(CStyleEscape.escape("a\\b\nc\td\re\u0000f\u001bg\u007f"))
			.isEqualTo("a\\\\b\\nc\\td\\re\\x00f\\x1bg\\x7f");
	}

	@Test
	void unicodeControlCharactersAndLineSeparatorsAreEscaped() {
		assertThat(CStyleEscape.escape("a\u0085b\u2028c\u2029d")).isEqualTo("a\\u0085b\\u2028c\\u2029d");
	}

}
