package io.github.fifoliveness.autoconfigure;

import java.time.Duration;

import io.github.fifoliveness.autoconfigure.systemd.SystemdAvailabilityNotifier;
import io.github.fifoliveness.autoconfigure.systemd.SystemdStartExtension;
import io.github.fifoliveness.posix.NativePosix;
import io.github.fifoliveness.systemd.SystemdNotifier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * {@link EnableAutoConfiguration Auto-configuration} that tells systemd what the
 * application does, where systemd asks for it ({@code NOTIFY_SOCKET} set): READY, STATUS,
 * STOPPING and, where the unit has {@code WatchdogSec=}, watchdog pings that follow the
 * {@code LivenessState}. Without {@code NOTIFY_SOCKET}, or in a test's application
 * context, nothing of it is loaded (see {@link Features}).
 */
@AutoConfiguration
@ConditionalOnFeature(Feature.SYSTEMD_NOTIFY)
@EnableConfigurationProperties(FifoLivenessProperties.class)
public final class SystemdNotifyAutoConfiguration {

	private static final String EXTEND_TIMEOUT = "fifo-liveness.systemd.extend-timeout";

	// Through the environment: systemd's variables, and a seam for tests. Static and
	// made of nothing but the environment, so the start extension can look it up while
	// any other bean is created. Built with Spring AOT where NOTIFY_SOCKET was set, the
	// application may run where it is not: there is no systemd to tell.
	@Bean
	@ConditionalOnMissingBean
	static SystemdNotifier systemdNotifier(Environment environment) {
		return SystemdNotifier.fromEnvironment(environment::getProperty, NativePosix::get)
			.orElseGet(SystemdNotifier::none);
	}

	@Bean
	@ConditionalOnMissingBean
	SystemdAvailabilityNotifier systemdAvailabilityNotifier(SystemdNotifier systemdNotifier) {
		return new SystemdAvailabilityNotifier(systemdNotifier);
	}

	// Static: a bean post-processor, created before the beans whose start it follows.
	@Bean
	@ConditionalOnProperty(EXTEND_TIMEOUT)
	static SystemdStartExtension systemdStartExtension(Environment environment,
			ObjectProvider<SystemdNotifier> systemdNotifier) {
		Duration configured = Binder.get(environment).bind(EXTEND_TIMEOUT, Duration.class).orElse(Duration.ZERO);
		Duration extension = PropertyRules.check(EXTEND_TIMEOUT, environment.getProperty(EXTEND_TIMEOUT),
				() -> SystemdNotifier.startTimeoutExtension(configured));
		return new SystemdStartExtension(systemdNotifier::getObject, extension);
	}

}
