package studio.timelapse.desktop.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.desktop.ingest.IngestFailure.Kind;
import studio.timelapse.desktop.library.Exposure;
import studio.timelapse.desktop.ingest.TestJpegs.Chroma;
import studio.timelapse.desktop.ingest.TestJpegs.Flavour;

class FrameAnalyzerTest {
    private final FrameAnalyzer analyzer = new FrameAnalyzer();

    @Test
    void aTwelveMegapixelFrameIsReadFromItsDcCoefficientsAndMatchesAFullDecode() throws Exception {
        byte[] jpeg = Files.readAllBytes(TwelveMegapixelFrame.path());
        TestJpegs.FullDecode full = TestJpegs.fullDecode(jpeg);

        FrameAnalysis analysis = analyzer.analyze(TwelveMegapixelFrame.path());

        assertThat(analysis.decoding()).isEqualTo(FrameAnalysis.Decoding.DC_COEFFICIENTS);
        assertThat(analysis.width()).isEqualTo(4056);
        assertThat(analysis.height()).isEqualTo(3040);
        assertThat(analysis.meanLuma()).isCloseTo(full.meanLuma(), within(FrameAnalyzerAccuracyTest.MEAN_TOLERANCE));
        assertThat(analysis.histogram().total()).isEqualTo(4056L * 3040);
        assertThat(analysis.histogram().distance(full.histogram()))
                .isLessThan(FrameAnalyzerAccuracyTest.HISTOGRAM_TOLERANCE);
        assertThat(analysis.thumbnail().source()).isEqualTo(Thumbnail.Source.DECODED);
        assertThat(analysis.thumbnail().width()).isEqualTo(320);
        assertThat(analysis.thumbnail().height()).isEqualTo(240);
        assertThat(meanLumaOf(decode(analysis.thumbnail().jpeg()))).isCloseTo(full.meanLuma(), within(3.0));
    }

    @Test
    void exposureAndCaptureTimeComeFromExif() throws IngestFailure {
        byte[] jpeg = TestExif.bigEndian()
                .exposure(1, 250, 56, 400)
                .dateTimeOriginal("2026:06:21 05:12:09", "047", "+02:00")
                .into(TestJpegs.photoJpeg(640, 480, 1, Flavour.baseline420()));

        FrameAnalysis analysis = analyzer.analyze(jpeg);

        assertThat(analysis.exposure().timeSeconds()).hasValueCloseTo(0.004, within(1e-12));
        assertThat(analysis.exposure().fNumber()).hasValueCloseTo(5.6, within(1e-12));
        assertThat(analysis.exposure().iso()).hasValue(400);
        CaptureTime time = analysis.captureTime().orElseThrow();
        assertThat(time.local()).isEqualTo(LocalDateTime.of(2026, 6, 21, 5, 12, 9, 47_000_000));
        assertThat(time.offset()).contains(ZoneOffset.ofHours(2));
        assertThat(time.source()).isEqualTo(CaptureTime.Source.DATE_TIME_ORIGINAL);
        assertThat(time.instant(ZoneId.of("Pacific/Auckland")).toString()).isEqualTo("2026-06-21T03:12:09.047Z");
        assertThat(analysis.notes()).isEmpty();
    }

    @Test
    void aCaptureTimeWithoutOffsetIsPlacedInTheCamerasZoneByTheCaller() throws IngestFailure {
        byte[] jpeg = TestExif.littleEndian().dateTime("2025:12:31 23:59:58")
                .into(TestJpegs.photoJpeg(320, 240, 1, Flavour.baseline420()));

        CaptureTime time = analyzer.analyze(jpeg).captureTime().orElseThrow();

        assertThat(time.source()).isEqualTo(CaptureTime.Source.DATE_TIME);
        assertThat(time.offset()).isEmpty();
        assertThat(time.instant(ZoneId.of("Europe/Paris")).toString()).isEqualTo("2025-12-31T22:59:58Z");
        assertThat(time.offsetOr(ZoneId.of("Europe/Paris"))).isEqualTo(ZoneOffset.ofHours(1));
    }

    @Test
    void anUnreadableExifDateIsANoteNotAFailure() throws IngestFailure {
        byte[] jpeg = TestExif.bigEndian().dateTimeOriginal("0000:00:00 00:00:00", null, null)
                .into(TestJpegs.photoJpeg(320, 240, 1, Flavour.baseline420()));

        FrameAnalysis analysis = analyzer.analyze(jpeg);

        assertThat(analysis.captureTime()).isEmpty();
        assertThat(analysis.notes()).singleElement().asString().contains("DateTimeOriginal", "0000:00:00");
    }

