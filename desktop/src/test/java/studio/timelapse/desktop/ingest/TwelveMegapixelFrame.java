package studio.timelapse.desktop.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One photo-like 4056×3040 JPEG (the Raspberry Pi HQ camera's size) at quality 90, made once per test run in a
 * temporary folder and deleted when the JVM exits; making it takes a second or two.
 */
final class TwelveMegapixelFrame {
    static final int WIDTH = 4056;
    static final int HEIGHT = 3040;

    private TwelveMegapixelFrame() {}

    static Path path() {
        return Holder.PATH;
    }

    /** Initialised on first use, by the JVM's class initialisation, once. */
    private static final class Holder {
        static final Path PATH = make();

        private static Path make() {
            try {
                Path folder = Files.createTempDirectory("twelve-megapixels");
                Path file = folder.resolve("frame-4056x3040.jpg");
                Files.write(file, TestJpegs.photoJpeg(WIDTH, HEIGHT, 12, TestJpegs.Flavour.baseline420()));
                file.toFile().deleteOnExit();
                folder.toFile().deleteOnExit();
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
