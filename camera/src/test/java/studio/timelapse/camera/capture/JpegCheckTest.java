package studio.timelapse.camera.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.camera.capture.CaptureException.Kind;
import studio.timelapse.camera.capture.process.TestJpegs;

/**
 * A frame is reported (by a backend) and kept (by the store) only when the camera wrote a whole JPEG; everything else
 * is bad output, said plainly. The backends' reading of the start and end of a file and the store's reading of every
 * byte come to the same verdict.
 */
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
    void aBlockOfZerosAfterTheEndMarkerIsWhatAPowerCutLeavesAndIsRefused() throws Exception {
        byte[] jpeg = TestJpegs.jpeg(16, 16);

        assertThat(JpegCheck.MAX_PADDING).isLessThan(512);
        assertThat(scan(Arrays.copyOf(jpeg, jpeg.length + JpegCheck.MAX_PADDING))).isNotNull();
        assertBad(TestJpegs.write(dir.resolve("one-more.jpg"), Arrays.copyOf(jpeg, jpeg.length + JpegCheck.MAX_PADDING
                + 1)), "zero bytes, not the end-of-image marker");
        assertBad(TestJpegs.write(dir.resolve("block.jpg"), Arrays.copyOf(jpeg, jpeg.length + 4096)), "cut short");
    }

    @Test
    void readingEveryByteInChunksOfAnySizeGivesTheSameVerdictAsReadingTheStartAndTheEnd() throws Exception {
        byte[] withExif = TestJpegs.withExif(TestJpegs.jpeg(320, 200), 1, 125, 400, 56, "2024:05:01 06:30:00");
        JpegInfo verified = JpegCheck.verify(TestJpegs.write(dir.resolve("whole.jpg"), withExif));
        for (int chunk : new int[] {1, 2, 3, 7, 64, 65, 4096, withExif.length}) {
            JpegCheck.Scan scan = new JpegCheck.Scan();
            for (int offset = 0; offset < withExif.length; offset += chunk) {
                scan.update(withExif, offset, Math.min(chunk, withExif.length - offset));
            }
            assertThat(scan.finish()).as("in chunks of " + chunk).isEqualTo(verified);
        }
        byte[] cut = Arrays.copyOf(withExif, withExif.length - 1);
        JpegCheck.Scan scan = new JpegCheck.Scan();
        scan.update(cut, 0, cut.length);
        assertThatThrownBy(scan::finish).isInstanceOf(JpegCheck.NotAJpegException.class)
                .hasMessageContaining("no end-of-image marker");
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

    private static JpegInfo scan(byte[] bytes) throws JpegCheck.NotAJpegException {
        JpegCheck.Scan scan = new JpegCheck.Scan();
        scan.update(bytes, 0, bytes.length);
        return scan.finish();
    }

    private static void assertBad(Path file, String problem) {
        assertThatThrownBy(() -> JpegCheck.verify(file))
                .isInstanceOfSatisfying(CaptureException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BAD_OUTPUT))
                .hasMessageContaining(problem);
    }
}
