package io.github.fifoliveness.peer;

import org.jspecify.annotations.Nullable;

/**
 * Escapes text the way C writes string literals, so that whatever a path holds prints as
 * one line that a script can split; non-ASCII letters are kept.
 */
final class CStyleEscape {

	private CStyleEscape() {
	}

	static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			String replacement = replacement(c);
			escaped.append((replacement != null) ? replacement : String.valueOf(c));
		}
		return escaped.toString();
	}

	private static @Nullable String replacement(char c) {
		return switch (c) {
			case '\\' -> "\\\\";
			case '\n' -> "\\n";
			case '\t' -> "\\t";
			case '\r' -> "\\r";
			case '\u2028', '\u2029' -> String.format("\\u%04x", (int) c);
			default -> {
				if (c < 0x20 || c == 0x7f) {
					yield String.format("\\x%02x", (int) c);
				}
				yield Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : null;
			}
		};
	}

}
