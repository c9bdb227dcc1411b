package io.github.fifoliveness.benchmarks;

import java.nio.file.Path;

import io.github.fifoliveness.peer.FifoPeerProbe;
import io.github.fifoliveness.posix.NativePosix;
import io.github.fifoliveness.posix.OpenFile;

/**
 * Probes one FIFO many times, for counting the system calls per probe under strace.
 * Usage: {@code ProbeLoop <fifo> <count> held|silent}.
 */
public final class ProbeLoop {

	private ProbeLoop() {
	}

	public static void main(String[] args) throws Exception {
		Path fifo = Path.of(args[0]);
		int count = Integer.parseInt(args[1]);
		NativePosix posix = NativePosix.get();
		posix.createFifo(fifo, 0600);
		OpenFile readEnd = args[2].equals("held") ? posix.openReadEnd(fifo) : null;
		FifoPeerProbe probe = new FifoPeerProbe(fifo, posix);
		int alive = 0;
		for (int i = 0; i < count; i++) {
			alive += probe.probe().alive() ? 1 : 0;
		}
		if (readEnd != null) {
			readEnd.close();
		}
		System.out.println("probes " + count + " alive " + alive);
	}

}
