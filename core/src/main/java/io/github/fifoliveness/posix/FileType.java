package io.github.fifoliveness.posix;

/** The kind of file a path names, as {@code stat} reports it. */
public enum FileType {

	FIFO("a FIFO"),

	REGULAR_FILE("a regular file"),

	DIRECTORY("a directory"),

	SYMBOLIC_LINK("a symbolic link"),

	SOCKET("a Unix socket"),

	CHARACTER_DEVICE("a character device"),

	BLOCK_DEVICE("a block device"),

	OTHER("a file of unknown type");

	private final String description;

	FileType(String description) {
		this.description = description;
	}

	/** Return how a sentence names this kind of file, such as "a regular file". */
	public String description() {
		return this.description;
	}

	/** Return the description capitalized, to start a sentence with. */
	public String sentenceStart() {
		return Character.toUpperCase(this.description.charAt(0)) + this.description.substring(1);
	}

	static FileType fromMode(int mode) {
		return switch (mode & 0170000) {
			case 0010000 -> FIFO;
			case 0100000 -> REGULAR_FILE;
			case 0040000 -> DIRECTORY;
			case 0120000 -> SYMBOLIC_LINK;
			case 0140000 -> SOCKET;
			case 0020000 -> CHARACTER_DEVICE;
			case 0060000 -> BLOCK_DEVICE;
			default -> OTHER;
		};
	}

}
