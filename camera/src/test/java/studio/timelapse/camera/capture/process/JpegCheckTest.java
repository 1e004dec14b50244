package studio.timelapse.camera.capture.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.camera.capture.CaptureException;
import studio.timelapse.camera.capture.CaptureException.Kind;

/** A frame is reported only when the camera wrote a whole JPEG; everything else is bad output, said plainly. */
class JpegCheckTest {
    @TempDir
    Path dir;

    @Test
    void aWholeJpegGivesItsSizeFromTheFrameHeader() throws CaptureException {
        Path file = TestJpegs.write(dir.resolve("frame.jpg"), 64, 48);

        assertThat(JpegCheck.verify(file)).isEqualTo(new JpegInfo(64, 48, file.toFile().length()));
    }

    @Test
    void exifBeforeTheFrameHeaderIsWalkedOver() throws CaptureException {
        byte[] withExif = TestJpegs.withExif(TestJpegs.jpeg(32, 24), 1, 125, 400, 56, "2024:05:01 06:30:00");

        assertThat(JpegCheck.verify(TestJpegs.write(dir.resolve("exif.jpg"), withExif)).width()).isEqualTo(32);
    }

    @Test
    void zeroPaddingAfterTheEndMarkerIsAccepted() throws CaptureException {
        byte[] jpeg = TestJpegs.jpeg(16, 16);
        byte[] padded = Arrays.copyOf(jpeg, jpeg.length + 12);

        assertThat(JpegCheck.verify(TestJpegs.write(dir.resolve("padded.jpg"), padded)).height()).isEqualTo(16);
    }

    @Test
    void anEmptyFileIsBadOutput() {
        assertBad(TestJpegs.write(dir.resolve("empty.jpg"), new byte[0]), "the file is empty");
    }

    @Test
    void aMissingFileIsBadOutput() {
        assertBad(dir.resolve("never-written.jpg"), "wrote no file");
    }

    @Test
    void textIsNotAJpeg() {
        assertBad(TestJpegs.write(dir.resolve("text.jpg"), "ERROR: out of memory".getBytes()),
                "does not start with a JPEG start-of-image marker");
    }

    @Test
    void aRawFileIsNamedAsSuch() {
        assertBad(TestJpegs.write(dir.resolve("raw.jpg"), "II*\0raw sensor data".getBytes()), "RAW (TIFF) file");
    }

    @Test
    void aFileCutShortLacksItsEndMarker() {
        byte[] jpeg = TestJpegs.jpeg(64, 48);

        assertBad(TestJpegs.write(dir.resolve("cut.jpg"), Arrays.copyOf(jpeg, jpeg.length - 100)),
                "no end-of-image marker");
    }

    @Test
    void aFileCutBeforeItsFrameHeaderSaysSo() {
        byte[] jpeg = TestJpegs.jpeg(64, 48);

        assertBad(TestJpegs.write(dir.resolve("head.jpg"), Arrays.copyOf(jpeg, 12)), "before its frame header");
    }

    @Test
    void brokenSegmentsAreFound() {
        byte[] jpeg = TestJpegs.jpeg(64, 48);
        jpeg[2] = 0x12; // where the first segment's marker should be

        assertBad(TestJpegs.write(dir.resolve("broken.jpg"), jpeg), "segments are broken at byte 2");
    }

    private static void assertBad(Path file, String problem) {
        assertThatThrownBy(() -> JpegCheck.verify(file))
                .isInstanceOfSatisfying(CaptureException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BAD_OUTPUT))
                .hasMessageContaining(problem);
    }
}
