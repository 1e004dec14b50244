package studio.timelapse.desktop.render.encode;

/**
 * The colour description a stream carries (H.264 VUI, and the MP4 {@code colr} box), in the code points of ITU-T H.273
 * that both use, so that players convert YUV back to RGB as it was converted.
 *
 * <p>Our pixels come from cameras' JPEGs, which are sRGB: BT.709 primaries and (close to) its transfer curve. Only the
 * matrix follows the {@link ColourSpace}: SD video is tagged with BT.709 primaries and transfer and the BT.601 matrix
 * (code 6), which is what it is — tagging SMPTE 170M primaries would make a colour-managed player shift sRGB colours.
 */
public record ColourTags(int primaries, int transfer, int matrix, boolean fullRange) {
    public static final int BT709 = 1;
    public static final int BT601_MATRIX = 6;

    public static ColourTags of(ColourSpace space, ColourRange range) {
        int matrix = space == ColourSpace.BT709 ? BT709 : BT601_MATRIX;
        return new ColourTags(BT709, BT709, matrix, range == ColourRange.FULL);
    }

    public static ColourTags of(EncoderSettings settings) {
        return of(settings.colourSpace(), settings.range());
    }
}
