package studio.timelapse.desktop.library;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The frame files of one library: where each goes, written so that a crash never leaves half a frame under its real
 * name, and read back only from inside the library.
 *
 * <p>Layout, for a photographer browsing the folder: {@code frames/<source>/<yyyy-MM-dd>/<file>}, where the source is
 * the camera's name or the import's, and the date is the local date of capture (the camera's UTC offset applied), so
 * a night's frames after midnight land in the next day's folder exactly as a wall calendar would put them. Paths
 * given out and taken in are relative to the library folder and '/'-separated on every system: that is what makes
 * the library movable.
 *
 * <p>A write goes to a hidden temporary file in the target folder ({@value #TEMPORARY_PREFIX}…), is flushed to disk,
 * renamed over the real name in one atomic step, and the folder is flushed too so the rename itself survives a power
 * cut. Leftover temporary files (from a kill mid-write) are ignored by everything and may be deleted at any time.
 */
public final class FrameFiles {
    /** The folder under the library that holds every frame file. */
    public static final String FRAMES_FOLDER = "frames";
    /** Temporary files start with this; they are never frames. */
    public static final String TEMPORARY_PREFIX = ".partial-";

    private static final Pattern SAFE_FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final int MAX_SOURCE_NAME = 64;
    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");

    private final Path folder;

    FrameFiles(Path libraryFolder) {
        this.folder = libraryFolder.toAbsolutePath().normalize();
    }

    /** The frame files of {@code library}. */
    public static FrameFiles of(Library library) {
        return library.files();
    }

    /**
     * Where a frame goes: {@code frames/<source>/<yyyy-MM-dd>/<fileName>}.
     *
     * @param source a camera's or import's name; anything a file system would trip on is replaced (see
     *               {@link #folderName})
     * @param localDate the day of capture on the photographer's calendar
     * @param fileName the file's own name: letters, digits, '.', '_' and '-', starting with a letter or digit
     * @throws IllegalArgumentException for a file name that could leave its folder or hide itself
     */
    public String pathFor(String source, LocalDate localDate, String fileName) {
        if (fileName == null || !SAFE_FILE_NAME.matcher(fileName).matches() || fileName.contains("..")) {
            throw new IllegalArgumentException("a frame's file name is 1–128 letters, digits, '.', '_' or '-',"
                    + " starting with a letter or digit, was '" + fileName + "'");
        }
        return FRAMES_FOLDER + "/" + folderName(source) + "/" + localDate + "/" + fileName;
    }

    /** As {@link #pathFor(String, LocalDate, String)}, dated by a capture time and the camera's UTC offset then. */
    public String pathFor(String source, Instant capturedAt, int utcOffsetSeconds, String fileName) {
        LocalDate localDate = capturedAt.atOffset(ZoneOffset.ofTotalSeconds(utcOffsetSeconds)).toLocalDate();
        return pathFor(source, localDate, fileName);
    }

    /**
     * A name usable as a folder on every desktop system: characters other than letters, digits, space, '.', '_'
     * and '-' become '_', leading dots and trailing dots and spaces go (hidden folders; Windows), and it is at most
     * {@value #MAX_SOURCE_NAME} characters. Different sources may share a folder: file names keep them apart.
     */
    public static String folderName(String source) {
        StringBuilder name = new StringBuilder();
        source.codePoints().forEach(c -> name.appendCodePoint(
                Character.isLetterOrDigit(c) || c == ' ' || c == '.' || c == '_' || c == '-' ? c : '_'));
        String cleaned = name.toString().replaceAll("^[. ]+", "").replaceAll("[. ]+$", "");
        if (cleaned.length() > MAX_SOURCE_NAME) {
            cleaned = cleaned.substring(0, MAX_SOURCE_NAME).replaceAll("[. ]+$", "");
        }
        return cleaned.isEmpty() ? "_" : cleaned;
    }

    /**
     * The file a relative library path names, refusing anything that could reach outside the library: absolute
     * paths, drive letters, backslashes, empty, '.' or '..' segments, and symbolic links that lead out.
     *
     * @throws IllegalArgumentException naming the path and what is wrong with it
     */
    public Path resolve(String relativePath) {
        String problem = problemWith(relativePath);
        if (problem != null) {
            throw new IllegalArgumentException("not a path inside the library: '" + relativePath + "' (" + problem + ")");
        }
        Path resolved = folder.resolve(relativePath.replace('/', folder.getFileSystem().getSeparator().charAt(0)))
                .normalize();
        if (!resolved.startsWith(folder)) {
            throw new IllegalArgumentException("not a path inside the library: '" + relativePath + "'");
        }
        requireNoLinkOutside(relativePath, resolved);
        return resolved;
    }

    /** The relative, '/'-separated library path of a file inside the library. */
    public String relativize(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!absolute.startsWith(folder) || absolute.equals(folder)) {
            throw new IllegalArgumentException(file + " is not inside the library " + folder);
        }
        List<String> parts = new ArrayList<>();
        folder.relativize(absolute).forEach(part -> parts.add(part.toString()));
        return String.join("/", parts);
    }

    private static String problemWith(String path) {
        if (path == null || path.isEmpty()) {
            return "empty";
        }
        if (path.indexOf('\0') >= 0) {
            return "contains a NUL character";
        }
        if (path.indexOf('\\') >= 0) {
            return "library paths use '/', never '\\'";
        }
        if (path.startsWith("/")) {
            return "absolute";
        }
        if (path.indexOf(':') >= 0) {
            return "contains ':' (a drive or stream name)";
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return "has an empty, '.' or '..' segment";
            }
        }
        return null;
    }

    /** A link inside the library that points outside it would let a stored path read or write anywhere. */
    private void requireNoLinkOutside(String relativePath, Path resolved) {
        Path existing = resolved;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null || existing.equals(folder) || !existing.startsWith(folder)) {
            return;
        }
        try {
            Path real = existing.toRealPath();
            if (!real.startsWith(folder.toRealPath())) {
                throw new IllegalArgumentException("not a path inside the library: '" + relativePath
                        + "' (a link leads outside it, to " + real + ")");
            }
        } catch (IOException e) {
            // A dangling link leads nowhere inside the library either.
            throw new IllegalArgumentException("not a path inside the library: '" + relativePath + "' (" + e + ")");
        }
    }

    /** A file written into the library: its path and what was written. */
    public record Written(String path, long size, String sha256) {}

    /** As {@link #writeAtomically(String, InputStream)} for bytes already in memory. */
    public Written writeAtomically(String relativePath, byte[] content) throws IOException {
        return writeAtomically(relativePath, new java.io.ByteArrayInputStream(content));
    }

    /**
     * Writes {@code content} (read to its end, not closed) to {@code relativePath}: to a temporary file in the same
     * folder, flushed, renamed over the target atomically, the folder flushed. An existing file of that name is
     * replaced whole; a failure (a full disk, a stream that breaks) leaves the target as it was and no temporary file.
     *
     * @return the path, the byte count and the SHA-256 of what was written, computed on the way
     */
    public Written writeAtomically(String relativePath, InputStream content) throws IOException {
        Path target = resolve(relativePath);
        createFolders(target.getParent());
        Path temporary = target.resolveSibling(TEMPORARY_PREFIX + UUID.randomUUID() + ".tmp");
        MessageDigest digest = sha256();
        long size;
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                OutputStream out = new DigestOutputStream(Channels.newOutputStream(channel), digest);
                size = content.transferTo(out);
                out.flush();
                channel.force(true);
            }
            move(temporary, target);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        syncFolder(target.getParent());
        return new Written(relativePath, size, HexFormat.of().formatHex(digest.digest()));
    }

    /**
     * Moves a file that is already complete and flushed to disk ({@code proven}, somewhere in the library's own file
     * system) to {@code relativePath} in one atomic rename, replacing a file of that name: no copy, no second pass
     * over the bytes. Missing folders are created durably; the rename itself becomes durable only once the caller
     * flushes the target's folder with {@link #syncFoldersOf}, which it must do before anything refers to the file
     * (so that many files placed together cost one flush per folder).
     *
     * @throws AtomicMoveNotSupportedException when {@code proven} is on another file system (nothing was moved)
     */
    public void moveIntoPlace(Path proven, String relativePath) throws IOException {
        Path target = resolve(relativePath);
        createFolders(target.getParent());
        Files.move(proven, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Flushes the folders holding {@code relativePaths}, each once: what makes renames into them survive a power cut. */
    public void syncFoldersOf(Collection<String> relativePaths) throws IOException {
        Set<Path> folders = new LinkedHashSet<>();
        for (String path : relativePaths) {
            folders.add(resolve(path).getParent());
        }
        for (Path f : folders) {
            syncFolder(f);
        }
    }

    private static void move(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Same folder, same file system: this does not happen on the systems we run on; say so if it does.
            throw new IOException("the file system of " + target + " cannot rename atomically", e);
        }
    }

    /** Creates the missing folders up to the target's, each made durable in its parent. */
    private void createFolders(Path target) throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path f = target; f != null && !Files.isDirectory(f); f = f.getParent()) {
            missing.add(0, f);
        }
        for (Path f : missing) {
            try {
                Files.createDirectory(f);
            } catch (FileAlreadyExistsException e) {
                if (!Files.isDirectory(f)) {
                    throw e;
                }
                continue; // another writer made it at the same moment
            }
            syncFolder(f.getParent());
        }
    }

    /** Flushes a folder's entries. Windows cannot open a folder as a file; NTFS journals renames itself. */
    static void syncFolder(Path folder) throws IOException {
        if (WINDOWS) {
            return;
        }
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "frame files of " + folder;
    }
}
