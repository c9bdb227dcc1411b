package io.github.fifoliveness.autoconfigure.test;

import io.github.fifoliveness.systemd.SystemdNotifier;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A test JVM that inherits {@code NOTIFY_SOCKET} (a build run by a systemd service)
 * notifies nobody: systemd's notifications are off in a test's application context, as
 * the beacon is.
 */
@SpringBootTest(classes = FifoLivenessTestApplication.class, properties = "NOTIFY_SOCKET=@fifo-liveness-test")
class TestContextNotifiesNoSystemdTests {

	@Autowired
	ApplicationContext context;

	@Test
	void noNotifier() {
		assertThat(this.context.getBeanProvider(SystemdNotifier.class).getIfAvailable()).isNull();
	}

}
