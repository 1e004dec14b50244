package studio.timelapse.desktop.render.encode.jcodec;

/**
 * Whole-pixel motion search for a 16x16 block: from no motion, step to whichever of the four neighbouring positions
 * costs least, until none is cheaper or the range is used up — the diamond search JCodec's {@code MotionEstimator}
 * does, at less cost (it took 26 % of the encoder's time, copying a search window per macroblock and comparing). This
 * one reads the reference picture in place, stops adding up a candidate once it costs more than the best, and keeps
 * every candidate inside the picture (JCodec's compared past the edge of its window at the right and bottom).
 *
 * <p>The cost is the sum of absolute differences plus the bits the motion vector costs to write, weighted by the QP
 * (x264's λ for SAD): without it the search follows sensor noise across a still picture, step after step, to vectors
 * that cost more bits than they save.
 */
final class DiamondMotionSearch {
    private static final int NONE = 0;
    private static final int LEFT = 1;
    private static final int RIGHT = 2;
    private static final int UP = 3;
    private static final int DOWN = 4;

    private final int range;

    DiamondMotionSearch(int range) {
        this.range = range;
    }

    /**
     * The motion of {@code block} (16x16 samples, row by row) at macroblock ({@code mbX}, {@code mbY}) against the
     * luma plane of the reference, as {x, y} in quarter pixels; the predicted vector ({@code predictedX},
     * {@code predictedY}, quarter pixels) is what the vector is written relative to.
     */
    int[] search(byte[] reference, int width, int height, byte[] block, int mbX, int mbY, int predictedX,
            int predictedY, int qp) {
        Costs costs = new Costs(qp, predictedX, predictedY);
        int originX = mbX << 4;
        int originY = mbY << 4;
        int minX = Math.max(0, originX - range);
        int maxX = Math.min(width - 16, originX + range);
        int minY = Math.max(0, originY - range);
        int maxY = Math.min(height - 16, originY + range);
        int bestX = originX;
        int bestY = originY;
        int best = costs.of(0, 0) + sad(reference, width, block, bestX, bestY, Integer.MAX_VALUE);
        int cameFrom = NONE;                                 // that neighbour is known to cost more: skip it
        for (int step = 0; step < range && best > 0; step++) {
            int left = bestX > minX && cameFrom != LEFT
                    ? cost(reference, width, block, costs, bestX - 1, bestY, originX, originY, best)
                    : Integer.MAX_VALUE;
            int right = bestX < maxX && cameFrom != RIGHT
                    ? cost(reference, width, block, costs, bestX + 1, bestY, originX, originY, best)
                    : Integer.MAX_VALUE;
            int up = bestY > minY && cameFrom != UP
                    ? cost(reference, width, block, costs, bestX, bestY - 1, originX, originY, best)
                    : Integer.MAX_VALUE;
            int down = bestY < maxY && cameFrom != DOWN
                    ? cost(reference, width, block, costs, bestX, bestY + 1, originX, originY, best)
                    : Integer.MAX_VALUE;
            int smallest = Math.min(Math.min(left, right), Math.min(up, down));
            if (smallest >= best) {
                break;
            }
            best = smallest;
            if (left == smallest) {
                bestX--;
                cameFrom = RIGHT;
            } else if (right == smallest) {
                bestX++;
                cameFrom = LEFT;
            } else if (up == smallest) {
                bestY--;
                cameFrom = DOWN;
            } else {
                bestY++;
                cameFrom = UP;
            }
        }
        return new int[] {(bestX - originX) << 2, (bestY - originY) << 2};
    }

    private static int cost(byte[] reference, int width, byte[] block, Costs costs, int x, int y, int originX,
            int originY, int limit) {
        int vector = costs.of((x - originX) << 2, (y - originY) << 2);
        return vector >= limit ? limit : vector + sad(reference, width, block, x, y, limit - vector);
    }

    /** What writing a vector costs, in SAD units: λ(QP) times its bits as signed Exp-Golomb codes from the predictor. */
    private record Costs(double lambda, int predictedX, int predictedY) {
        Costs(int qp, int predictedX, int predictedY) {
            this(0.92 * Math.pow(2, (qp - 12) / 6.0), predictedX, predictedY);
        }

        int of(int x, int y) {
            return (int) Math.round(lambda * (bits(x - predictedX) + bits(y - predictedY)));
        }

        private static int bits(int difference) {
            int code = difference > 0 ? 2 * difference - 1 : -2 * difference;    // se(v) as ue(code)
            return 2 * (31 - Integer.numberOfLeadingZeros(code + 1)) + 1;
        }
    }

    /** The sum of absolute differences at (x, y), or some value of at least {@code limit} once it reaches it. */
    private static int sad(byte[] reference, int width, byte[] block, int x, int y, int limit) {
        int sum = 0;
        for (int row = 0, at = y * width + x, in = 0; row < 16; row++, at += width, in += 16) {
            for (int i = 0; i < 16; i++) {
                sum += Math.abs(reference[at + i] - block[in + i]);
            }
            if (sum >= limit) {
                return sum;
            }
        }
        return sum;
    }
}
