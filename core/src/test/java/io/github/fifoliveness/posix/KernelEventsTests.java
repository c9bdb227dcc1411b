package io.github.fifoliveness.posix;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.fifoliveness.testsupport.ChildProcesses;
import io.github.fifoliveness.testsupport.FileDescriptors;
import io.github.fifoliveness.testsupport.Fifos;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link KernelEvents} against the real kernel: real FIFOs, real processes.
 */
class KernelEventsTests {

	@RegisterExtension
	final ChildProcesses children = new ChildProcesses();

	@TempDir
	Path dir;

	private final NativePosix posix = NativePosix.get();

	private final Recorder recorder = new Recorder();

	private long descriptorsBefore;

	private KernelEvents events;

	@BeforeEach
	void open() throws Exception {
		this.descriptorsBefore = FileDescriptors.count();
		this.events = KernelEvents.open(this.posix);
	}

	@AfterEach
	void close() {
		this.events.close();
	}

	@Test
	void heldWriteEndReportsItsKeyOnceWhenTheReaderIsKilled() throws Exception {
		Path fifo = Fifos.create(this.dir.resolve("a.fifo"));
		Process reader = this.children.holdReadEnd(fifo);
		WriteEndResult hold = awaitReader(fifo, 7);
		assertThat(hold.held().status().type()).isEqualTo(FileType.FIFO);
		this.events.await(0, this.recorder);
		assertThat(this.recorder.events).as("nothing while the reader lives: EPOLLOUT is not registered").isEmpty();

		ChildProcesses.kill(reader);
		this.events.await(5000, this.recorder);
		assertThat(this.recorder.events).containsExactly("ready 7");
		this.events.await(50, this.recorder);
		assertThat(this.recorder.events).as("EPOLLONESHOT: one report although the error stays").hasSize(1);
		hold.held().close();
	}

	@Test
	void aFifoWithoutReaderIsNotHeld() throws Exception {
		Path fifo = Fifos.create(this.dir.resolve("a.fifo"));
		WriteEndResult hold = this.events.holdWriteEnd(NativePath.of(fifo), NativePosix.ANY_OWNER, 1);
		assertThat(hold).isInstanceOf(WriteEndResult.NoReader.class);
		assertThat(hold.held()).isNull();
		// The set's own: epoll, inotify, eventfd and the mount table.
		assertThat(FileDescriptors.count()).isEqualTo(this.descriptorsBefore + 4);
	}

	@Test
	void aHeldEndIsNotAReader() throws Exception {
		Path fifo = Fifos.create(this.dir.resolve("a.fifo"));
		Process reader = this.children.holdReadEnd(fifo);
		WriteEndResult hold = awaitReader(fifo, 1);
		ChildProcesses.kill(reader);
		assertThat(this.posix.openWriteEndAndClose(fifo, NativePosix.ANY_OWNER))
			.isInstanceOf(WriteEndResult.NoReader.class);
		hold.held().close();
	}

	@Test
	void heldEndKnowsWhenItsFifoIsReplacedAtThePath() throws Exception {
		Path fifo = Fifos.create(this.dir.resolve("a.fifo"));
		this.children.holdReadEnd(fifo);
		WriteEndResult hold = awaitReader(fifo, 1);
		NativePath path = NativePath.of(fifo);
		assertThat(hold.held().isStillAt(path)).isTrue();
		Files.delete(fifo);
		Fifos.create(fifo);
		assertThat(hold.held().isStillAt(path)).isFalse();
		hold.held().close();
	}

	@Test
	void folderWatchReportsCreationsOpensClosesAndDeletionsByName() throws Exception {
		FolderWatch watch = this.events.folders().watch(this.dir);
		String at = "@" + watch.id();
		Path fifo = Fifos.create(this.dir.resolve("a.fifo"));
		assertThat(awaitFolderEvent("CREATED a.fifo" + at)).doesNotContain("OPENED a.fifo" + at);
		Process reader = this.children.holdReadEnd(fifo);
		assertThat(awaitFolderEvent("OPENED a.fifo" + at)).doesNotContain("CLOSED_AFTER_WRITING a.fifo" + at);
		this.posix.openWriteEndAndClose(fifo, NativePosix.ANY_OWNER);
		assertThat(awaitFolderEvent("CLOSED_AFTER_WRITING a.fifo" + at)).containsExactly("OPENED a.fifo" + at,
				"CLOSED_AFTER_WRITING a.fifo" + at);
		ChildProcesses.kill(reader);
		Files.delete(fifo);
		assertThat(awaitFolderEvent("DELETED a.fifo" + at)).endsWith("DELETED a.fifo" + at);
	}

