package io.github.fifoliveness.posix;

import org.jspecify.annotations.Nullable;

/** Thrown where epoll and inotify are missing (macOS, the BSDs) or unusable. */
public class KernelEventsUnavailableException extends Exception {

	KernelEventsUnavailableException(String reason, @Nullable Throwable cause) {
		super(reason, cause);
	}

}
