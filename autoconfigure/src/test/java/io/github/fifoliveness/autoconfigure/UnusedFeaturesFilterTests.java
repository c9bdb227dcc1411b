package io.github.fifoliveness.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport.ConditionAndOutcome;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application that uses none of fifo-liveness's features has the auto-configurations
 * that need one removed before Spring Boot reads them, with the reason in the condition
 * evaluation report; any used feature keeps them all, for their own conditions to decide.
 * Those that a bean of the application's own turns on always stay.
 */
class UnusedFeaturesFilterTests {

	private static final String PEERS = "io.github.fifoliveness.autoconfigure.PeersAutoConfiguration";

	private static final String PID_FILE = "io.github.fifoliveness.autoconfigure.ApplicationPidFileAutoConfiguration";

	private static final String BEACON = "io.github.fifoliveness.autoconfigure.LivenessBeaconAutoConfiguration";

	private static final String OTHER = "org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration";

	private final MockEnvironment environment = new MockEnvironment();

	private final DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();

	@Test
	void unusedStarterHasItsAutoConfigurationsRemovedAndReported() {
		this.environment.setProperty("fifo-liveness.beacon.enabled", "false");
		assertThat(match(PID_FILE, OTHER, null, BEACON)).containsExactly(false, true, true, false);
		ConditionAndOutcome reported = ConditionEvaluationReport.get(this.beanFactory)
			.getConditionAndOutcomesBySource()
			.get(PID_FILE)
			.iterator()
			.next();
		assertThat(reported.getOutcome().isMatch()).isFalse();
		assertThat(reported.getOutcome().getMessage()).contains("none is used");
	}

	@Test
	void beaconOnByDefaultKeepsThemAll() {
		assertThat(match(PID_FILE, OTHER, BEACON)).containsExactly(true, true, true);
		assertThat(ConditionEvaluationReport.get(this.beanFactory).getConditionAndOutcomesBySource()).isEmpty();
	}

	@Test
	void aPeerAloneKeepsThemAll() {
		this.environment.setProperty("fifo-liveness.beacon.enabled", "false");
		this.environment.setProperty("fifo-liveness.peers.orders.path", "/run/orders/orders.fifo");
		assertThat(match(PID_FILE, BEACON)).containsExactly(true, true);
	}

	@Test
	void systemdAskingForNotificationsAloneKeepsThemAll() {
		this.environment.setProperty("fifo-liveness.beacon.enabled", "false");
		this.environment.setProperty("NOTIFY_SOCKET", "/run/systemd/notify");
		assertThat(match(PID_FILE, BEACON)).containsExactly(true, true);
	}

	@Test
	void readsTheFeaturesAsBindingReadsTheProperties() {
		// Bound, not looked up, so even in an environment that Spring Boot did not
		// prepare, an environment variable counts as it does for the properties.
		this.environment.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					Map.of("FIFOLIVENESS_BEACON_ENABLED", "false")));
		assertThat(match(PID_FILE, BEACON)).containsExactly(false, false);
	}

	@Test
	void whatFollowsBeansOfTheApplicationsOwnStays() {
		this.environment.setProperty("fifo-liveness.beacon.enabled", "false");
		String health = "io.github.fifoliveness.autoconfigure.PeersHealthContributorAutoConfiguration";
		String posix = "io.github.fifoliveness.autoconfigure.NativePosixAutoConfiguration";
		assertThat(match(PID_FILE, health, PEERS, posix)).containsExactly(false, true, true, true);
	}

	@Test
	void removesExactlyTheAutoConfigurationsThatNeedAFeatureNoBeanTurnsOn() throws Exception {
		List<String> imported = ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader())
			.getCandidates();
		List<String> gated = new ArrayList<>();
		for (String name : imported) {
			ConditionalOnFeature feature = Class.forName(name).getAnnotation(ConditionalOnFeature.class);
			if (feature != null && !List.of(feature.value()).contains(Feature.PEERS)) {
				gated.add(name);
			}
		}
		assertThat(gated).isNotEmpty();
		assertThat(UnusedFeaturesFilter.FEATURE_GATED).containsExactlyInAnyOrderElementsOf(gated);
	}

	@Test
	void readsTheEnvironmentOnlyWhenAskedAboutOneOfOursAndThenOnce() {
		AtomicInteger reads = new AtomicInteger();
		this.environment.getPropertySources().addFirst(new PropertySource<>("counting") {

			@Override
			public @Nullable Object getProperty(String name) {
				reads.incrementAndGet();
				return null;
			}

		});
		UnusedFeaturesFilter filter = filter();
		for (int i = 0; i < 100; i++) {
			filter.match(new String[] { OTHER }, null);
		}
		assertThat(reads).hasValue(0);
		filter.match(new String[] { PID_FILE }, null);
		int once = reads.get();
		assertThat(once).isPositive();
		filter.match(new String[] { BEACON }, null);
		filter.match(new String[] { OTHER, PID_FILE }, null);
		assertThat(reads).hasValue(once);
	}

	private boolean[] match(String... candidates) {
		return filter().match(candidates, null);
	}

	private UnusedFeaturesFilter filter() {
		UnusedFeaturesFilter filter = new UnusedFeaturesFilter();
		filter.setEnvironment(this.environment);
		filter.setBeanFactory(this.beanFactory);
		return filter;
	}

}
