package io.github.fifoliveness.peer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.github.fifoliveness.posix.NativePosix;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for the rules of a peer folder's and a peer's configured values, in the core
 * types that keep them: {@link Peers}, {@link PeerFolder}, {@link GracePeriods},
 * {@link WatchSettings} and {@link ExpectedOwner}.
 */
class PeerFolderRulesTests {

	@Test
	void aPatternIsAGlobOnFileNames() {
		assertThat(PeerFolder.matcher("worker-*.fifo").matches(Path.of("worker-1.fifo"))).isTrue();
		assertThatIllegalArgumentException().isThrownBy(() -> PeerFolder.matcher("run/*.fifo"))
			.withMessageStartingWith("A pattern matches file names in the folder, so it cannot be empty or hold '/'");
		assertThatIllegalArgumentException().isThrownBy(() -> PeerFolder.matcher(""))
			.withMessageStartingWith("A pattern matches file names in the folder");
		assertThatIllegalArgumentException().isThrownBy(() -> PeerFolder.matcher("[a"))
			.withMessageStartingWith("Not a glob (");
	}

	@Test
	void aMemberIsNamedWithoutTheExtensionThePatternFixes() {
		assertThat(folder("*.fifo").memberName("worker-1.fifo")).isEqualTo("worker-1");
		assertThat(folder("worker-*.fifo").memberName("worker-1.fifo")).isEqualTo("worker-1");
		assertThat(folder("*.fifo").matches(".fifo")).isFalse();
		assertThat(folder(".fifo").matches(".fifo")).isTrue();
		assertThat(folder(".fifo").memberName(".fifo")).isEqualTo(".fifo");
		assertThat(folder("*.fifo").memberName(".fifo.fifo")).isEqualTo(".fifo");
		assertThat(folder("worker.*").memberName("worker.1")).isEqualTo("worker.1");
		assertThat(folder("*").memberName("a.fifo")).isEqualTo("a.fifo");
		assertThat(folder("*.{fifo,pipe}").memberName("a.pipe")).isEqualTo("a.pipe");
		assertThat(folder("*.fif?").memberName("a.fifo")).isEqualTo("a.fifo");
	}

	private static PeerFolder folder(String pattern) {
		return new PeerFolder("workers", Path.of("/run/workers"), pattern, 1, null, PeerFolder.DEFAULT_MAX_MEMBERS,
				Duration.ZERO);
	}

	@Test
	void minUpIsAtLeastOneAndMaxMembersAtLeastMinUp() {
		assertThat(PeerFolder.minUp(1)).isOne();
		assertThatIllegalArgumentException().isThrownBy(() -> PeerFolder.minUp(0))
			.withMessage("At least one member must be up for the group to be UP: give 1 or more.");
		assertThat(PeerFolder.maxMembers(3, 3)).isEqualTo(3);
		assertThatIllegalArgumentException().isThrownBy(() -> PeerFolder.maxMembers(2, 3))
			.withMessageStartingWith("The group could never be UP with fewer members followed than 'min-up' (3)");
	}

	@Test
	void gracePeriodsAreZeroOrPositiveAndAtMostACentury() {
		assertThat(GracePeriods.downAfter(Duration.ZERO)).isZero();
		assertThat(GracePeriods.startupGrace(Duration.ofSeconds(30))).hasSeconds(30);
		assertThatIllegalArgumentException().isThrownBy(() -> GracePeriods.downAfter(Duration.ofSeconds(-1)))
			.withMessageStartingWith("A grace period cannot be negative");
		assertThatIllegalArgumentException().isThrownBy(() -> GracePeriods.startupGrace(Duration.ofSeconds(-1)))
			.withMessageStartingWith("A start-up grace cannot be negative");
		assertThat(GracePeriods.downAfter(Duration.ofDays(36_500))).hasDays(36_500);
		assertThatIllegalArgumentException().isThrownBy(() -> GracePeriods.downAfter(Duration.ofDays(110_000)))
			.withMessage("A grace period can be at most 36500d (100 years); give 0 for none.");
	}

