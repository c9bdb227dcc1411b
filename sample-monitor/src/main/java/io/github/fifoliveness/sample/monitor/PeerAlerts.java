package io.github.fifoliveness.sample.monitor;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import io.github.fifoliveness.peer.PeerStatus;
import io.github.fifoliveness.autoconfigure.peer.PeerStatusChangedEvent;

import org.springframework.context.event.EventListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An example of reacting to peers going down and coming back: this one keeps the last
 * alerts and shows them at {@code GET /alerts}; a real monitor would page someone or
 * restart the peer here.
 */
@RestController
class PeerAlerts {

	private static final int KEPT = 50;

	private final Deque<Alert> alerts = new ArrayDeque<>();

	@EventListener
	synchronized void onPeerStatusChanged(PeerStatusChangedEvent event) {
		if (event.getPreviousStatus() == PeerStatus.UNKNOWN && event.getStatus() == PeerStatus.UP) {
			return;
		}
		String what = (event.getStatus() == PeerStatus.DOWN) ? "DOWN " + event.getReason() : "RECOVERED";
		this.alerts.addFirst(new Alert(Instant.now(), event.getPeer(), what, event.getResult().message()));
		if (this.alerts.size() > KEPT) {
			this.alerts.removeLast();
		}
	}

	@GetMapping("/alerts")
	synchronized List<Alert> alerts() {
		return List.copyOf(this.alerts);
	}

	record Alert(Instant at, String peer, String what, String message) {
	}

}
