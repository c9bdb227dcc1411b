package io.github.fifoliveness.sample.monitor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A monitor that watches the sample daemon through its liveness FIFO: see
 * {@code /actuator/health/peers}.
 */
@SpringBootApplication
public class SampleMonitorApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleMonitorApplication.class, args);
	}

}
