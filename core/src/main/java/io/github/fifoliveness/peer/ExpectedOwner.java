package io.github.fifoliveness.peer;

import java.util.Optional;
import java.util.OptionalInt;

import io.github.fifoliveness.posix.NativePosix;
import org.jspecify.annotations.Nullable;

/**
 * Whose file a probe trusts. Whoever can create a FIFO where a peer's should be, and hold
 * its read end, could make a dead peer look alive; checking the owner of what was opened
 * closes that gap.
 *
 * @param uid the uid that must own the peer's file, or {@link NativePosix#ANY_OWNER}
 */
public record ExpectedOwner(int uid) {

	/** Any owner is accepted: the owner is not checked. */
	public static final ExpectedOwner ANY = new ExpectedOwner(NativePosix.ANY_OWNER);

	/**
	 * Return the owner to expect: the configured one, else the monitor's own user. A
	 * monitor running as root with nothing configured accepts any owner, as root can open
	 * every user's FIFO.
	 * @param configured the configured uid, or {@code null}
	 * @param monitorUid the monitor's effective uid
	 * @return the expected owner
	 */
	public static ExpectedOwner of(@Nullable Integer configured, int monitorUid) {
		if (configured != null) {
			return new ExpectedOwner(configured);
		}
		return (monitorUid == 0) ? ANY : new ExpectedOwner(monitorUid);
	}

	/**
	 * Return the owner a user name or numeric uid names.
	 * @param user a user name, or a decimal uid
	 * @param posix the native calls, to look the name up
	 * @return the expected owner, or empty if no user has that name
	 */
	public static Optional<ExpectedOwner> named(String user, NativePosix posix) {
		String name = user.strip();
		// A NUL would end the name early, and name another user.
		OptionalInt uid = name.matches("[0-9]{1,10}") ? uid(Long.parseLong(name))
				: (name.isEmpty() || name.indexOf('\0') >= 0) ? OptionalInt.empty() : posix.userId(name);
		return uid.isPresent() ? Optional.of(new ExpectedOwner(uid.getAsInt())) : Optional.empty();
	}

	/**
	 * Return the owner a configured user name or numeric uid names.
	 * @param user a user name, or a decimal uid
	 * @param posix the native calls, to look the name up
	 * @return the expected owner
	 * @throws IllegalArgumentException if no user has that name
	 */
	public static ExpectedOwner configured(String user, NativePosix posix) {
		return named(user, posix).orElseThrow(() -> new IllegalArgumentException(
				"No user of that name exists on this machine; give an existing user name or a numeric uid."));
	}

	// Numeric uids need no passwd entry (OpenShift assigns ones such as 1000680000).
	private static OptionalInt uid(long value) {
		return (value <= Integer.MAX_VALUE) ? OptionalInt.of((int) value) : OptionalInt.empty();
	}

	/**
	 * Whether the owner is checked at all.
	 * @return {@code false} for {@link #ANY}
	 */
	public boolean isChecked() {
		return this.uid != NativePosix.ANY_OWNER;
	}

	/**
	 * Whether a file with the given owner is trusted.
	 * @param ownerUid the file's owner
	 * @return {@code true} if trusted
	 */
	public boolean accepts(int ownerUid) {
		return !isChecked() || ownerUid == this.uid;
	}

	/**
	 * Return the expected owner as the health details show it: the uid, or {@code any}.
	 * @return the detail value
	 */
	public Object detail() {
		return isChecked() ? this.uid : "any";
	}

}
