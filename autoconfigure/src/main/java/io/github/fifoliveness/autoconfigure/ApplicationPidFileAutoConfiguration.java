package io.github.fifoliveness.autoconfigure;

import io.github.fifoliveness.pidfile.ApplicationPidFile;
import io.github.fifoliveness.posix.NativePosix;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.util.StringUtils;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the application's own
 * {@link ApplicationPidFile}, whether or not the application holds a beacon.
 */
@AutoConfiguration
@ConditionalOnFeature(Feature.PID_FILE)
@EnableConfigurationProperties(FifoLivenessProperties.class)
public final class ApplicationPidFileAutoConfiguration {

	private static final Log logger = LogFactory.getLog(ApplicationPidFileAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	@SuppressWarnings("deprecation")
	ApplicationPidFile applicationPidFile(FifoLivenessProperties properties, NativePosix posix) {
		if (StringUtils.hasText(properties.getPidFile())) {
			if (StringUtils.hasText(properties.getBeacon().getPidFile())) {
				logger.warn("'fifo-liveness.beacon.pid-file' is ignored: 'fifo-liveness.pid-file', which replaces it,"
						+ " is set too. Remove 'fifo-liveness.beacon.pid-file'.");
			}
			return new ApplicationPidFile(PathProperty.file("fifo-liveness.pid-file", properties.getPidFile()),
					"fifo-liveness.pid-file", posix);
		}
		logger.warn("'fifo-liveness.beacon.pid-file' is deprecated: set 'fifo-liveness.pid-file' instead, which"
				+ " also writes the PID file when the beacon is off.");
		String pidFile = properties.getBeacon().getPidFile();
		return new ApplicationPidFile(PathProperty.file("fifo-liveness.beacon.pid-file", pidFile),
				"fifo-liveness.beacon.pid-file", posix);
	}

	@Bean
	SmartLifecycle applicationPidFileLifecycle(ApplicationPidFile applicationPidFile) {
		return new StartStopLifecycle(applicationPidFile::start, applicationPidFile::stop,
				applicationPidFile::isRunning);
	}

}
