package io.github.fifoliveness.autoconfigure.peer;

import io.github.fifoliveness.peer.PeerFolderChange;
import io.github.fifoliveness.peer.PeerFolderListener;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Publishes each change a {@link io.github.fifoliveness.peer.PeerWatcher} reports as a
 * {@link PeerFolderChangedEvent}.
 */
public class PeerFolderEventPublisher implements PeerFolderListener {

	private final ApplicationEventPublisher publisher;

	private Object source = this;

	/**
	 * Create a publisher.
	 * @param publisher where the events go
	 */
	public PeerFolderEventPublisher(ApplicationEventPublisher publisher) {
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
	public void peerFolderChanged(PeerFolderChange change) {
		this.publisher.publishEvent(new PeerFolderChangedEvent(this.source, change));
	}

}
