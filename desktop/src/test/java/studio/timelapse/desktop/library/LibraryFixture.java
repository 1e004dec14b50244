package studio.timelapse.desktop.library;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import studio.timelapse.shared.protocol.FrameId;
import studio.timelapse.shared.testing.ManualClock;
import studio.timelapse.shared.testing.RecordingLog;

/**
 * A real library in a fresh temporary folder for each test, with a {@link RecordingLog} and a {@link ManualClock}
 * (starting at {@link #START}). Register it in a test class:
 *
 * <pre>{@code
 * @RegisterExtension
 * final LibraryFixture fixture = new LibraryFixture();
 *
 * @Test
 * void something() {
 *     Library library = fixture.library();
 *     Camera camera = fixture.addCamera("cam-1");
 *     Frames.Stored stored = fixture.syncFrame("cam-1", new FrameId("e1", 1), Instant.parse("…"));
 * }
 * }</pre>
 *
 * It can also be used without JUnit: {@code LibraryFixture.in(folder)} and {@link #close()}.
 */
public final class LibraryFixture implements BeforeEachCallback, AfterEachCallback, AutoCloseable {
    public static final Instant START = Instant.parse("2024-06-21T04:00:00Z");

    private Path folder;
    private ManualClock clock;
    private RecordingLog log;
    private Library library;
    private boolean ownsFolder;

    public LibraryFixture() {}

    /** A fixture on a folder of the caller's (opened now). */
    public static LibraryFixture in(Path folder) {
        LibraryFixture fixture = new LibraryFixture();
        fixture.open(folder, false);
        return fixture;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        open(Files.createTempDirectory("library-test-"), true);
    }

    private void open(Path at, boolean owned) {
        this.folder = at;
        this.ownsFolder = owned;
        this.clock = new ManualClock(START);
        this.log = new RecordingLog(clock, clock);
        this.library = Library.open(folder, log.log(), clock);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        close();
        if (ownsFolder) {
            deleteRecursively(folder);
        }
    }

    public Library library() {
        return Objects.requireNonNull(library, "the fixture is not open");
    }

    public Path folder() {
        return folder;
    }

    public ManualClock clock() {
        return clock;
    }

    public RecordingLog log() {
        return log;
    }

    public Frames frames() {
        return Frames.of(library());
    }

    public Cameras cameras() {
        return Cameras.of(library());
    }

    public Sequences sequences() {
        return Sequences.of(library());
    }

    /** Closes the library and opens it again from {@code newFolder} (the same folder, or where it was moved). */
    public Library reopen(Path newFolder) {
        library.close();
        folder = newFolder;
        library = Library.open(newFolder, log.log(), clock);
        return library;
    }

    /** Adds a camera named like its id, on loopback. */
    public Camera addCamera(String id) {
        return cameras().add(id, id, "127.0.0.1", 8443);
    }

    /**
     * Writes a small frame file for a camera frame and stores it as synced (the camera must exist): content is
     * derived from the id, so the same frame always has the same bytes.
     */
    public Frames.Stored syncFrame(String cameraId, FrameId id, Instant capturedAt) throws IOException {
        byte[] content = ("frame " + cameraId + " " + id).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String path = library().files().pathFor(cameraId, capturedAt, 0, id + ".jpg");
        FrameFiles.Written written = library().files().writeAtomically(path, content);
        return frames().insertCameraFrame(cameraId, new NewCameraFrame(id, capturedAt, 0, written.sha256(),
                written.size(), 640, 480, path));
    }

    /** Writes {@code content} as an imported frame of {@code importSequenceId} and stores it. */
    public Frames.Stored importFrame(long importSequenceId, String fileName, byte[] content, Instant capturedAt)
            throws IOException {
        String path = library().files().pathFor("import", capturedAt, 0, fileName);
        FrameFiles.Written written = library().files().writeAtomically(path, content);
        return frames().insertImportedFrame(new NewImportedFrame(importSequenceId, capturedAt, 0, written.sha256(),
                written.size(), 0, 0, path));
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (library != null) {
            library.close();
            library = null;
        }
        if (log != null) {
            log.close();
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
