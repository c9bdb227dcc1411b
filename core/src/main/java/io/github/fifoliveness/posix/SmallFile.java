package io.github.fifoliveness.posix;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The start of a small file, such as a PID file, read without blocking.
 *
 * @param lastModified when its content was last changed, to the second
 * @param content the bytes read; {@code null} when the file is not a regular file
 */
public record SmallFile(FileStatus status, Instant lastModified, byte @Nullable [] content) {

}
