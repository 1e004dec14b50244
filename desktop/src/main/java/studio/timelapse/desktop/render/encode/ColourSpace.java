package studio.timelapse.desktop.render.encode;

/**
 * The RGB↔YUV matrix (and primaries) an encoder converts with and tags the stream with, so that a player converts
 * back with the same one. HD and larger is BT.709 and SD is BT.601, as players assume when a stream carries no tag.
 */
public enum ColourSpace {
    /** SD: Kr 0.299, Kb 0.114; tagged as BT.470BG/SMPTE 170M (H.264 colour_primaries 6, matrix 6). */
    BT601(0.299, 0.114),
    /** HD: Kr 0.2126, Kb 0.0722; tagged as BT.709 (H.264 colour_primaries, transfer and matrix 1). */
    BT709(0.2126, 0.0722);

    private final double kr;
    private final double kb;

    ColourSpace(double kr, double kb) {
        this.kr = kr;
        this.kb = kb;
    }

    /** BT.709 from 720 lines up, BT.601 below. */
    public static ColourSpace forSize(int width, int height) {
        return height >= 720 || width >= 1280 ? BT709 : BT601;
    }

    public double kr() {
        return kr;
    }

    public double kb() {
        return kb;
    }

    public double kg() {
        return 1 - kr - kb;
    }
}
