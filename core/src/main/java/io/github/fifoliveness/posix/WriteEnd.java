package io.github.fifoliveness.posix;

import org.jspecify.annotations.Nullable;

/**
 * A write end opened by {@link NativePosix#openWriteEnd(NativePath, int)}: the result,
 * and while a reader is present, the descriptor kept open and the FIFO's status.
 *
 * @param result the result, as a probe would report it
 * @param fd the open descriptor when the result is a reader present, else {@code -1}
 * @param status the FIFO's status when the descriptor is open, else {@code null}
 */
record WriteEnd(WriteEndResult result, int fd, @Nullable FileStatus status) {

}
