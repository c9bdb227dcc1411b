package io.github.fifoliveness.examples.plainjava;

import java.nio.file.Path;

import io.github.fifoliveness.beacon.FifoBeacon;
import io.github.fifoliveness.peer.FifoPeerProbe;
import io.github.fifoliveness.peer.ProbeResult;
import io.github.fifoliveness.posix.NativePosix;

/**
 * A service without Spring: holds its own beacon and follows a peer, printing one line
 * per change of the peer's status.
 */
public final class PlainJavaExample {

	private PlainJavaExample() {
	}

	/**
	 * Hold the beacon at the first path and follow the peer whose FIFO is at the second.
	 * @param args the beacon's path and the peer's path
	 * @throws InterruptedException when interrupted
	 */
	public static void main(String[] args) throws InterruptedException {
		FifoBeacon beacon = new FifoBeacon(Path.of(args[0]), true, NativePosix.get());
		beacon.hold();
		FifoPeerProbe peer = new FifoPeerProbe(Path.of(args[1]), NativePosix.get());
		String last = "";
		while (true) {
			ProbeResult result = peer.probe();
			String line = result.alive() ? "peer UP" : "peer DOWN " + result.reason();
			if (!line.equals(last)) {
				System.out.println(line);
				last = line;
			}
			Thread.sleep(100);
		}
	}

}
