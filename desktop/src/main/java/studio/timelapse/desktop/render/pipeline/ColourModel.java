package studio.timelapse.desktop.render.pipeline;

/** How a decoded image's samples encode colour. */
enum ColourModel {
    /** Y, Cb, Cr over the full 0–255 range, BT.601 weights: what JFIF/EXIF JPEGs hold. */
    YCBCR_FULL,
    /** Y in 16–235 and Cb, Cr in 16–240, BT.601 weights. */
    YCBCR_LIMITED,
    /** R, G, B. */
    RGB,
    /** B, G, R: ImageIO's own layout. */
    BGR,
    /** One luma channel. */
    GRAY
}
