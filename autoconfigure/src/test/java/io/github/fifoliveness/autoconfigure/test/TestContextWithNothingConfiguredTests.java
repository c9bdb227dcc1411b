package io.github.fifoliveness.autoconfigure.test;

import io.github.fifoliveness.posix.NativePosix;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A test of an application with the beacon on only by default and no peer needs nothing
 * native: not even the native layer's bean is there.
 */
@SpringBootTest(classes = FifoLivenessTestApplication.class)
class TestContextWithNothingConfiguredTests {

	@Autowired
	ApplicationContext context;

	@Test
	void noNativeLayer() {
		assertThat(this.context.getBeanProvider(NativePosix.class).getIfAvailable()).isNull();
	}

}
