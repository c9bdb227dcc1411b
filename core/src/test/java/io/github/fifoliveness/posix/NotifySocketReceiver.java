package io.github.fifoliveness.posix;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

import org.awaitility.Awaitility;

/**
 * The service manager's end of a notify socket, for tests: a Unix datagram socket bound
 * to a path or an abstract name through the project's own native layer, whose datagrams a
 * thread of its own collects with the time each arrived.
 */
public final class NotifySocketReceiver implements AutoCloseable {

	private static final Duration POLL = Duration.ofMillis(2);

	private final Syscalls calls;

	private final String address;

	private final int fd;

	private final List<Datagram> datagrams = new CopyOnWriteArrayList<>();

	private final Thread reader;

	private volatile boolean closed;

	private volatile boolean paused;

	private NotifySocketReceiver(Syscalls calls, String address, int fd) {
		this.calls = calls;
		this.address = address;
		this.fd = fd;
		this.reader = new Thread(this::read, "notify socket " + address);
		this.reader.setDaemon(true);
		this.reader.start();
	}

	/**
	 * Bind a receiver.
	 * @param address an absolute path (of a socket file to create), or {@code @} and a
	 * name in the abstract namespace
	 * @return the receiver
	 */
	public static NotifySocketReceiver bind(String address) {
		Syscalls calls = NativePosix.get().syscalls();
		int fd = calls.socket(Syscalls.AF_UNIX, Syscalls.SOCK_DGRAM | Syscalls.SOCK_CLOEXEC_NONBLOCK);
		if (fd < 0) {
			throw new IllegalStateException("socket failed: " + PosixConstants.errorName(-fd));
		}
		int bound = calls.bind(fd, NotifySocket.encode(address));
		if (bound < 0) {
			calls.close(fd);
			throw new IllegalStateException("bind(" + address + ") failed: " + PosixConstants.errorName(-bound));
		}
		return new NotifySocketReceiver(calls, address, fd);
	}

	/**
	 * Bind a receiver to a name of its own in the abstract namespace.
	 * @return the receiver
	 */
	public static NotifySocketReceiver bindAbstract() {
		return bind("@fifo-liveness-test/" + ProcessHandle.current().pid() + "/" + System.nanoTime());
	}

	private void read() {
		byte[] buffer = new byte[4096];
		while (!this.closed) {
			int length = this.paused ? -1 : this.calls.read(this.fd, buffer);
			if (length >= 0) {
				this.datagrams.add(new Datagram(new String(Arrays.copyOf(buffer, length), StandardCharsets.UTF_8),
						System.nanoTime()));
			}
			else {
				LockSupport.parkNanos(POLL.toNanos());
			}
		}
	}

	/**
	 * Stop or go on reading, as a service manager too busy to read would.
	 * @param paused whether to stop reading
	 */
	public void paused(boolean paused) {
		this.paused = paused;
	}

	/**
	 * Return the address to put in {@code NOTIFY_SOCKET}.
	 * @return the address
	 */
	public String address() {
		return this.address;
	}

	/**
	 * Return every datagram received so far.
	 * @return the datagrams, in order of arrival
	 */
	public List<Datagram> datagrams() {
		return List.copyOf(this.datagrams);
	}

	/**
	 * Return the datagrams received so far that hold a line.
	 * @param line a whole line, such as {@code WATCHDOG=1}
	 * @return the datagrams, in order of arrival
	 */
	public List<Datagram> withLine(String line) {
		return this.datagrams.stream().filter((datagram) -> datagram.hasLine(line)).toList();
	}

	/**
	 * Wait until some number of datagrams holding a line have arrived.
	 * @param line a whole line
	 * @param count how many
	 * @param atMost how long to wait
	 * @return those datagrams
	 */
	public List<Datagram> awaitLine(String line, int count, Duration atMost) {
		Awaitility.await()
			.alias(count + " x '" + line + "' in " + this.datagrams)
			.atMost(atMost)
			.pollInterval(Duration.ofMillis(10))
			.until(() -> withLine(line).size() >= count);
		return withLine(line);
	}

	/**
	 * Wait for a datagram holding a line.
	 * @param line a whole line
	 * @param atMost how long to wait
	 * @return the first datagram that holds it
	 */
	public Datagram awaitLine(String line, Duration atMost) {
		return awaitLine(line, 1, atMost).get(0);
	}

	@Override
	public void close() throws InterruptedException {
		this.closed = true;
		this.reader.join(Duration.ofSeconds(10).toMillis());
		this.calls.close(this.fd);
	}

	/**
	 * One datagram.
	 *
	 * @param text its text
	 * @param receivedNanos when it arrived, in {@link System#nanoTime()}
	 */
	public record Datagram(String text, long receivedNanos) {

		/**
		 * Return whether the datagram holds a whole line.
		 * @param line the line
		 * @return whether it holds it
		 */
		public boolean hasLine(String line) {
			return Arrays.asList(this.text.split("\n")).contains(line);
		}

	}

}
