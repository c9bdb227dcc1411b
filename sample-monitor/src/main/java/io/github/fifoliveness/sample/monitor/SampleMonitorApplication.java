package io.github.fifoliveness.sample.monitor;

import java.util.Arrays;

import io.github.fifoliveness.peer.LivenessCheckCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A monitor that watches the sample daemon through its liveness FIFO: see
 * {@code /actuator/health/peers}. {@code java -jar sample-monitor.jar check <fifo>} (or
 * {@code check --pid-file <file>}) checks one peer from a shell instead.
 */
@SpringBootApplication
public class SampleMonitorApplication {

	public static void main(String[] args) {
		if (args.length > 0 && args[0].equals("check")) {
			// A one-shot check for scripts: no Spring context, just the probe and an exit
			// status.
			System.exit(LivenessCheckCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
		}
		SpringApplication.run(SampleMonitorApplication.class, args);
	}

}
