package studio.timelapse.desktop.render.encode.jcodec;

/**
 * The lowest H.264 level (Annex A, table A-1) whose frame size and macroblock rate hold a stream. JCodec writes level
 * 4.0 whatever the size, which is a lie for anything above 1080p30 and makes hardware decoders refuse 4K.
 */
final class H264Level {
    private H264Level() {}

    /** level_idc, max macroblocks per second, max frame size in macroblocks. */
    private static final long[][] LEVELS = {
        {10, 1_485, 99}, {11, 3_000, 396}, {12, 6_000, 396}, {13, 11_880, 396},
        {20, 11_880, 396}, {21, 19_800, 792}, {22, 20_250, 1_620},
        {30, 40_500, 1_620}, {31, 108_000, 3_600}, {32, 216_000, 5_120},
        {41, 245_760, 8_192}, {42, 522_240, 8_704},  // 4.1 rather than 4.0: same frames, the bit rate JCodec needs
        {50, 589_824, 22_080}, {51, 983_040, 36_864}, {52, 2_073_600, 36_864},
        {60, 4_177_920, 139_264}, {61, 8_355_840, 139_264}, {62, 16_711_680, 139_264},
    };

    static int levelIdc(int width, int height, double framesPerSecond) {
        long mbWidth = (width + 15) / 16;
        long mbHeight = (height + 15) / 16;
        long frameSize = mbWidth * mbHeight;
        double rate = frameSize * framesPerSecond;
        for (long[] level : LEVELS) {
            long maxSide = (long) Math.sqrt(level[2] * 8.0);   // A.3.1: neither side longer than sqrt(8 * MaxFS)
            if (frameSize <= level[2] && rate <= level[1] && mbWidth <= maxSide && mbHeight <= maxSide) {
                return (int) level[0];
            }
        }
        return 62;
    }
}