	@Test
	void intervalsAreOffOrPositiveAndAtMostACentury() {
		WatchSettings off = new WatchSettings(true, Duration.ZERO, Duration.ZERO);
		assertThat(off.pollInterval()).isZero();
		assertThat(WatchSettings.pollInterval(Duration.ofSeconds(1))).hasSeconds(1);
		assertThatIllegalArgumentException().isThrownBy(() -> WatchSettings.pollInterval(Duration.ofSeconds(-1)))
			.withMessageStartingWith("A poll interval cannot be negative; give 0 to probe nothing");
		assertThatIllegalArgumentException().isThrownBy(() -> WatchSettings.safetyNetInterval(Duration.ofMillis(-1)))
			.withMessageStartingWith("A safety-net interval cannot be negative");
		assertThatIllegalArgumentException().isThrownBy(() -> WatchSettings.pollInterval(Duration.ofDays(110_000)))
			.withMessageStartingWith("A poll interval can be at most 36500d");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WatchSettings(true, Duration.ofSeconds(1), Duration.ofSeconds(-60)))
			.withMessageStartingWith("A safety-net interval cannot be negative");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WatchSettings(false, Duration.ofSeconds(-1), Duration.ZERO))
			.withMessageStartingWith("A poll interval cannot be negative");
	}

	@Test
	void aNameIsNotBlankHasNoSpaceAtEitherEndAndNoSlash() {
		assertThat(Peers.name("orders-eu")).isEqualTo("orders-eu");
		assertThatIllegalArgumentException().isThrownBy(() -> Peers.name("orders/eu"))
			.withMessageStartingWith("A name cannot be blank, begin or end with white space, or contain '/'");
		assertThatIllegalArgumentException().isThrownBy(() -> Peers.name(""))
			.withMessageStartingWith("A name cannot be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> Peers.name(" "))
			.withMessageStartingWith("A name cannot be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> Peers.name(" orders"))
			.withMessageStartingWith("A name cannot be blank, begin or end with white space");
		assertThatIllegalArgumentException().isThrownBy(() -> Peers.name("orders\t"))
			.withMessageStartingWith("A name cannot be blank, begin or end with white space");
		assertThat(Peers.name("orders eu")).isEqualTo("orders eu");
		PeerProbe probe = new FifoPeerProbe(Path.of("/run/orders.fifo"), NativePosix.get());
		assertThatIllegalArgumentException().isThrownBy(() -> new Peers(Map.of("orders/eu", probe)))
			.withMessageStartingWith("A name cannot be blank, begin or end with white space, or contain '/'");
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> new PeerFolder("workers/eu", Path.of("/run/workers"), "*.fifo", 1, null, 1, Duration.ZERO))
			.withMessageStartingWith("A name cannot be blank, begin or end with white space, or contain '/'");
	}

	@Test
	void anOwnerIsAUserOfThisMachineOrANumericUid() {
		NativePosix posix = NativePosix.get();
		assertThat(ExpectedOwner.configured("root", posix).uid()).isZero();
		assertThat(ExpectedOwner.configured("1000680000", posix).uid()).isEqualTo(1000680000);
		assertThat(ExpectedOwner.configured("000000000001", posix).uid()).isEqualTo(1);
		assertThatIllegalArgumentException().isThrownBy(() -> ExpectedOwner.configured("no-such-user-42", posix))
			.withMessageStartingWith("No user of that name exists on this machine");
		assertThatIllegalArgumentException().isThrownBy(() -> ExpectedOwner.configured("99999999999", posix))
			.withMessage("The uid is too large; give an existing user name or a numeric uid of at most 2147483647.");
		assertThatIllegalArgumentException().isThrownBy(() -> ExpectedOwner.configured("-5", posix))
			.withMessageStartingWith("A uid cannot be negative;");
		assertThatIllegalArgumentException().isThrownBy(() -> ExpectedOwner.configured(" ", posix))
			.withMessageStartingWith("The owner is blank;");
		// The NUL would end the name early: "root\0x" must not be root.
		assertThatIllegalArgumentException().isThrownBy(() -> ExpectedOwner.configured("root\0x", posix));
	}

	@Test
	void aFolderIsMadeOnlyOfValuesThatKeepTheRules() {
		Path folder = Path.of("/run/workers");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PeerFolder("workers", folder, "*.fifo", 3, null, 2, Duration.ZERO))
			.withMessageStartingWith("The group could never be UP");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PeerFolder("workers", folder, "*.fifo", 1, null, 1, Duration.ofSeconds(-5)))
			.withMessageStartingWith("A grace period cannot be negative");
	}

}
