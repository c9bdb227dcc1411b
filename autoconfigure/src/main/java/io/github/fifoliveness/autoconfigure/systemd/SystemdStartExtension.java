package io.github.fifoliveness.autoconfigure.systemd;

import java.time.Duration;
import java.util.function.Supplier;

import io.github.fifoliveness.systemd.SystemdNotifier;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Asks systemd for more time to start ({@code EXTEND_TIMEOUT_USEC}) while start-up
 * progresses: each initialized bean counts, and at most one request is sent per half
 * extension. A start that hangs in one step sends nothing more, so systemd's timeout
 * applies to it again one extension later; once ready, nothing is sent.
 */
public class SystemdStartExtension implements BeanPostProcessor {

	private final Supplier<SystemdNotifier> notifier;

	private final Duration extension;

	private final long minGapNanos;

	private long lastSent;

	private boolean sent;

	/**
	 * Create an extension of the start timeout.
	 * @param notifier where to send the requests, looked up on first use
	 * @param extension how much time each request asks for
	 */
	public SystemdStartExtension(Supplier<SystemdNotifier> notifier, Duration extension) {
		this.notifier = notifier;
		this.extension = extension;
		this.minGapNanos = extension.toNanos() / 2;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!(bean instanceof SystemdNotifier)) {
			progressed();
		}
		return bean;
	}

	/**
	 * Say that start-up progressed.
	 */
	public synchronized void progressed() {
		long now = System.nanoTime();
		if (this.sent && now - this.lastSent < this.minGapNanos) {
			return;
		}
		SystemdNotifier notifier;
		try {
			notifier = this.notifier.get();
		}
		catch (BeansException ex) {
			// A notifier of the application's own, made of a bean in creation now: the
			// next bean will do.
			return;
		}
		if (notifier.isReady()) {
			return;
		}
		notifier.extendStartTimeout(this.extension);
		this.sent = true;
		this.lastSent = now;
	}

}
