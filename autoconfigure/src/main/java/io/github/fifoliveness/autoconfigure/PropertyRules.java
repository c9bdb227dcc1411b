package io.github.fifoliveness.autoconfigure;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Applies a rule of the core (such as {@code ConfiguredPath}, {@code GracePeriods},
 * {@code PeerFolder}'s) to a configured value: the one place where a rule's
 * {@link IllegalArgumentException} becomes Boot's
 * {@link InvalidConfigurationPropertyValueException}, whose failure analysis shows the
 * property, its value and where it was set.
 */
final class PropertyRules {

	private PropertyRules() {
	}

	static <T> T check(String property, @Nullable Object value, Supplier<T> rule) {
		return check(property, value, rule, null);
	}

	/**
	 * Apply a rule, adding what to set to the rule's reason when it fails.
	 * @param <T> the type of the checked value
	 * @param property the property
	 * @param value the value as configured
	 * @param rule the rule, returning the checked value
	 * @param action what to set instead, or {@code null}
	 * @return the checked value
	 * @throws InvalidConfigurationPropertyValueException when the rule refuses the value
	 */
	static <T> T check(String property, @Nullable Object value, Supplier<T> rule, @Nullable String action) {
		try {
			return rule.get();
		}
		catch (IllegalArgumentException ex) {
			String reason = (action != null) ? ex.getMessage() + " " + action : ex.getMessage();
			// Shown escaped: a NUL would print as nothing, and the value would look
			// valid.
			Object shown = (value instanceof String text) ? text.replace("\0", "\\0") : value;
			throw new InvalidConfigurationPropertyValueException(property, shown, reason);
		}
	}

}
