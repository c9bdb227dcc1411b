package io.github.fifoliveness.autoconfigure.test;

import io.github.fifoliveness.autoconfigure.ApplicationPidFileAutoConfiguration;
import io.github.fifoliveness.autoconfigure.LivenessBeaconAutoConfiguration;
import io.github.fifoliveness.autoconfigure.NativePosixAutoConfiguration;
import io.github.fifoliveness.autoconfigure.PeersAutoConfiguration;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * The application the tests of the test support start, with everything of fifo-liveness
 * that reaches outside the JVM.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@ImportAutoConfiguration({ NativePosixAutoConfiguration.class, LivenessBeaconAutoConfiguration.class,
		ApplicationPidFileAutoConfiguration.class, PeersAutoConfiguration.class })
class FifoLivenessTestApplication {

}