	@Test
	void aFolderWhoseModeChangesIsReportedAndStaysWatched() throws Exception {
		FolderWatch watch = this.events.folders().watch(this.dir);
		Files.setPosixFilePermissions(this.dir, PosixFilePermissions.fromString("rwx--x--x"));
		assertThat(awaitFolderEvent("attributes " + watch.id())).containsExactly("attributes " + watch.id());
		Fifos.create(this.dir.resolve("a.fifo"));
		awaitFolderEvent("CREATED a.fifo@" + watch.id());
	}

	@Test
	void inotifyMergesAnOpenIntoTheIdenticalOpenBeforeIt() throws Exception {
		// So an open followed by a close after writing may hide a reader's open: not a
		// probe's own for sure.
		FolderWatch watch = this.events.folders().watch(this.dir);
		String at = "@" + watch.id();
		Path fifo = Fifos.create(this.dir.resolve("a.fifo"));
		awaitFolderEvent("CREATED a.fifo" + at);
		try (OpenFile reader = this.posix.openReadEnd(fifo)) {
			assertThat(this.posix.openWriteEndAndClose(fifo, NativePosix.ANY_OWNER))
				.isInstanceOf(WriteEndResult.ReaderPresent.class);
			assertThat(awaitFolderEvent("CLOSED_AFTER_WRITING a.fifo" + at))
				.as("the reader's open and the probe's, merged")
				.containsExactly("OPENED a.fifo" + at, "CLOSED_AFTER_WRITING a.fifo" + at);
		}
	}

	@Test
	void aWatchForNamesReportsNoOpensUnlessTheFolderIsWatchedInFullToo() throws Exception {
		FolderWatch names = this.events.folders().watchNames(this.dir);
		String at = "@" + names.id();
		Path fifo = Fifos.create(this.dir.resolve("a.fifo"));
		awaitFolderEvent("CREATED a.fifo" + at);
		try (OpenFile reader = this.posix.openReadEnd(fifo)) {
			this.posix.openWriteEndAndClose(fifo, NativePosix.ANY_OWNER);
			Files.delete(Fifos.create(this.dir.resolve("marker.fifo")));
			assertThat(awaitFolderEvent("DELETED marker.fifo" + at)).as("no opens or closes")
				.containsExactly("CREATED marker.fifo" + at, "DELETED marker.fifo" + at);
			// A full watch of the same folder reports opens, and a watch for names added
			// afterwards takes nothing away from it.
			assertThat(this.events.folders().watch(this.dir).id()).isEqualTo(names.id());
			this.events.folders().watchNames(this.dir);
			this.posix.openWriteEndAndClose(fifo, NativePosix.ANY_OWNER);
			assertThat(awaitFolderEvent("CLOSED_AFTER_WRITING a.fifo" + at)).contains("OPENED a.fifo" + at);
		}
	}

	// Returns the events reported since the last call, once the expected one is among
	// them.
	private List<String> awaitFolderEvent(String expected) {
		return await().pollInSameThread().atMost(Duration.ofSeconds(5)).until(() -> {
			this.events.await(100, this.recorder);
			if (!this.recorder.events.contains(expected)) {
				return null;
			}
			List<String> seen = new ArrayList<>(this.recorder.events);
			this.recorder.events.clear();
			return seen;
		}, (seen) -> seen != null);
	}

	@Test
	void aDeletedFolderIsReportedGone() throws Exception {
		Path folder = Files.createDirectory(this.dir.resolve("peers"));
		FolderWatch watch = this.events.folders().watch(folder);
		assertThat(this.events.folders().watch(folder).id()).as("same folder, same watch").isEqualTo(watch.id());
		Files.delete(folder);
		await().pollInSameThread().atMost(Duration.ofSeconds(5)).until(() -> {
			this.events.await(100, this.recorder);
			return this.recorder.events.contains("gone " + watch.id());
		});
	}

