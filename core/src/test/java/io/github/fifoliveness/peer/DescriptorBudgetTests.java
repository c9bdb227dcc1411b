package io.github.fifoliveness.peer;

import io.github.fifoliveness.posix.KernelEvents;
import io.github.fifoliveness.posix.NativePosix;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DescriptorBudget}, against this process's real limit on open files.
 */
class DescriptorBudgetTests {

	@Test
	void aPeerWatchedAfterMembersTookDescriptorsIsGrantedOnlyWhatIsLeft() throws Exception {
		try (KernelEvents events = KernelEvents.open(NativePosix.get())) {
			DescriptorBudget budget = new DescriptorBudget(events, LoggerFactory.getLogger(getClass()));
			long all = budget.reserve(Long.MAX_VALUE);
			budget.unreserve(all);
			assertThat(all).isPositive();
			for (int member = 0; member < 3; member++) {
				assertThat(budget.take(member)).isTrue();
			}
			assertThat(budget.reserve(Long.MAX_VALUE)).isEqualTo(all - 3);
			budget.unreserve(all - 3);
			budget.giveBack();
			assertThat(budget.reserve(Long.MAX_VALUE)).isEqualTo(all - 2);
		}
	}

}
