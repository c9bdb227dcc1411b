package io.github.fifoliveness.sample.daemon;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /demo/liveness?state=BROKEN} and {@code ?state=CORRECT} publish a liveness
 * state change, the way an application would when a deadlock detector fires or a fatal
 * dependency is lost. The beacon follows it: peers see the daemon down while BROKEN.
 */
@RestController
class LivenessDemoController {

	private final ApplicationEventPublisher publisher;

	LivenessDemoController(ApplicationEventPublisher publisher) {
		this.publisher = publisher;
	}

	@PostMapping("/demo/liveness")
	LivenessState publish(@RequestParam LivenessState state) {
		AvailabilityChangeEvent.publish(this.publisher, this, state);
		return state;
	}

}
