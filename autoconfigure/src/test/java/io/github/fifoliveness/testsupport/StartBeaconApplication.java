package io.github.fifoliveness.testsupport;

import io.github.fifoliveness.autoconfigure.LivenessBeaconAutoConfiguration;
import io.github.fifoliveness.autoconfigure.NativePosixAutoConfiguration;
import io.github.fifoliveness.posix.NativePosix;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * Starts an application with the liveness beacon in a process of its own, with the
 * arguments given (such as {@code --fifo-liveness.beacon.path=…}), prints
 * {@code started with FFM} (the native implementation) once it holds its FIFO, and stops.
 * A startup failure is reported by Spring Boot's failure analysis.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({ NativePosixAutoConfiguration.class, LivenessBeaconAutoConfiguration.class })
public class StartBeaconApplication {

	public static void main(String[] args) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(StartBeaconApplication.class)
			.web(WebApplicationType.NONE)
			.run(args)) {
			System.out.println("started with " + NativePosix.get().implementation().name());
		}
	}

}
