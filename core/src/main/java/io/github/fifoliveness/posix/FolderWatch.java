package io.github.fifoliveness.posix;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * An inotify watch on a folder, reporting creations, deletions, renames, opens, closes
 * after writing and attribute changes of the files in it.
 *
 * @param id the watch's id, as events name it; the same folder watched through two paths
 * has one id
 * @param folder the folder's path when the watch was added
 * @param status the folder's status (device and inode) taken just before the watch was
 * added, {@code null} if it could not be taken; a mount over the path or from under it
 * makes the path name another folder, which {@link Inotify#isStillAt(FolderWatch)} tells
 */
public record FolderWatch(int id, Path folder, @Nullable FileStatus status) {

}
