package io.github.fifoliveness.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ExcludedAutoConfigurations}: read from where Spring Boot reads them.
 */
class ExcludedAutoConfigurationsTests {

	@Test
	void readsThePropertyAndTheExclusionsOfTheApplicationsSources() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.autoconfigure.exclude",
				"com.example.FirstAutoConfiguration, com.example.SecondAutoConfiguration");
		assertThat(ExcludedAutoConfigurations.of(new SpringApplication(Excluding.class), environment))
			.containsExactlyInAnyOrder("com.example.FirstAutoConfiguration", "com.example.SecondAutoConfiguration",
					PeersAutoConfiguration.class.getName(), "com.example.ByNameAutoConfiguration");
	}

	@Test
	void noneWhereNothingIsExcluded() {
		assertThat(ExcludedAutoConfigurations.of(new SpringApplication(NotExcluding.class), new MockEnvironment()))
			.isEmpty();
	}

	@SpringBootApplication(exclude = PeersAutoConfiguration.class, excludeName = "com.example.ByNameAutoConfiguration")
	static class Excluding {

	}

	@SpringBootApplication
	static class NotExcluding {

	}

}
