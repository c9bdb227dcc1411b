package io.github.fifoliveness.peer;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link WatchKeys}.
 */
class WatchKeysTests {

	private final WatchKeys keys = new WatchKeys();

	@Test
	void aFreedKeyIsTheNextTaken() {
		assertThat(List.of(this.keys.take(), this.keys.take(), this.keys.take())).containsExactly(0, 1, 2);
		this.keys.free(1);
		assertThat(this.keys.take()).isEqualTo(1);
		assertThat(this.keys.take()).isEqualTo(3);
	}

	@Test
	void holdersAreFoundByKeyBeyondTheFirstArrayAndCountedOnce() {
		List<Holder> holders = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			holders.add(new Holder(this.keys.take()));
		}
		holders.forEach(this.keys::hold);
		this.keys.hold(holders.get(70));
		assertThat(this.keys.heldCount()).isEqualTo(100);
		assertThat(this.keys.holder(70)).isSameAs(holders.get(70));
		assertThat(this.keys.holder(100)).isNull();
		assertThat(this.keys.release(holders.get(70))).isTrue();
		assertThat(this.keys.release(holders.get(70))).isFalse();
		assertThat(this.keys.holder(70)).isNull();
		assertThat(this.keys.heldCount()).isEqualTo(99);
	}

	@Test
	void anotherHolderUnderTheSameKeyIsNotReleased() {
		Holder first = new Holder(this.keys.take());
		this.keys.hold(first);
		assertThat(this.keys.release(new Holder(first.key()))).isFalse();
		assertThat(this.keys.holder(first.key())).isSameAs(first);
	}

	private record Holder(int key) implements WatchLoop.Held {

		@Override
		public void reported() {
		}

	}

}
