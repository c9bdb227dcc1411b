package io.github.fifoliveness.peer;

import java.util.Optional;
import java.util.OptionalInt;

import io.github.fifoliveness.posix.NativePosix;
import org.jspecify.annotations.Nullable;

/**
 * Whose file a probe trusts, a uid or {@link NativePosix#ANY_OWNER}: whoever can create a
 * FIFO where a peer's should be and hold its read end makes a dead peer look alive, so
 * the owner is checked on the file actually opened ({@code fstat}), not only on the path.
 */
public record ExpectedOwner(int uid) {

	/** Any owner is accepted: the owner is not checked. */
	public static final ExpectedOwner ANY = new ExpectedOwner(NativePosix.ANY_OWNER);

	/**
	 * Return the configured owner, else the monitor's own user; with none configured, a
	 * monitor running as root accepts any owner, as root can open every user's FIFO.
	 */
	public static ExpectedOwner of(@Nullable Integer configured, int monitorUid) {
		if (configured != null) {
			return new ExpectedOwner(configured);
		}
		return (monitorUid == 0) ? ANY : new ExpectedOwner(monitorUid);
	}

	/** Return the owner a user name or decimal uid names, or empty if there is none. */
	public static Optional<ExpectedOwner> named(String user, NativePosix posix) {
		String name = user.strip();
		// A NUL would end the name early, and name another user.
		OptionalInt uid = name.matches("[0-9]+") ? uid(name)
				: (name.isEmpty() || name.indexOf('\0') >= 0) ? OptionalInt.empty() : posix.userId(name);
		return uid.isPresent() ? Optional.of(new ExpectedOwner(uid.getAsInt())) : Optional.empty();
	}

	/**
	 * Return the owner a configured user name or decimal uid names.
	 * @throws IllegalArgumentException if no user has that name
	 */
	public static ExpectedOwner configured(String user, NativePosix posix) {
		return named(user, posix).orElseThrow(() -> new IllegalArgumentException(whyNoOwner(user.strip())
				+ "; give an existing user name or a numeric uid of at most " + Integer.MAX_VALUE + "."));
	}

	private static String whyNoOwner(String user) {
		if (user.isEmpty()) {
			return "The owner is blank";
		}
		if (user.matches("-[0-9]+")) {
			return "A uid cannot be negative";
		}
		return user.matches("[0-9]+") ? "The uid is too large" : "No user of that name exists on this machine";
	}

	// Numeric uids need no passwd entry (OpenShift assigns ones such as 1000680000).
	private static OptionalInt uid(String digits) {
		String value = digits.replaceFirst("^0+(?=.)", "");
		return (value.length() <= 10 && Long.parseLong(value) <= Integer.MAX_VALUE)
				? OptionalInt.of(Integer.parseInt(value)) : OptionalInt.empty();
	}

	/** Whether the owner is checked at all: not for {@link #ANY}. */
	public boolean isChecked() {
		return this.uid != NativePosix.ANY_OWNER;
	}

	/** Whether a file of the given owner is trusted. */
	public boolean accepts(int ownerUid) {
		return !isChecked() || ownerUid == this.uid;
	}

	/** Return the expected owner as health details show it: the uid, or {@code any}. */
	public Object detail() {
		return isChecked() ? this.uid : "any";
	}

}
