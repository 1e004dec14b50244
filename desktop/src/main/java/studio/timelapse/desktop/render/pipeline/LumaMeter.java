package studio.timelapse.desktop.render.pipeline;

/** The mean BT.601 luma (0–255) of a decoded image, from every second sample of every second row. */
final class LumaMeter {
    private LumaMeter() {}

    static double mean(DecodedImage image) {
        SamplePlane plane = image.planes().get(0);
        SamplePlane.RowView view = new SamplePlane.RowView();
        int channels = plane.channels();
        double[] weights = switch (image.colour()) {
            case YCBCR_FULL, YCBCR_LIMITED, GRAY -> new double[] {1, 0, 0};
            case RGB -> new double[] {0.299, 0.587, 0.114};
            case BGR -> new double[] {0.114, 0.587, 0.299};
        };
        double sum = 0;
        long count = 0;
        for (int y = 0; y < plane.height(); y += 2) {
            plane.row(y, view);
            byte[] row = view.array;
            long rowSum0 = 0;
            long rowSum1 = 0;
            long rowSum2 = 0;
            for (int x = 0, i = view.offset; x < plane.width(); x += 2, i += 2 * channels) {
                rowSum0 += row[i] & 0xff;
                if (channels == 3) {
                    rowSum1 += row[i + 1] & 0xff;
                    rowSum2 += row[i + 2] & 0xff;
                }
                count++;
            }
            sum += weights[0] * rowSum0 + weights[1] * rowSum1 + weights[2] * rowSum2;
        }
        double mean = count == 0 ? 0 : sum / count;
        return image.colour() == ColourModel.YCBCR_LIMITED ? Math.max(0, Math.min(255, (mean - 16) * 255 / 219)) : mean;
    }
}