	@Test
	void aMissingFolderCannotBeWatched() {
		assertThatExceptionOfType(PosixException.class)
			.isThrownBy(() -> this.events.folders().watch(this.dir.resolve("not-yet")))
			.satisfies((ex) -> assertThat(ex.isMissing()).isTrue());
	}

	@Test
	void processWatchReportsTheExit() throws Exception {
		Process sleeper = this.children.start("sleep", "600");
		OpenFile watch = this.events.watchProcess((int) sleeper.pid(), 3);
		this.events.await(0, this.recorder);
		assertThat(this.recorder.events).isEmpty();
		ChildProcesses.kill(sleeper);
		this.events.await(5000, this.recorder);
		assertThat(this.recorder.events).containsExactly("ready 3");
		watch.close();
	}

	@Test
	void wakeReturnsAWaitingThreadAtOnce() throws Exception {
		Thread waker = new Thread(() -> {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.events.wake();
		});
		waker.start();
		long start = System.nanoTime();
		this.events.await(60_000, this.recorder);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
		assertThat(this.recorder.events).isEmpty();
		waker.join();
	}

	@Test
	void closeClosesEveryDescriptorItOpened() throws Exception {
		Path fifo = Fifos.create(this.dir.resolve("a.fifo"));
		this.events.close();
		this.children.holdReadEnd(fifo);
		this.descriptorsBefore = FileDescriptors.count();
		this.events = KernelEvents.open(this.posix);
		awaitReader(fifo, 1);
		this.events.watchProcess((int) ProcessHandle.current().pid(), 2);
		this.events.folders().watch(this.dir);
		assertThat(FileDescriptors.count()).isEqualTo(this.descriptorsBefore + 6);
		this.events.close();
		assertThat(FileDescriptors.count()).isEqualTo(this.descriptorsBefore);
		this.events.wake();
	}

	@Test
	void openFileLimitIsTheSoftLimit() throws Exception {
		assertThat(this.events.openFileLimit()).isEqualTo(FileDescriptors.softLimit());
	}

	@Test
	void epollEventLayoutsPutTheDataWhereTheKernelReadsIt() {
		assertThat(LinuxSyscallTable.forPlatform("Linux", "amd64").orElseThrow().epollEvent())
			.isEqualTo(EpollEventLayout.PACKED);
		assertThat(LinuxSyscallTable.forPlatform("Linux", "aarch64").orElseThrow().epollEvent())
			.isEqualTo(EpollEventLayout.ALIGNED);
		assertThat(LinuxSyscallTable.forPlatform("Linux", "ppc64le")).isEmpty();
		assertThat(LinuxSyscallTable.forPlatform("Mac OS X", "aarch64")).isEmpty();
		for (EpollEventLayout layout : List.of(EpollEventLayout.PACKED, EpollEventLayout.ALIGNED)) {
			byte[] two = new byte[2 * layout.size()];
			System.arraycopy(layout.encode(8, 42), 0, two, layout.size(), layout.size());
			ByteBuffer view = ByteBuffer.wrap(two).order(ByteOrder.nativeOrder());
			assertThat(view.getInt(layout.size())).isEqualTo(8);
			assertThat(layout.data(view, 1)).isEqualTo(42);
		}
	}

	private WriteEndResult awaitReader(Path fifo, int key) {
		NativePath path = NativePath.of(fifo);
		return await().pollInSameThread()
			.atMost(Duration.ofSeconds(10))
			.until(() -> this.events.holdWriteEnd(path, NativePosix.ANY_OWNER, key), (hold) -> hold.held() != null);
	}

	static final class Recorder implements KernelEventHandler {

		final List<String> events = new ArrayList<>();

		@Override
		public void ready(int key) {
			this.events.add("ready " + key);
		}

		@Override
		public void folderChanged(int watch, String name, FolderChange change) {
			this.events.add(change + " " + name + "@" + watch);
		}

		@Override
		public void folderGone(int watch) {
			this.events.add("gone " + watch);
		}

		@Override
		public void folderAttributesChanged(int watch) {
			this.events.add("attributes " + watch);
		}

		@Override
		public void eventsLost() {
			this.events.add("lost");
		}

		@Override
		public void mountsChanged() {
			this.events.add("mounts");
		}

	}

}
