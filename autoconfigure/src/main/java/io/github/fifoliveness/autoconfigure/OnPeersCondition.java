package io.github.fifoliveness.autoconfigure;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Condition behind {@link ConditionalOnPeers}.
 */
class OnPeersCondition extends SpringBootCondition {

	private static final Bindable<Map<String, Object>> PEERS = Bindable.mapOf(String.class, Object.class);

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConditionMessage.Builder message = ConditionMessage.forCondition(ConditionalOnPeers.class);
		Map<String, Object> peers = Binder.get(context.getEnvironment())
			.bind("fifo-liveness.peers", PEERS)
			.orElse(Map.of());
		if (peers.isEmpty()) {
			return ConditionOutcome.noMatch(message.didNotFind("property").items("fifo-liveness.peers"));
		}
		return ConditionOutcome.match(message.found("peers").items(peers.keySet()));
	}

}
