package io.github.fifoliveness.sample.daemon;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * A daemon like the ones users run: it does a little work on a schedule and, through the
 * starter, holds a liveness FIFO that monitors probe.
 */
@SpringBootApplication
@EnableScheduling
public class SampleDaemonApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(SampleDaemonApplication.class);
		// For scripts/startup-breakdown.sh: Boot's start-up steps, read from
		// /actuator/startup.
		if (Boolean.getBoolean("sample.startup-steps")) {
			application.setApplicationStartup(new BufferingApplicationStartup(20_000));
		}
		application.run(args);
	}

}