    @Test
    void aFrameWithoutExifHasNoExposureNorCaptureTime() throws IngestFailure {
        FrameAnalysis analysis = analyzer.analyze(TestJpegs.photoJpeg(320, 240, 1, Flavour.baseline420()));

        assertThat(analysis.exposure()).isEqualTo(Exposure.UNKNOWN);
        assertThat(analysis.captureTime()).isEmpty();
        assertThat(analysis.orientation()).isEqualTo(Orientation.NORMAL);
    }

    @Test
    void theCamerasEmbeddedThumbnailIsUsedAsItIs() throws IngestFailure {
        byte[] embedded = TestJpegs.encode(TestJpegs.photo(160, 120, 9, BufferedImage.TYPE_INT_RGB),
                Flavour.baseline420().quality(70));
        byte[] jpeg = TestExif.bigEndian().thumbnail(embedded)
                .into(TestJpegs.photoJpeg(2048, 1536, 9, Flavour.baseline420()));

        Thumbnail thumbnail = analyzer.analyze(jpeg).thumbnail();

        assertThat(thumbnail.source()).isEqualTo(Thumbnail.Source.EXIF);
        assertThat(thumbnail.jpeg()).isEqualTo(embedded);
        assertThat(thumbnail.width()).isEqualTo(160);
        assertThat(thumbnail.height()).isEqualTo(120);
    }

    @Test
    void anEmbeddedThumbnailOfAnotherShapeIsNotUsed() throws IngestFailure {
        // Cameras letterbox 16:9 images into 160×120 thumbnails; such a thumbnail is not the frame's shape.
        byte[] letterboxed = TestJpegs.encode(TestJpegs.photo(160, 120, 9, BufferedImage.TYPE_INT_RGB),
                Flavour.baseline420());
        byte[] jpeg = TestExif.bigEndian().thumbnail(letterboxed)
                .into(TestJpegs.photoJpeg(2560, 1440, 9, Flavour.baseline420()));

        Thumbnail thumbnail = analyzer.analyze(jpeg).thumbnail();

        assertThat(thumbnail.source()).isEqualTo(Thumbnail.Source.DECODED);
        assertThat(thumbnail.width()).isEqualTo(320);
        assertThat(thumbnail.height()).isEqualTo(180);
    }

    @Test
    void aDamagedEmbeddedThumbnailIsNotUsed() throws IngestFailure {
        byte[] good = TestJpegs.encode(TestJpegs.photo(160, 120, 9, BufferedImage.TYPE_INT_RGB),
                Flavour.baseline420());
        byte[] cut = Arrays.copyOf(good, good.length / 2);
        byte[] jpeg = TestExif.bigEndian().thumbnail(cut).into(TestJpegs.photoJpeg(2048, 1536, 9,
                Flavour.baseline420()));

        assertThat(analyzer.analyze(jpeg).thumbnail().source()).isEqualTo(Thumbnail.Source.DECODED);
    }

