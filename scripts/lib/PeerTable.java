import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints a health response of /actuator/health/peers as a short aligned table: peer,
 * status, reason. For scripts/demo.sh, which runs it with the JDK's source launcher:
 * {@code java scripts/lib/PeerTable.java <response.json> <http status>}. A response that is
 * not a health response is printed as it came.
 */
public class PeerTable {

	public static void main(String[] args) throws IOException {
		String body = Files.readString(Path.of(args[0]));
		String status = args.length > 1 ? args[1] : "?";
		Map<?, ?> components;
		try {
			Object health = new Json(body).value();
			components = (Map<?, ?>) ((Map<?, ?>) health).get("components");
			if (components == null) {
				throw new IllegalArgumentException("no components");
			}
		}
		catch (RuntimeException ex) {
			System.out.println(body.strip());
			System.out.println("(HTTP " + status + ")");
			return;
		}
		List<String[]> rows = new ArrayList<>();
		rows.add(new String[] { "peer", "status", "reason" });
		components.forEach((peer, component) -> {
			Map<?, ?> health = (Map<?, ?>) component;
			Map<?, ?> details = health.get("details") instanceof Map<?, ?> map ? map : Map.of();
			Object reason = details.get("reason");
			rows.add(new String[] { String.valueOf(peer), String.valueOf(health.get("status")),
					reason == null ? "" : String.valueOf(reason) });
		});
		int[] widths = new int[3];
		for (String[] row : rows) {
			for (int i = 0; i < 3; i++) {
				widths[i] = Math.max(widths[i], row[i].length());
			}
		}
		for (String[] row : rows) {
			String line = String.format("%-" + widths[0] + "s  %-" + widths[1] + "s  %s", row[0], row[1], row[2]);
			System.out.println(line.stripTrailing());
		}
		System.out.println("(HTTP " + status + ")");
	}

	/** Just enough JSON for a health response: objects, arrays, strings, numbers, literals. */
	private static final class Json {

		private final String text;

		private int at;

		Json(String text) {
			this.text = text;
		}

		Object value() {
			skipSpace();
			char c = this.text.charAt(this.at);
			if (c == '{') {
				Map<String, Object> object = new LinkedHashMap<>();
				this.at++;
				skipSpace();
				if (this.text.charAt(this.at) == '}') {
					this.at++;
					return object;
				}
				do {
					skipSpace();
					String key = string();
					skipSpace();
					expect(':');
					object.put(key, value());
					skipSpace();
				}
				while (this.text.charAt(this.at++) == ',');
				return object;
			}
			if (c == '[') {
				List<Object> array = new ArrayList<>();
				this.at++;
				skipSpace();
				if (this.text.charAt(this.at) == ']') {
					this.at++;
					return array;
				}
				do {
					array.add(value());
					skipSpace();
				}
				while (this.text.charAt(this.at++) == ',');
				return array;
			}
			if (c == '"') {
				return string();
			}
			int start = this.at;
			while (this.at < this.text.length() && ",}] \n\r\t".indexOf(this.text.charAt(this.at)) < 0) {
				this.at++;
			}
			return this.text.substring(start, this.at);
		}

		private String string() {
			expect('"');
			StringBuilder string = new StringBuilder();
			for (char c = this.text.charAt(this.at++); c != '"'; c = this.text.charAt(this.at++)) {
				if (c == '\\') {
					char escaped = this.text.charAt(this.at++);
					switch (escaped) {
						case 'n' -> string.append('\n');
						case 't' -> string.append('\t');
						case 'r' -> string.append('\r');
						case 'b' -> string.append('\b');
						case 'f' -> string.append('\f');
						case 'u' -> {
							string.append((char) Integer.parseInt(this.text.substring(this.at, this.at + 4), 16));
							this.at += 4;
						}
						default -> string.append(escaped);
					}
				}
				else {
					string.append(c);
				}
			}
			return string.toString();
		}

		private void expect(char c) {
			if (this.text.charAt(this.at++) != c) {
				throw new IllegalArgumentException("expected '" + c + "' at " + (this.at - 1));
			}
		}

		private void skipSpace() {
			while (Character.isWhitespace(this.text.charAt(this.at))) {
				this.at++;
			}
		}

	}

}
