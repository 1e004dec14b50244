package studio.timelapse.desktop.library;

import java.util.Objects;
import java.util.Optional;

/**
 * What ingest learnt about a frame.
 *
 * @param meanLuma mean luminance, 0–255
 * @param histogram luminance histogram: {@value #BINS} bins of pixel counts, darkest first
 * @param width the decoded image's width in pixels
 * @param height its height
 * @param thumbnail the thumbnail to show for it, if one could be made
 */
public record FrameAnalysis(double meanLuma, int[] histogram, Exposure exposure, int width, int height,
        Optional<Thumbnail> thumbnail) {
    public static final int BINS = 64;

    public FrameAnalysis {
        Objects.requireNonNull(histogram, "histogram");
        Objects.requireNonNull(exposure, "exposure");
        thumbnail = thumbnail == null ? Optional.empty() : thumbnail;
        if (!(meanLuma >= 0 && meanLuma <= 255)) {
            throw new IllegalArgumentException("mean luminance is 0–255, was " + meanLuma);
        }
        if (histogram.length != BINS) {
            throw new IllegalArgumentException("a histogram has " + BINS + " bins, was " + histogram.length);
        }
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("a frame has a size, was " + width + "x" + height);
        }
    }
}