    @Test
    void aFrameTakenSidewaysGetsAnUprightThumbnail() throws Exception {
        // Stored landscape with a red top-left corner; orientation 6 says: turn 90° clockwise to stand upright.
        BufferedImage stored = new BufferedImage(2048, 1536, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = stored.createGraphics();
        graphics.setColor(Color.BLUE);
        graphics.fillRect(0, 0, 2048, 1536);
        graphics.setColor(Color.RED);
        graphics.fillRect(0, 0, 512, 384);
        graphics.dispose();
        byte[] jpeg = TestExif.bigEndian().orientation(6).into(TestJpegs.encode(stored, Flavour.baseline420()));

        FrameAnalysis analysis = analyzer.analyze(jpeg);

        assertThat(analysis.orientation()).isEqualTo(Orientation.ROTATE_90_CW);
        assertThat(analysis.width()).isEqualTo(2048);
        assertThat(analysis.uprightWidth()).isEqualTo(1536);
        BufferedImage thumbnail = decode(analysis.thumbnail().jpeg());
        assertThat(thumbnail.getWidth()).isEqualTo(240);
        assertThat(thumbnail.getHeight()).isEqualTo(320);
        assertThat(new Color(thumbnail.getRGB(230, 10)).getRed()).as("top right is red").isGreaterThan(200);
        assertThat(new Color(thumbnail.getRGB(10, 10)).getBlue()).as("top left is blue").isGreaterThan(200);
    }

    @Test
    void anEmbeddedThumbnailIsTurnedUprightToo() throws Exception {
        BufferedImage small = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = small.createGraphics();
        graphics.setColor(Color.BLUE);
        graphics.fillRect(0, 0, 160, 120);
        graphics.setColor(Color.RED);
        graphics.fillRect(0, 0, 40, 30);
        graphics.dispose();
        byte[] jpeg = TestExif.bigEndian().orientation(8).thumbnail(TestJpegs.encode(small, Flavour.baseline420()))
                .into(TestJpegs.photoJpeg(2048, 1536, 2, Flavour.baseline420()));

        Thumbnail thumbnail = analyzer.analyze(jpeg).thumbnail();

        assertThat(thumbnail.source()).isEqualTo(Thumbnail.Source.EXIF);
        BufferedImage upright = decode(thumbnail.jpeg());
        assertThat(upright.getWidth()).isEqualTo(120);
        assertThat(upright.getHeight()).isEqualTo(160);
        // Orientation 8: turn 90° counter-clockwise, so the top-left corner goes to the bottom left.
        assertThat(new Color(upright.getRGB(5, 155)).getRed()).isGreaterThan(200);
    }

    @Test
    void aSmallFrameGetsAFullSizeThumbnailFromASubsampledDecode() throws Exception {
        byte[] jpeg = TestJpegs.photoJpeg(1920, 1080, 4, Flavour.baseline420());

        FrameAnalysis analysis = analyzer.analyze(jpeg);

        assertThat(analysis.decoding()).isEqualTo(FrameAnalysis.Decoding.DC_COEFFICIENTS);
        assertThat(analysis.thumbnail().width()).isEqualTo(320);
        assertThat(analysis.thumbnail().height()).isEqualTo(180);
        assertThat(meanLumaOf(decode(analysis.thumbnail().jpeg()))).isCloseTo(analysis.meanLuma(), within(3.0));
    }

    @Test
    void aTinyFrameKeepsItsOwnSizeAsThumbnail() throws IngestFailure {
        Thumbnail thumbnail = analyzer.analyze(TestJpegs.photoJpeg(100, 60, 4, Flavour.baseline420())).thumbnail();

        assertThat(thumbnail.width()).isEqualTo(100);
        assertThat(thumbnail.height()).isEqualTo(60);
    }

    @Test
    void theHistogramSeparatesDayFromNight() throws IngestFailure {
        BufferedImage night = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = night.createGraphics();
        graphics.setColor(new Color(8, 10, 20));
        graphics.fillRect(0, 0, 800, 600);
        graphics.setColor(new Color(250, 240, 200));
        graphics.fillRect(0, 0, 80, 60); // one lit window: 1% of the image
        graphics.dispose();

        FrameAnalysis analysis = analyzer.analyze(TestJpegs.encode(night, Flavour.baseline420()));

        LumaHistogram histogram = analysis.histogram();
        assertThat(histogram.count(LumaHistogram.binOf(10))).isGreaterThan(470_000);
        int window = LumaHistogram.binOf(0.2126 * 250 + 0.7152 * 240 + 0.0722 * 200);
        assertThat(histogram.count(window - 1) + histogram.count(window) + histogram.count(window + 1))
                .isBetween(4_000, 5_000);
        assertThat(analysis.meanLuma()).isCloseTo(0.99 * 9.6 + 0.01 * 239.2, within(1.5));
    }

    // --- damage -----------------------------------------------------------------------------------------------------

    @Test
    void aTruncatedFrameIsAFailureThatSaysHowMuchIsThere() {
        byte[] jpeg = TestJpegs.photoJpeg(1024, 768, 5, Flavour.baseline420());
        byte[] cut = Arrays.copyOf(jpeg, (int) (jpeg.length * 0.6));

        assertThatThrownBy(() -> analyzer.analyze(cut))
                .isInstanceOfSatisfying(IngestFailure.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(Kind.TRUNCATED);
                    assertThat(failure.reason()).matches("the file ends after (5[0-9]|6[0-9])% of the image");
                });
    }

    @Test
    void aFrameCutWithinItsHeaderIsTruncated() {
        byte[] jpeg = TestJpegs.photoJpeg(640, 480, 5, Flavour.baseline420());

        assertThatThrownBy(() -> analyzer.analyze(Arrays.copyOf(jpeg, 100)))
                .isInstanceOfSatisfying(IngestFailure.class,
                        failure -> assertThat(failure.kind()).isEqualTo(Kind.TRUNCATED));
    }

