package studio.timelapse.desktop.render.encode.jcodec;

/**
 * The chroma quantiser for a luma QP (H.264 table 8-15, chroma_qp_index_offset 0). JCodec's encoder quantises and
 * deblocks chroma with the luma QP, which equals it below 30 and differs above: a decoder then rebuilds other colours
 * than the encoder predicts from, and the error grows frame by frame.
 */
final class ChromaQp {
    private static final int[] ABOVE_29 = {29, 30, 31, 32, 32, 33, 34, 34, 35, 35, 36, 36, 37, 37, 37, 38, 38, 38, 39,
        39, 39, 39};

    private ChromaQp() {}

    static int of(int lumaQp) {
        return lumaQp < 30 ? lumaQp : ABOVE_29[lumaQp - 30];
    }
}
