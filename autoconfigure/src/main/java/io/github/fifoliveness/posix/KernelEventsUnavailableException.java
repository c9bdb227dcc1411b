package io.github.fifoliveness.posix;

/**
 * Thrown when this platform cannot report peers' events: no epoll or inotify (macOS, the
 * BSDs), an architecture not verified here, or a kernel that refuses the calls.
 */
public class KernelEventsUnavailableException extends Exception {

	KernelEventsUnavailableException(String reason, Throwable cause) {
		super(reason, cause);
	}

}
