package io.github.fifoliveness.autoconfigure;

import io.github.fifoliveness.posix.NativePosix;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@link NativePosix} layer
 * that the beacons and the probes make their system calls through. Define a bean of your
 * own to replace it.
 */
@AutoConfiguration
public final class NativePosixAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	NativePosix nativePosix() {
		return NativePosix.get();
	}

}
