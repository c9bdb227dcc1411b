package io.github.fifoliveness.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Markdown file of this repository as GitHub renders it: its headings and their
 * anchors, its links, its code spans and its fenced code blocks.
 */
final class MarkdownPage {

	private static final Pattern HEADING = Pattern.compile("^(#{1,6}) (.+)$");

	private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(([^)\\s]+)\\)");

	private static final Pattern CODE_SPAN = Pattern.compile("`([^`\\n]+)`");

	private static final Pattern FENCE = Pattern.compile("^\\s*```(\\S*)\\s*$");

	private final Path file;

	private final List<String> lines;

	private MarkdownPage(Path file) {
		this.file = file;
		try {
			this.lines = Files.readAllLines(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The repository's root: the first folder up from here that holds README.md and
	 * docs/.
	 */
	static Path repository() {
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			if (Files.isRegularFile(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("docs"))) {
				return dir;
			}
		}
		throw new IllegalStateException("No folder with README.md and docs/ above " + Path.of("").toAbsolutePath());
	}

	static MarkdownPage of(Path file) {
		return new MarkdownPage(file);
	}

	/** The README, ARCHITECTURE.md, CONTRIBUTING.md and every page under docs/. */
	static List<MarkdownPage> all() {
		Path root = repository();
		List<MarkdownPage> pages = new ArrayList<>();
		for (String name : List.of("README.md", "ARCHITECTURE.md", "CONTRIBUTING.md")) {
			pages.add(of(root.resolve(name)));
		}
		pages.addAll(docs());
		return pages;
	}

	/** Every Markdown page under docs/. */
	static List<MarkdownPage> docs() {
		try (Stream<Path> files = Files.walk(repository().resolve("docs"))) {
			return files.filter((path) -> path.toString().endsWith(".md")).sorted().map(MarkdownPage::of).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Path file() {
		return this.file;
	}

	String name() {
		return repository().relativize(this.file).toString();
	}

	/** The lines outside fenced code blocks, with each line's index. */
	private List<Map.Entry<Integer, String>> prose() {
		List<Map.Entry<Integer, String>> prose = new ArrayList<>();
		boolean fenced = false;
		for (int i = 0; i < this.lines.size(); i++) {
			String line = this.lines.get(i);
			if (FENCE.matcher(line).matches()) {
				fenced = !fenced;
			}
			else if (!fenced) {
				prose.add(Map.entry(i, line));
			}
		}
		return prose;
	}

	/** Each heading's anchor, as GitHub makes it, in the order of the page. */
	List<Heading> headings() {
		List<Heading> headings = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		for (Map.Entry<Integer, String> line : prose()) {
			Matcher heading = HEADING.matcher(line.getValue());
			if (heading.matches()) {
				String text = heading.group(2).strip();
				String slug = text.toLowerCase(Locale.ROOT)
					.replaceAll("[^\\p{L}\\p{M}\\p{N}\\p{Pc} -]", "")
					.replace(' ', '-');
				int count = seen.merge(slug, 1, Integer::sum);
				headings.add(new Heading(heading.group(1).length(), text,
						(count == 1) ? slug : slug + "-" + (count - 1), line.getKey()));
			}
		}
		return headings;
	}

	Set<String> anchors() {
		Set<String> anchors = new LinkedHashSet<>();
		headings().forEach((heading) -> anchors.add(heading.anchor()));
		return anchors;
	}

	/** Link and image targets outside code, as written. */
	List<String> links() {
		return linksBefore(this.lines.size());
	}

	/** Link targets between the title and the first second-level heading. */
	List<String> tableOfContents() {
		return linksBefore(headings().stream()
			.filter((heading) -> heading.level() == 2)
			.mapToInt(Heading::line)
			.findFirst()
			.orElse(this.lines.size()));
	}

	private List<String> linksBefore(int end) {
		List<String> links = new ArrayList<>();
		for (Map.Entry<Integer, String> line : prose()) {
			Matcher link = LINK.matcher(CODE_SPAN.matcher(line.getValue()).replaceAll(""));
			while (line.getKey() < end && link.find()) {
				links.add(link.group(1));
			}
		}
		return links;
	}

	/** The text of code spans outside code blocks. */
	Set<String> codeSpans() {
		return codeSpans(0, this.lines.size());
	}

	/**
	 * The text of code spans under a heading, up to the next heading of its level or
	 * above.
	 */
	Set<String> codeSpansUnder(String headingText) {
		List<Heading> headings = headings();
		for (int i = 0; i < headings.size(); i++) {
			Heading heading = headings.get(i);
			if (heading.text().equals(headingText)) {
				int end = this.lines.size();
				for (Heading next : headings.subList(i + 1, headings.size())) {
					if (next.level() <= heading.level()) {
						end = next.line();
						break;
					}
				}
				return codeSpans(heading.line(), end);
			}
		}
		throw new AssertionError(name() + " has no heading '" + headingText + "'");
	}

	private Set<String> codeSpans(int from, int to) {
		Set<String> spans = new LinkedHashSet<>();
		for (Map.Entry<Integer, String> line : prose()) {
			if (line.getKey() >= from && line.getKey() < to) {
				Matcher span = CODE_SPAN.matcher(line.getValue());
				while (span.find()) {
					spans.add(span.group(1));
				}
			}
		}
		return spans;
	}

	/** The first cell of each table row, as written. */
	List<String> firstColumn() {
		List<String> cells = new ArrayList<>();
		for (Map.Entry<Integer, String> line : prose()) {
			String row = line.getValue();
			if (row.startsWith("|") && !row.startsWith("|---")) {
				cells.add(row.substring(1).split("(?<!\\\\)\\|", 2)[0].strip());
			}
		}
		return cells;
	}

	/**
	 * The fenced code blocks in one of the languages given, each with where it starts.
	 */
	List<CodeBlock> codeBlocks(Set<String> languages) {
		List<CodeBlock> blocks = new ArrayList<>();
		StringBuilder block = null;
		boolean fenced = false;
		int start = 0;
		for (int i = 0; i < this.lines.size(); i++) {
			Matcher fence = FENCE.matcher(this.lines.get(i));
			if (fence.matches()) {
				if (fenced && block != null) {
					blocks.add(new CodeBlock(name() + ":" + (start + 1), block.toString()));
				}
				block = (!fenced && languages.contains(fence.group(1))) ? new StringBuilder() : null;
				start = i;
				fenced = !fenced;
			}
			else if (block != null) {
				block.append(this.lines.get(i)).append('\n');
			}
		}
		return blocks;
	}

	@Override
	public String toString() {
		return name();
	}

	record Heading(int level, String text, String anchor, int line) {

	}

	record CodeBlock(String where, String text) {

		@Override
		public String toString() {
			return this.where;
		}

	}

}
