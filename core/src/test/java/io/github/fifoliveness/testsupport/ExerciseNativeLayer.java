package io.github.fifoliveness.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

import io.github.fifoliveness.peer.FifoPeerProbe;
import io.github.fifoliveness.peer.PidFilePeerProbe;
import io.github.fifoliveness.posix.KernelEvents;
import io.github.fifoliveness.posix.KernelEventHandler;
import io.github.fifoliveness.posix.NativePath;
import io.github.fifoliveness.posix.NativePosix;
import io.github.fifoliveness.posix.NotifySocket;
import io.github.fifoliveness.posix.OpenFile;
import io.github.fifoliveness.posix.PosixException;
import io.github.fifoliveness.posix.WriteEndResult;

/**
 * Makes every native call fifo-liveness makes, in a folder given as the argument, then
 * prints what a send to a notify socket nobody binds gave ({@code notify ECONNREFUSED}),
 * the implementation ({@code implementation FFM}) and every line of
 * {@code /proc/self/maps} that names jffi ({@code mapped …}), for tests that must know
 * what a fresh JVM loaded.
 */
public final class ExerciseNativeLayer {

	private static final KernelEventHandler IGNORE = new IgnoreKernelEvents();

	private ExerciseNativeLayer() {
	}

	public static void main(String[] args) throws Exception {
		Path dir = Path.of(args[0]);
		NativePosix posix = NativePosix.get();
		Path fifo = dir.resolve("exercise.fifo");
		posix.createFifo(fifo, 0600);
		posix.statusOf(fifo).orElseThrow();
		FifoPeerProbe probe = new FifoPeerProbe(fifo, posix);
		probe.probe();
		try (OpenFile readEnd = posix.openReadEnd(fifo)) {
			probe.probe();
			readEnd.isStillAt(fifo);
		}
		try (OpenFile lock = posix.createFile(dir.resolve("exercise.lock"), 0600)) {
			lock.tryLockExclusive();
			lock.replaceContent(posix.processId() + "\n");
			lock.readContent(32);
		}
		Path pidFile = Files.writeString(dir.resolve("exercise.pid"), ProcessHandle.current().pid() + "\n");
		new PidFilePeerProbe(pidFile, posix).probe();
		posix.effectiveUid();
		exerciseKernelEvents(posix, fifo, dir);
		exerciseNotifySocket(posix);
		System.out.println("implementation " + posix.implementation().name());
		Files.readAllLines(Path.of("/proc/self/maps"))
			.stream()
			.filter((line) -> line.contains("jffi"))
			.forEach((line) -> System.out.println("mapped " + line));
	}

	// socket and sendto, to an address nobody binds: the send fails, with errno's name.
	private static void exerciseNotifySocket(NativePosix posix) {
		try (NotifySocket socket = NotifySocket.open("@fifo-liveness-exercise/" + System.nanoTime(), posix)) {
			socket.send("READY=1");
			System.out.println("notify sent");
		}
		catch (PosixException ex) {
			System.out.println("notify " + ex.getErrorName());
		}
	}

	// Every call the peer watcher makes: epoll, inotify, eventfd, pidfd, the descriptor
	// limit.
	private static void exerciseKernelEvents(NativePosix posix, Path fifo, Path dir) throws Exception {
		try (KernelEvents events = KernelEvents.open(posix); OpenFile readEnd = posix.openReadEnd(fifo)) {
			events.openFileLimit();
			events.folders().watch(dir);
			events.watchProcess((int) ProcessHandle.current().pid(), 1);
			WriteEndResult hold = events.holdWriteEnd(NativePath.of(fifo), NativePosix.ANY_OWNER, 2);
			events.wake();
			events.await(1000, IGNORE);
			hold.held().close();
		}
	}

}
