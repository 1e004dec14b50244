package studio.timelapse.desktop.render.pipeline;

import java.util.List;
import java.util.Objects;

/**
 * A decoded JPEG as its decoder left it: one plane per channel at the channel's own resolution (a planar 4:2:0 frame
 * has a full-size Y plane and half-size Cb and Cr planes), or one interleaved plane holding every channel. Nothing is
 * converted or upsampled yet: the scaler does that at the output size, where it is cheap.
 *
 * <p>Valid until its decoder decodes the next file or closes: the planes may be the decoder's reused buffers.
 *
 * @param width the image's width at the decoded scale (a reduced decode is smaller than the file)
 * @param height the image's height at the decoded scale
 * @param reduction how much smaller than the file it was decoded: 1, 2, 4 or 8
 */
record DecodedImage(int width, int height, ColourModel colour, List<SamplePlane> planes, int reduction) {

    DecodedImage {
        Objects.requireNonNull(colour, "colour");
        planes = List.copyOf(planes);
        int channels = planes.stream().mapToInt(SamplePlane::channels).sum();
        int expected = colour == ColourModel.GRAY ? 1 : 3;
        if (channels != expected) {
            throw new IllegalArgumentException(colour + " needs " + expected + " channels, the planes hold " + channels);
        }
    }
}
