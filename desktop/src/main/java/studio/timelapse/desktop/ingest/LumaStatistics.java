package studio.timelapse.desktop.ingest;

/** Mean luma and its histogram over a frame, each block weighted by the image pixels it covers. */
record LumaStatistics(double mean, LumaHistogram histogram) {

    static LumaStatistics of(BlockImage blocks) {
        int[] counts = new int[LumaHistogram.BINS];
        double sum = 0;
        long pixels = 0;
        float[] luma = blocks.luma();
        for (int row = 0; row < blocks.rows(); row++) {
            for (int column = 0; column < blocks.columns(); column++) {
                float value = luma[row * blocks.columns() + column];
                int weight = blocks.pixels(column, row);
                sum += (double) value * weight;
                pixels += weight;
                counts[LumaHistogram.binOf(value)] += weight;
            }
        }
        return new LumaStatistics(sum / pixels, LumaHistogram.of(counts));
    }
}
