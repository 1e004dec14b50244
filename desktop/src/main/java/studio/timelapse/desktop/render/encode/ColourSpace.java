package studio.timelapse.desktop.render.encode;

/**
 * The RGB↔YUV matrix (and primaries) an encoder converts with and tags the stream with, so that a player converts
 * back with the same one. HD and larger is BT.709 and SD is BT.601, as players assume when a stream carries no tag.
 */
public enum ColourSpace {
    /** SD: Kr 0.299, Kb 0.114; tagged with matrix 6 (BT.601), see {@link ColourTags}. */
    BT601(0.299, 0.114),
    /** HD: Kr 0.2126, Kb 0.0722; tagged with matrix 1 (BT.709). */
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
