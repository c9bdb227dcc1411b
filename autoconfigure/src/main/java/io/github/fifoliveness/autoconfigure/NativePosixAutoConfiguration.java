package io.github.fifoliveness.autoconfigure;

import io.github.fifoliveness.posix.FifoSupport;
import io.github.fifoliveness.posix.NativePosix;
import io.github.fifoliveness.posix.NativePosixUnavailableException;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@link NativePosix} layer
 * that the beacons and the probes make their system calls through, when the application
 * uses any of them. Define a bean of your own to replace it.
 */
@AutoConfiguration
@ConditionalOnFeature
public final class NativePosixAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	NativePosix nativePosix(Environment environment) {
		String osName = environment.getProperty("os.name", "");
		if (!FifoSupport.isSupported(osName)) {
			throw NativePosixUnavailableException.noFifos(osName);
		}
		return NativePosix.get();
	}

}
