package io.github.fifoliveness.posix;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;

import io.github.fifoliveness.testsupport.ChildProcesses;
import io.github.fifoliveness.testsupport.FileDescriptors;
import io.github.fifoliveness.testsupport.Fifos;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The calls behind {@link KernelEvents} and {@link NotifySocket} against the real kernel,
 * through every implementation this JVM can run: the foreign one on JDK 22 and later,
 * jffi's {@code syscall(3)}, and for the socket jnr-ffi's binding of libc, which serves
 * where no system-call table is known and is proven here on Linux too.
 */
@EnabledOnOs(value = OS.LINUX, architectures = { "amd64", "aarch64" })
class EventSyscallsTests {

	private static final LinuxSyscallTable TABLE = LinuxSyscallTable.current().orElseThrow();

	@RegisterExtension
	final ChildProcesses children = new ChildProcesses();

	@TempDir
	Path dir;

	private final NativePosix posix = NativePosix.get();

	static Stream<Named<TableSyscalls>> implementations() {
		return Arrays.stream(SyscallsLoader.supportedImplementations())
			.map((implementation) -> Named.of(implementation.name(),
					(TableSyscalls) SyscallsLoader.loadSyscalls(implementation)));
	}

	static Stream<Named<Syscalls>> socketImplementations() {
		return Stream.concat(implementations().map((named) -> Named.of(named.getName(), named.getPayload())),
				Stream.of(Named.of("jnr-ffi", JnrSyscalls.load())));
	}

	@ParameterizedTest
	@MethodSource("implementations")
	void heldWriteEndReportsTheReadersDeath(TableSyscalls calls) throws Exception {
		Path fifo = Fifos.create(this.dir.resolve("a.fifo"));
		Process reader = this.children.holdReadEnd(fifo);
		try (KernelEvents events = open(calls)) {
			NativePath path = NativePath.of(fifo);
			WriteEndResult hold = await().pollInSameThread()
				.atMost(Duration.ofSeconds(10))
				.until(() -> events.holdWriteEnd(path, NativePosix.ANY_OWNER, 7), (held) -> held.held() != null);
			KernelEventsTests.Recorder recorder = new KernelEventsTests.Recorder();
			events.await(0, recorder);
			assertThat(recorder.events).isEmpty();
			ChildProcesses.kill(reader);
			events.await(5000, recorder);
			assertThat(recorder.events).containsExactly("ready 7");
			hold.held().close();
		}
	}

	@ParameterizedTest
	@MethodSource("implementations")
	void folderWatchReadsTheNamesOfWhatAppears(TableSyscalls calls) throws Exception {
		try (KernelEvents events = open(calls)) {
			FolderWatch watch = events.folders().watch(this.dir);
			Fifos.create(this.dir.resolve("a-rather-long-name-that-takes-more-than-one-record-slot.fifo"));
			KernelEventsTests.Recorder recorder = new KernelEventsTests.Recorder();
			String expected = "CREATED a-rather-long-name-that-takes-more-than-one-record-slot.fifo@" + watch.id();
			await().pollInSameThread().atMost(Duration.ofSeconds(5)).until(() -> {
				events.await(100, recorder);
				return recorder.events.contains(expected);
			});
		}
	}

	@ParameterizedTest
	@MethodSource("implementations")
	void processWatchReportsTheExitAndWakeReturnsAtOnce(TableSyscalls calls) throws Exception {
		Process sleeper = this.children.start("sleep", "600");
		try (KernelEvents events = open(calls)) {
			OpenFile watch = events.watchProcess((int) sleeper.pid(), 3);
			KernelEventsTests.Recorder recorder = new KernelEventsTests.Recorder();
			events.wake();
			events.await(60_000, recorder);
			assertThat(recorder.events).isEmpty();
			ChildProcesses.kill(sleeper);
			events.await(5000, recorder);
			assertThat(recorder.events).containsExactly("ready 3");
			watch.close();
		}
	}

	@ParameterizedTest
	@MethodSource("implementations")
	void openFileLimitIsTheSoftLimit(TableSyscalls calls) {
		assertThat(calls.openFileLimit()).isEqualTo(FileDescriptors.softLimit());
	}

	@ParameterizedTest
	@MethodSource("socketImplementations")
	void datagramSentToAnAbstractAddressArrivesWhole(Syscalls calls) {
		byte[] address = NotifySocket
			.encode("@fifo-liveness-test/" + ProcessHandle.current().pid() + "/" + System.nanoTime());
		int type = Syscalls.SOCK_DGRAM | Syscalls.SOCK_CLOEXEC_NONBLOCK;
		int receiver = calls.socket(Syscalls.AF_UNIX, type);
		int sender = calls.socket(Syscalls.AF_UNIX, type);
		try {
			assertThat(receiver).isNotNegative();
			assertThat(sender).isNotNegative();
			assertThat(calls.bind(receiver, address)).isZero();
			byte[] message = "READY=1\nSTATUS=up".getBytes(StandardCharsets.UTF_8);
			assertThat(calls.sendto(sender, message, address)).isEqualTo(message.length);
			byte[] received = new byte[64];
			int length = calls.read(receiver, received);
			assertThat(new String(received, 0, Math.max(length, 0), StandardCharsets.UTF_8))
				.isEqualTo("READY=1\nSTATUS=up");
			assertThat(calls.read(receiver, received)).as("nothing more: EAGAIN")
				.isEqualTo(-PosixConstants.current().ewouldblock());
		}
		finally {
			calls.close(receiver);
			calls.close(sender);
		}
	}

	private KernelEvents open(TableSyscalls calls) throws KernelEventsUnavailableException {
		return KernelEvents.open(calls, this.posix, TABLE.epollEvent());
	}

}
