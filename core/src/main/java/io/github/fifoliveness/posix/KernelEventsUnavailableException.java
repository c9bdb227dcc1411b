package io.github.fifoliveness.posix;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when this platform cannot report peers' events: no epoll or inotify (macOS, the
 * BSDs), an architecture not verified here, or a kernel that refuses the calls.
 */
public class KernelEventsUnavailableException extends Exception {

	KernelEventsUnavailableException(String reason, @Nullable Throwable cause) {
		super(reason, cause);
	}

}