    @Test
    void anEndMarkerInTheMiddleOfTheImageDataIsATruncation() {
        byte[] jpeg = TestJpegs.photoJpeg(1024, 768, 5, Flavour.baseline420());
        int middle = jpeg.length / 2;
        jpeg[middle] = (byte) 0xFF;
        jpeg[middle + 1] = (byte) 0xD9;

        assertThatThrownBy(() -> analyzer.analyze(jpeg))
                .isInstanceOfSatisfying(IngestFailure.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(Kind.TRUNCATED);
                    assertThat(failure.reason()).contains("marker EOI");
                });
    }

    @Test
    void garbageInTheImageDataIsCorruption() {
        byte[] jpeg = TestJpegs.photoJpeg(1024, 768, 5, Flavour.baseline420());
        int middle = jpeg.length / 2;
        for (int i = middle; i < middle + 64; i += 2) { // stuffed 0xFF bytes: a run of 1 bits no code has
            jpeg[i] = (byte) 0xFF;
            jpeg[i + 1] = 0;
        }

        assertThatThrownBy(() -> analyzer.analyze(jpeg))
                .isInstanceOfSatisfying(IngestFailure.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(Kind.CORRUPT);
                    assertThat(failure.reason()).startsWith("damaged image data near byte");
                });
    }

    @Test
    void aRestartMarkerOutOfOrderIsCorruption() {
        byte[] jpeg = TestJpegs.photoJpeg(640, 480, 5, Flavour.baseline420().restartEvery(4));
        int rst3 = indexOf(jpeg, (byte) 0xFF, (byte) 0xD3);
        jpeg[rst3 + 1] = (byte) 0xD5;

        assertThatThrownBy(() -> analyzer.analyze(jpeg))
                .isInstanceOfSatisfying(IngestFailure.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(Kind.CORRUPT);
                    assertThat(failure.reason()).contains("expected restart marker RST3", "found 0xFFD5");
                });
    }

    @Test
    void aTruncatedProgressiveFrameIsAFailureToo() {
        byte[] jpeg = TestJpegs.photoJpeg(1024, 768, 5, Flavour.baseline420().asProgressive());
        byte[] cut = Arrays.copyOf(jpeg, jpeg.length / 2);

        assertThatThrownBy(() -> analyzer.analyze(cut))
                .isInstanceOfSatisfying(IngestFailure.class, failure -> {
                    assertThat(failure.kind()).isIn(Kind.TRUNCATED, Kind.CORRUPT);
                    assertThat(failure.reason()).startsWith("the JPEG decoder reports");
                });
    }

    @Test
    void anArithmeticCodedJpegIsUnsupported() {
        byte[] jpeg = TestJpegs.photoJpeg(640, 480, 5, Flavour.baseline420());
        int frame = indexOf(jpeg, (byte) 0xFF, (byte) 0xC0);
        jpeg[frame + 1] = (byte) 0xC9; // SOF9: sequential, arithmetic coding

        assertThatThrownBy(() -> analyzer.analyze(jpeg))
                .isInstanceOfSatisfying(IngestFailure.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(Kind.UNSUPPORTED);
                    assertThat(failure.reason()).contains("arithmetic-coded");
                });
    }

    @Test
    void aPngIsNotAJpeg() throws IOException {
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB), "png", png);

        assertThatThrownBy(() -> analyzer.analyze(png.toByteArray()))
                .isInstanceOfSatisfying(IngestFailure.class,
                        failure -> assertThat(failure.kind()).isEqualTo(Kind.NOT_JPEG));
    }

    @Test
    void anEmptyFileIsNotAJpeg() {
        assertThatThrownBy(() -> analyzer.analyze(new byte[0]))
                .isInstanceOfSatisfying(IngestFailure.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(Kind.NOT_JPEG);
                    assertThat(failure.reason()).isEqualTo("the file is empty");
                });
    }

    @Test
    void aMissingFileIsUnreadable(@TempDir Path folder) {
        assertThatThrownBy(() -> analyzer.analyze(folder.resolve("gone.jpg")))
                .isInstanceOfSatisfying(IngestFailure.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(Kind.UNREADABLE);
                    assertThat(failure.reason()).contains("gone.jpg", "does not exist");
                });
    }

    @Test
    void greyscaleFramesWithRestartMarkersAtEveryBlockAreRead() throws IngestFailure {
        byte[] jpeg = TestJpegs.photoJpeg(333, 222, 5, Flavour.baseline420().chroma(Chroma.GREY).restartEvery(1));

        FrameAnalysis analysis = analyzer.analyze(jpeg);

        assertThat(analysis.meanLuma()).isCloseTo(TestJpegs.fullDecode(jpeg).meanLuma(), within(1.5));
    }

    private static int indexOf(byte[] data, byte first, byte second) {
        for (int i = 0; i + 1 < data.length; i++) {
            if (data[i] == first && data[i + 1] == second) {
                return i;
            }
        }
        throw new AssertionError("marker not found");
    }

    private static BufferedImage decode(byte[] jpeg) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(jpeg));
    }

    private static double meanLumaOf(BufferedImage image) {
        double sum = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                Color c = new Color(image.getRGB(x, y));
                sum += 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
            }
        }
        return sum / (image.getWidth() * image.getHeight());
    }
}
