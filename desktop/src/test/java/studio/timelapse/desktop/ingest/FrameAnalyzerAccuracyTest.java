package studio.timelapse.desktop.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import studio.timelapse.desktop.ingest.TestJpegs.Chroma;
import studio.timelapse.desktop.ingest.TestJpegs.Flavour;

/**
 * The analysis reads 8×8 block means instead of pixels; for every flavour of JPEG cameras write, its mean luma and
 * histogram must agree with a full decode by the JDK's decoder, pixel by pixel.
 */
class FrameAnalyzerAccuracyTest {
    /** Mean luma may differ from the full decode by this much (0..255): clamping and rounding differ per pixel. */
    static final double MEAN_TOLERANCE = 1.5;
    /** Earth mover's distance, in bins of 4 levels: block means narrow the spread that sensor noise gives pixels. */
    static final double HISTOGRAM_TOLERANCE = 1.0;

    private final FrameAnalyzer analyzer = new FrameAnalyzer();

    static Stream<Flavour> flavours() {
        Flavour base = Flavour.baseline420();
        return Stream.of(
                base,
                base.named("baseline 4:4:4").chroma(Chroma.YUV444),
                base.named("baseline 4:2:2").chroma(Chroma.YUV422),
                base.named("greyscale").chroma(Chroma.GREY),
                base.named("restart markers every 5 MCUs").restartEvery(5),
                base.named("restart markers every MCU, 4:4:4, grey").chroma(Chroma.GREY).restartEvery(1),
                base.named("optimized Huffman tables").withOptimizedTables(),
                base.named("quality 50").quality(50),
                base.named("quality 100, 4:4:4").quality(100).chroma(Chroma.YUV444),
                base.named("progressive (JDK decoder)").asProgressive(),
                base.named("progressive greyscale (JDK decoder)").asProgressive().chroma(Chroma.GREY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flavours")
    void meanLumaAndHistogramMatchAFullDecode(Flavour flavour) throws IngestFailure {
        // Odd sizes: partial MCUs and partial blocks at the right and bottom edges.
        byte[] jpeg = TestJpegs.photoJpeg(1001, 763, 7, flavour);
        TestJpegs.FullDecode full = TestJpegs.fullDecode(jpeg);

        FrameAnalysis analysis = analyzer.analyze(jpeg);

        assertThat(analysis.width()).isEqualTo(1001);
        assertThat(analysis.height()).isEqualTo(763);
        assertThat(analysis.decoding()).isEqualTo(flavour.progressive() ? FrameAnalysis.Decoding.IMAGEIO
                : FrameAnalysis.Decoding.DC_COEFFICIENTS);
        assertThat(analysis.meanLuma()).isCloseTo(full.meanLuma(), within(MEAN_TOLERANCE));
        assertThat(analysis.histogram().total()).isEqualTo(1001L * 763);
        assertThat(analysis.histogram().distance(full.histogram())).isLessThan(HISTOGRAM_TOLERANCE);
    }
}
