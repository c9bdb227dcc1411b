package io.github.fifoliveness.benchmarks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.github.fifoliveness.peer.FifoPeerProbe;
import io.github.fifoliveness.peer.ProbeResult;
import io.github.fifoliveness.posix.NativePosix;
import io.github.fifoliveness.posix.OpenFile;
import io.github.fifoliveness.posix.ProcessExistence;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One liveness check, done the fifo-liveness way and the ways users do it instead. All
 * targets are on this machine: a FIFO in a temporary folder, this JVM's own PID file, a
 * loopback listener.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class LivenessCheckBenchmark {

	private Path dir;

	private OpenFile heldReadEnd;

	private FifoPeerProbe readerPresent;

	private FifoPeerProbe noReader;

	private Path pidFile;

	private NativePosix posix;

	private ServerSocket listener;

	private Thread acceptor;

	private InetSocketAddress listenerAddress;

	@Setup(Level.Trial)
	public void setUp() throws Exception {
		NativePosix nativePosix = NativePosix.get();
		this.dir = Files.createTempDirectory("fifo-liveness-bench");
		Path held = this.dir.resolve("held.fifo");
		Path silent = this.dir.resolve("silent.fifo");
		nativePosix.createFifo(held, 0600);
		nativePosix.createFifo(silent, 0600);
		this.heldReadEnd = nativePosix.openReadEnd(held);
		this.readerPresent = new FifoPeerProbe(held, nativePosix);
		this.noReader = new FifoPeerProbe(silent, nativePosix);
		this.pidFile = Files.writeString(this.dir.resolve("app.pid"), ProcessHandle.current().pid() + "\n");
		this.posix = nativePosix;
		this.listener = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
		this.listenerAddress = new InetSocketAddress(InetAddress.getLoopbackAddress(), this.listener.getLocalPort());
		this.acceptor = new Thread(this::acceptAndClose, "acceptor");
		this.acceptor.setDaemon(true);
		this.acceptor.start();
	}

	@TearDown(Level.Trial)
	public void tearDown() throws IOException {
		this.heldReadEnd.close();
		this.listener.close();
		TemporaryFolders.delete(this.dir);
	}

	@Benchmark
	public ProbeResult fifoProbeReaderPresent() {
		return this.readerPresent.probe();
	}

	@Benchmark
	public ProbeResult fifoProbeNoReader() {
		return this.noReader.probe();
	}

	@Benchmark
	public boolean pidFileProcessHandle() throws IOException {
		long pid = Long.parseLong(Files.readString(this.pidFile).strip());
		return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
	}

	@Benchmark
	public boolean pidFileKill() throws IOException {
		int pid = Integer.parseInt(Files.readString(this.pidFile).strip());
		return this.posix.processExistence(pid) != ProcessExistence.NONE;
	}

	@Benchmark
	public boolean tcpConnect() throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(this.listenerAddress);
			return socket.isConnected();
		}
	}

	private void acceptAndClose() {
		while (!this.listener.isClosed()) {
			try (Socket accepted = this.listener.accept()) {
				// Closing at once is all a liveness listener does.
			}
			catch (IOException ex) {
				// Listener closed at tear-down.
			}
		}
	}

}
