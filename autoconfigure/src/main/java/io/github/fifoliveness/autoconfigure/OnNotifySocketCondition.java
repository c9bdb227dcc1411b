package io.github.fifoliveness.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches where systemd asks for notifications: the environment variable
 * {@code NOTIFY_SOCKET} is set and not empty. Read through the environment, which holds
 * the process's variables, so nothing else is loaded to decide.
 */
class OnNotifySocketCondition extends SpringBootCondition {

	static final String NOTIFY_SOCKET = "NOTIFY_SOCKET";

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConditionMessage.Builder message = ConditionMessage.forCondition("systemd notify socket");
		String address = context.getEnvironment().getProperty(NOTIFY_SOCKET);
		if (!StringUtils.hasText(address)) {
			return ConditionOutcome.noMatch(message.because(NOTIFY_SOCKET + " is not set"));
		}
		return ConditionOutcome.match(message.found(NOTIFY_SOCKET).items(address));
	}

}
