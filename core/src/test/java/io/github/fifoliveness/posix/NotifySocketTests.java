package io.github.fifoliveness.posix;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A notify socket sends each message as one datagram to a real receiver, at a path or an
 * abstract name, through the implementation this JVM runs; an address nobody listens on
 * fails the send with an error name, never the open.
 */
@EnabledOnOs(OS.LINUX)
class NotifySocketTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@TempDir
	Path dir;

	@Test
	void sendsEachMessageAsOneDatagramToAPath() throws Exception {
		try (NotifySocketReceiver receiver = NotifySocketReceiver.bind(this.dir.resolve("notify").toString());
				NotifySocket socket = NotifySocket.open(receiver.address(), NativePosix.get())) {
			socket.send("READY=1\nSTATUS=Ready");
			socket.send("WATCHDOG=1");
			receiver.awaitLine("WATCHDOG=1", WAIT);
			assertThat(receiver.datagrams()).extracting(NotifySocketReceiver.Datagram::text)
				.containsExactly("READY=1\nSTATUS=Ready", "WATCHDOG=1");
		}
	}

	@Test
	void sendsToANameInTheAbstractNamespace() throws Exception {
		try (NotifySocketReceiver receiver = NotifySocketReceiver.bindAbstract();
				NotifySocket socket = NotifySocket.open(receiver.address(), NativePosix.get())) {
			assertThat(receiver.address()).startsWith("@");
			socket.send("STATUS=Grüße");
			assertThat(receiver.awaitLine("STATUS=Grüße", WAIT).text()).isEqualTo("STATUS=Grüße");
		}
	}

	@Test
	void anAbstractNameIsNotThePathOfTheSameName() throws Exception {
		String name = this.dir.resolve("notify").toString();
		try (NotifySocketReceiver receiver = NotifySocketReceiver.bind("@" + name);
				NotifySocket socket = NotifySocket.open(name, NativePosix.get())) {
			assertThat(Files.exists(Path.of(name))).isFalse();
			assertThatExceptionOfType(PosixException.class).isThrownBy(() -> socket.send("READY=1"))
				.satisfies((ex) -> assertThat(ex.getErrorName()).isEqualTo("ENOENT"));
		}
	}

	@Test
	void aMissingSocketFailsTheSendNotTheOpen() throws Exception {
		try (NotifySocket socket = NotifySocket.open(this.dir.resolve("missing").toString(), NativePosix.get())) {
			assertThatExceptionOfType(PosixException.class).isThrownBy(() -> socket.send("READY=1"))
				.satisfies((ex) -> assertThat(ex.getErrorName()).isEqualTo("ENOENT"))
				.withMessageContaining("sendto(" + this.dir.resolve("missing") + ")");
		}
	}

	@Test
	void aSocketNobodyReadsAnyMoreRefusesTheSend() throws Exception {
		String path = this.dir.resolve("notify").toString();
		NotifySocketReceiver.bind(path).close();
		try (NotifySocket socket = NotifySocket.open(path, NativePosix.get())) {
			assertThatExceptionOfType(PosixException.class).isThrownBy(() -> socket.send("READY=1"))
				.satisfies((ex) -> assertThat(ex.getErrorName()).isEqualTo("ECONNREFUSED"));
		}
	}

	@Test
	void aClosedSocketFailsTheSend() throws Exception {
		NotifySocket socket = NotifySocket.open("@unused", NativePosix.get());
		socket.close();
		assertThatExceptionOfType(PosixException.class).isThrownBy(() -> socket.send("READY=1"))
			.satisfies((ex) -> assertThat(ex.getErrorName()).isEqualTo("EBADF"));
	}

	@Test
	void addressesThatNameNoUnixSocketAreRefusedWithTheAddress() {
		NativePosix posix = NativePosix.get();
		assertThatIllegalArgumentException().isThrownBy(() -> NotifySocket.open("run/notify", posix))
			.withMessageContaining("'run/notify' is neither an absolute path nor an abstract name");
		assertThatIllegalArgumentException().isThrownBy(() -> NotifySocket.open("@", posix))
			.withMessageContaining("'@' names no socket");
		String tooLong = "/" + "x".repeat(107);
		assertThatIllegalArgumentException().isThrownBy(() -> NotifySocket.open(tooLong, posix))
			.withMessageContaining("longer than a Unix socket address can be (107 bytes)");
	}

	@Test
	void addressesAreEncodedAsSystemdsOwnSdNotifyDoes() {
		byte[] path = NotifySocket.encode("/run/n");
		assertThat(path).hasSize(2 + 6 + 1).endsWith(0);
		assertThat(new String(path, 2, 6)).isEqualTo("/run/n");
		byte[] name = NotifySocket.encode("@n/1");
		assertThat(name).hasSize(2 + 1 + 3);
		assertThat(name[2]).isZero();
		assertThat(new String(name, 3, 3)).isEqualTo("n/1");
	}

}
