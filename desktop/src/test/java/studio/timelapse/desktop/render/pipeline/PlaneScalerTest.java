package studio.timelapse.desktop.render.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PlaneScalerTest {

    @Test
    void weightsAlongAnAxisSumToOneAndReadOnlyInsideThePlane() {
        for (int size : new int[] {1, 2, 3, 7, 100, 4056}) {
            for (int outputs : new int[] {1, 2, 5, 99, 1920}) {
                for (double start : new double[] {0, 0.3, size / 3.0}) {
                    double length = Math.max(0.5, size - start);
                    AxisWeights axis = AxisWeights.of(start, length, size, outputs);
                    for (int j = 0; j < outputs; j++) {
                        int sum = 0;
                        for (int k = 0; k < axis.taps; k++) {
                            sum += axis.weights[j * axis.taps + k];
                            assertThat(axis.weights[j * axis.taps + k]).isNotNegative();
                        }
                        assertThat(sum).as("output %d of %d from %d", j, outputs, size).isEqualTo(AxisWeights.ONE);
                        assertThat(axis.first[j]).isBetween(0, size - axis.taps);
                    }
                    assertThat(axis.end()).isLessThanOrEqualTo(size);
                }
            }
        }
    }

    @Test
    void halvingAveragesEachPairOfPixels() {
        AxisWeights axis = AxisWeights.of(0, 8, 8, 4);
        for (int j = 0; j < 4; j++) {
            int w = j * axis.taps;
            int firstNonZero = axis.first[j] + indexOfFirstNonZero(axis.weights, w, axis.taps);
            assertThat(firstNonZero).isEqualTo(2 * j);
            assertThat(axis.weights[w + firstNonZero - axis.first[j]]).isEqualTo(AxisWeights.ONE / 2);
        }
    }

    @Test
    void aConstantPlaneScalesToTheSameConstantAtAnyScaleAndOffset() {
        byte[] data = new byte[300 * 200];
        java.util.Arrays.fill(data, (byte) 173);
        SamplePlane plane = new SamplePlane.InArray(data, 0, 300, 300, 200, 1);
        PlaneScaler scaler = new PlaneScaler();
        for (int[] out : new int[][] {{150, 100}, {97, 31}, {640, 480}, {300, 200}, {1, 1}}) {
            byte[][] target = {new byte[out[0] * out[1]]};
            scaler.scale(plane, 12.25, 7.5, 250.5, 150.25, target, out[0], 0, 0, out[0], out[1]);
            for (byte value : target[0]) {
                assertThat(value & 0xff).isEqualTo(173);
            }
        }
    }

    @Test
    void downscalingAveragesTheAreaEachOutputPixelCovers() {
        // A 4x4 plane into 2x2: each output is the mean of a 2x2 block.
        byte[] data = {
            0, 10, 100, 110,
            20, 30, 120, (byte) 130,
            (byte) 200, (byte) 210, 40, 50,
            (byte) 220, (byte) 230, 60, 70};
        SamplePlane plane = new SamplePlane.InArray(data, 0, 4, 4, 4, 1);
        byte[][] out = {new byte[4]};
        new PlaneScaler().scale(plane, 0, 0, 4, 4, out, 2, 0, 0, 2, 2);
        assertThat(unsigned(out[0])).containsExactly(15, 115, 215, 55);
    }

    @Test
    void aRegionStartingHalfwayIntoAPixelTakesHalfOfIt() {
        // One row: 0, 100, 200, 100. Two output pixels from x = 0.5 to 2.5: (0.5·0 + 0.5·100) and (0.5·200 + 0.5·100)…
        // scaled by the area they cover: [0.5, 1.5) → 0.5·0 + 0.5·100 = 50, [1.5, 2.5) → 0.5·100 + 0.5·200 = 150.
        byte[] data = {0, 100, (byte) 200, 100};
        SamplePlane plane = new SamplePlane.InArray(data, 0, 4, 4, 1, 1);
        byte[][] out = {new byte[2]};
        new PlaneScaler().scale(plane, 0.5, 0, 2, 1, out, 2, 0, 0, 2, 1);
        assertThat(unsigned(out[0])).containsExactly(50, 150);
    }

    @Test
    void upscalingInterpolatesBetweenPixelCentres() {
        byte[] data = {0, (byte) 200};
        SamplePlane plane = new SamplePlane.InArray(data, 0, 2, 2, 1, 1);
        byte[][] out = {new byte[4]};
        new PlaneScaler().scale(plane, 0, 0, 2, 1, out, 4, 0, 0, 4, 1);
        // Output centres at source x = 0.25, 0.75, 1.25, 1.75 → 0 (edge), 50, 150, 200 (edge).
        assertThat(unsigned(out[0])).containsExactly(0, 50, 150, 200);
    }

    @Test
    void anInterleavedPlaneScalesEachChannelAsItsOwnPlaneWould() {
        Random random = new Random(7);
        int width = 123;
        int height = 77;
        byte[][] separate = new byte[3][width * height];
        byte[] interleaved = new byte[width * height * 3];
        for (int c = 0; c < 3; c++) {
            random.nextBytes(separate[c]);
            for (int i = 0; i < width * height; i++) {
                interleaved[i * 3 + c] = separate[c][i];
            }
        }
        PlaneScaler scaler = new PlaneScaler();
        byte[][] fromInterleaved = new byte[3][40 * 30];
        scaler.scale(new SamplePlane.InArray(interleaved, 0, width * 3, width, height, 3), 3.3, 2.2, 100, 60,
                fromInterleaved, 40, 0, 0, 40, 30);
        for (int c = 0; c < 3; c++) {
            byte[][] alone = {new byte[40 * 30]};
            scaler.scale(new SamplePlane.InArray(separate[c], 0, width, width, height, 1), 3.3, 2.2, 100, 60, alone, 40,
                    0, 0, 40, 30);
            assertThat(fromInterleaved[c]).as("channel %d", c).isEqualTo(alone[0]);
        }
    }

    @Test
    void itWritesOnlyTheTargetRectangle() {
        byte[] data = new byte[16 * 16];
        java.util.Arrays.fill(data, (byte) 99);
        byte[][] out = {new byte[10 * 10]};
        java.util.Arrays.fill(out[0], (byte) 7);
        new PlaneScaler().scale(new SamplePlane.InArray(data, 0, 16, 16, 16, 1), 0, 0, 16, 16, out, 10, 2, 4, 6, 4);
        for (int y = 0; y < 10; y++) {
            for (int x = 0; x < 10; x++) {
                boolean inside = x >= 2 && x < 8 && y >= 4 && y < 8;
                assertThat(out[0][y * 10 + x] & 0xff).as("(%d, %d)", x, y).isEqualTo(inside ? 99 : 7);
            }
        }
    }

    @Test
    void theUnrolledLoopsGiveExactlyTheGeneralLoopsSamples() {
        // Ratios that put 1, 2, 3 and 4 source pixels under an output sample (and more), a 12 MP frame's half-size
        // decode to 1080p's 1440x1080 among them, whole planes and regions starting mid-pixel, planar and interleaved.
        Random random = new Random(11);
        int[][] cases = {
            {2028, 1520, 1, 1440, 1080}, {1014, 760, 1, 720, 540}, {300, 200, 1, 150, 100}, {300, 200, 1, 100, 70},
            {300, 200, 1, 299, 199}, {301, 203, 1, 64, 41}, {120, 80, 1, 200, 150}, {90, 60, 3, 61, 37},
            {90, 60, 3, 45, 30}};
        for (int[] size : cases) {
            int width = size[0];
            int height = size[1];
            int channels = size[2];
            byte[] data = new byte[width * height * channels + 5];
            random.nextBytes(data);
            SamplePlane plane = new SamplePlane.InArray(data, 5, width * channels, width, height, channels);
            for (double[] region : new double[][] {{0, 0, width, height}, {1.5, 0.25, width - 3.1, height - 1.7}}) {
                int dw = size[3];
                int dh = size[4];
                byte[][] unrolled = new byte[channels][(dw + 2) * (dh + 1)];
                byte[][] general = new byte[channels][(dw + 2) * (dh + 1)];
                new PlaneScaler().scale(plane, region[0], region[1], region[2], region[3], unrolled, dw + 2, 1, 1, dw,
                        dh);
                PlaneScaler.general().scale(plane, region[0], region[1], region[2], region[3], general, dw + 2, 1, 1,
                        dw, dh);
                for (int c = 0; c < channels; c++) {
                    assertThat(unrolled[c]).as("%dx%d to %dx%d from %s, channel %d", width, height, dw, dh,
                            java.util.Arrays.toString(region), c).isEqualTo(general[c]);
                }
            }
        }
    }

    @Test
    void extremeSamplesSurviveTheUnclampedLoops() {
        // All 255 and all 0 (the bounds of the unclamped sums) and a checkerboard of both, at an uneven ratio.
        for (int pattern = 0; pattern < 3; pattern++) {
            byte[] data = new byte[203 * 151];
            for (int i = 0; i < data.length; i++) {
                int x = i % 203;
                int y = i / 203;
                data[i] = (byte) (pattern == 0 ? 255 : pattern == 1 ? 0 : ((x + y) % 2 == 0 ? 255 : 0));
            }
            byte[][] out = {new byte[144 * 108]};
            new PlaneScaler().scale(new SamplePlane.InArray(data, 0, 203, 203, 151, 1), 0, 0, 203, 151, out, 144, 0, 0,
                    144, 108);
            for (byte value : out[0]) {
                int sample = value & 0xff;
                if (pattern == 0) {
                    assertThat(sample).isEqualTo(255);
                } else if (pattern == 1) {
                    assertThat(sample).isZero();
                } else {
                    assertThat(sample).isBetween(90, 165);
                }
            }
        }
    }

    private static int indexOfFirstNonZero(int[] weights, int from, int taps) {
        for (int k = 0; k < taps; k++) {
            if (weights[from + k] != 0) {
                return k;
            }
        }
        return -1;
    }

    private static int[] unsigned(byte[] values) {
        int[] result = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i] & 0xff;
        }
        return result;
    }
}
