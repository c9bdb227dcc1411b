package io.github.fifoliveness.sample.daemon;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * A daemon like the ones users run: it does a little work on a schedule and, through the
 * starter, holds a liveness FIFO that monitors probe.
 */
@SpringBootApplication
@EnableScheduling
public class SampleDaemonApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleDaemonApplication.class, args);
	}

}
