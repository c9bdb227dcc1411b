package io.github.fifoliveness.posix;

import java.nio.file.Path;

/**
 * An inotify watch on a folder, reporting creations, deletions, renames, opens, closes
 * after writing and attribute changes of the files in it.
 *
 * @param id the watch's id, as events name it; the same folder watched through two paths
 * has one id
 * @param folder the folder's path when the watch was added
 */
public record FolderWatch(int id, Path folder) {

}
