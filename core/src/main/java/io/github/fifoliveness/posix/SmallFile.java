package io.github.fifoliveness.posix;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The start of a small file, such as a PID file, read without blocking.
 *
 * @param status the file's status
 * @param lastModified when its content was last changed, to the second
 * @param content the bytes read; {@code null} when the file is not a regular file (it was
 * not opened, or not read)
 */
public record SmallFile(FileStatus status, Instant lastModified, byte @Nullable [] content) {

}
