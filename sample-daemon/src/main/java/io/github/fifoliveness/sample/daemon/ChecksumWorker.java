package io.github.fifoliveness.sample.daemon;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32C;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The daemon's work: every second it checksums a fresh block of data, the way a real
 * daemon would verify what it stores. {@code GET /work} shows how far it got.
 */
@Component
@RestController
public class ChecksumWorker {

	private final AtomicLong blocks = new AtomicLong();

	private volatile long lastChecksum;

	@Scheduled(fixedRate = 1000)
	void checksumNextBlock() {
		byte[] block = new byte[64 * 1024];
		ThreadLocalRandom.current().nextBytes(block);
		CRC32C crc = new CRC32C();
		crc.update(block);
		this.lastChecksum = crc.getValue();
		this.blocks.incrementAndGet();
	}

	@GetMapping("/work")
	WorkDone work() {
		return new WorkDone(this.blocks.get(), Long.toHexString(this.lastChecksum));
	}

	record WorkDone(long blocksChecked, String lastChecksum) {
	}

}
