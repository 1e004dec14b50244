package studio.timelapse.desktop.importing;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The files of a folder or card that an import looks at: every regular file below it, recursively, as
 * '/'-separated paths relative to it, sorted, so that each run of a resumed import sees them in the same order.
 * Left out: hidden files and folders (".Trashes", macOS's "._IMG_0001.JPG" shadows), the system folders cards and
 * disks carry, symbolic links (which could loop or lead anywhere), and the library folder itself if it lies inside.
 */
final class SourceFiles {
    private static final Set<String> SYSTEM_FOLDERS = Set.of("system volume information", "$recycle.bin",
            "__macosx", "lost+found");

    private SourceFiles() {}

    static List<String> list(Path source, Path library) throws IOException {
        Path root = source.toAbsolutePath().normalize();
        Path skip = library.toAbsolutePath().normalize();
        List<String> files = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes) {
                if (folder.equals(root)) {
                    return FileVisitResult.CONTINUE;
                }
                String name = folder.getFileName().toString();
                return folder.equals(skip) || name.startsWith(".")
                        || SYSTEM_FOLDERS.contains(name.toLowerCase(Locale.ROOT))
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile() && !file.getFileName().toString().startsWith(".")) {
                    files.add(relative(root, file));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                // An unreadable entry is a file like any other: preparing it reports why it cannot be read.
                files.add(relative(root, file));
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(null);
        return files;
    }

    private static String relative(Path root, Path file) {
        List<String> parts = new ArrayList<>();
        root.relativize(file).forEach(part -> parts.add(part.toString()));
        return String.join("/", parts);
    }

    /** Named like a JPEG: such a file that is not one is reported; other files that are not JPEGs are just not frames. */
    static boolean namedLikeJpeg(String file) {
        String name = file.toLowerCase(Locale.ROOT);
        return name.endsWith(".jpg") || name.endsWith(".jpeg") || name.endsWith(".jpe") || name.endsWith(".jfif");
    }

    /**
     * JPEG thumbnails that cameras write beside their videos (GoPro and Canon .THM): JPEGs, but not frames of
     * anything the photographer took as a still.
     */
    static boolean videoThumbnail(String file) {
        return file.toLowerCase(Locale.ROOT).endsWith(".thm");
    }
}
