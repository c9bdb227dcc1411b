package io.github.fifoliveness.posix;

import org.jspecify.annotations.Nullable;

/**
 * The result of trying to hold the write end of a FIFO in a {@link KernelEvents} set.
 *
 * @param result what opening the write end found, as a probe would report it
 * @param held the held write end when the result is a reader present, else {@code null}
 */
public record WriteEndHold(WriteEndResult result, @Nullable HeldWriteEnd held) {

}
