package io.github.fifoliveness.autoconfigure.peer;

import io.github.fifoliveness.peer.PeerStatusChange;
import io.github.fifoliveness.peer.PeerStatusListener;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Publishes each change the core's watcher tells as a {@link PeerStatusChangedEvent}, on
 * the thread that noticed it, as before the core was split out.
 */
public class PeerStatusEventPublisher implements PeerStatusListener {

	private final ApplicationEventPublisher publisher;

	private Object source = this;

	/**
	 * Create a publisher.
	 * @param publisher where the events go
	 */
	public PeerStatusEventPublisher(ApplicationEventPublisher publisher) {
		this.publisher = publisher;
	}

	/**
	 * Set the events' source: the watcher whose changes these are.
	 * @param source the source
	 */
	public void setSource(Object source) {
		this.source = source;
	}

	@Override
	public void peerStatusChanged(PeerStatusChange change) {
		this.publisher.publishEvent(new PeerStatusChangedEvent(this.source, change));
	}

}
