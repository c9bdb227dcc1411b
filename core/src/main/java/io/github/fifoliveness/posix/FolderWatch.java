package io.github.fifoliveness.posix;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * An inotify watch on a folder, reporting changes to the files in it.
 *
 * @param id as events name it; one folder watched through two paths has one id
 * @param status taken just before the watch, for {@link Inotify#isStillAt(FolderWatch)}
 */
public record FolderWatch(int id, Path folder, @Nullable FileStatus status) {

}
