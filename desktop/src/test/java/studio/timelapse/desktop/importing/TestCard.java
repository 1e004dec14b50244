package studio.timelapse.desktop.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Random;
import studio.timelapse.desktop.ingest.TestExif;
import studio.timelapse.desktop.ingest.TestJpegs;

/** A folder laid out like a camera's card or a phone dump, with real JPEGs (small, to keep tests fast). */
public final class TestCard {
    private final Path root;

    public TestCard(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** A JPEG as a camera writes it: EXIF exposure and DateTimeOriginal ("2024:06:21 10:00:00"). */
    public static byte[] cameraJpeg(long seed, String taken) {
        return TestExif.bigEndian().exposure(1, 125, 80, 200).dateTimeOriginal(taken, null, null)
                .into(plainJpeg(seed));
    }

    /** A JPEG without EXIF, as timelapse tools and editors often write them. */
    public static byte[] plainJpeg(long seed) {
        return TestJpegs.photoJpeg(160, 120, seed, TestJpegs.Flavour.baseline420());
    }

    public static byte[] noise(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    public Path put(String relative, byte[] content) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path put(String relative, byte[] content, Instant modified) {
        Path file = put(relative, content);
        try {
            Files.setLastModifiedTime(file, FileTime.from(modified));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
