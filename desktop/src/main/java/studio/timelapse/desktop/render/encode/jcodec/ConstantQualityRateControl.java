package studio.timelapse.desktop.render.encode.jcodec;

/**
 * Constant quality for JCodec: every P frame at one QP taken from the quality setting, key frames
 * {@value #KEY_FRAME_QP_OFFSET} finer (they are the reference for everything up to the next one). JCodec's own control
 * codes I frames at QP 20 and P frames at 26 whatever is asked, so its quality never changes.
 *
 * <p>The one exception protects the frame buffer: when a frame spends bits faster than its budget allows, the QP rises
 * for the following macroblocks until it is back within budget, then returns to the setting; a frame that overflows
 * anyway is encoded again {@value #RETRY_QP_STEP} coarser ({@link #coarser()}). Natural images never come near it; noise
 * at the highest qualities can.
 */
final class ConstantQualityRateControl {
    static final int KEY_FRAME_QP_OFFSET = 2;
    static final int MIN_QP = 10;
    static final int MAX_QP = 51;
    private static final int RETRY_QP_STEP = 6;

    private final int predictedQp;
    private int extraQp;
    private int baseQp;
    private int currentQp;
    private long budgetPerMacroblock;
    private long bitsSpent;
    private long macroblocksDone;

    ConstantQualityRateControl(int predictedQp) {
        if (predictedQp < MIN_QP || predictedQp > MAX_QP) {
            throw new IllegalArgumentException("QP " + predictedQp + " is outside " + MIN_QP + "–" + MAX_QP);
        }
        this.predictedQp = predictedQp;
    }

    /** Starts a frame of {@code macroblocks} that may spend {@code budgetBits}; returns its slice QP. */
    int startFrame(boolean keyFrame, long budgetBits, int macroblocks) {
        budgetPerMacroblock = budgetBits / macroblocks;
        bitsSpent = 0;
        macroblocksDone = 0;
        int qp = keyFrame ? predictedQp - KEY_FRAME_QP_OFFSET : predictedQp;
        baseQp = Math.max(MIN_QP, Math.min(MAX_QP, qp + extraQp));
        currentQp = baseQp;
        return baseQp;
    }

    /** The QP of the next macroblock. */
    int nextMacroblockQp() {
        long allowed = budgetPerMacroblock * macroblocksDone;
        // Steps within mb_qp_delta's range (−26…25): up by 2 while over budget, back down by at most 8.
        currentQp = bitsSpent > allowed ? Math.min(MAX_QP, currentQp + 2) : Math.max(baseQp, currentQp - 8);
        return currentQp;
    }

    void macroblockDone(int bits) {
        bitsSpent += bits;
        macroblocksDone++;
    }

    /** The frame did not fit: the next attempt (and the rest of this stream) is coarser. */
    boolean coarser() {
        if (baseQp >= MAX_QP) {
            return false;
        }
        extraQp += RETRY_QP_STEP;
        return true;
    }
}
