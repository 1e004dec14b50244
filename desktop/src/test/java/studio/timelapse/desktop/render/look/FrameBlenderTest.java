package studio.timelapse.desktop.render.look;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FrameBlenderTest {
    private static final int WIDTH = 7;
    private static final int HEIGHT = 5;

    @Test
    void eachFrameBecomesTheRoundedAverageOfTheFramesAroundIt() {
        for (int window = 1; window <= 6; window++) {
            Map<Long, int[]> frames = randomFrames(20, List.of(), window);
            assertSameFrames(blend(window, frames), naive(window, frames), "window " + window);
        }
    }

    @Test
    void missingPositionsLeaveTheirNeighboursWindowsShortNotShifted() {
        Map<Long, int[]> frames = randomFrames(30, List.of(4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 20L), 17);
        for (int window : new int[] {3, 4, 5}) {
            Map<Long, int[]> blended = blend(window, frames);
            assertThat(blended.keySet()).containsExactlyElementsOf(frames.keySet());
            assertSameFrames(blended, naive(window, frames), "window " + window);
        }
    }

    @Test
    void theRunningSumsDivideExactlyForEveryCountAndSum() {
        // For each count c, c frames whose channel values add up to every sum from 0 to 255·c, one per pixel.
        for (int count = 1; count <= FrameBlender.MAX_WINDOW; count++) {
            int pixels = 255 * count + 1;
            FrameBlender blender = new FrameBlender(count, pixels, 1);
            List<int[]> frames = new ArrayList<>();
            for (int f = 0; f < count; f++) {
                frames.add(new int[pixels]);
            }
            for (int sum = 0; sum < pixels; sum++) {
                int left = sum;
                for (int f = 0; f < count; f++) {
                    int value = Math.min(255, left);
                    frames.get(f)[sum] = value << 16 | value << 8 | value;
                    left -= value;
                }
            }
            // The frame at reachBefore() is the one whose window holds all count frames.
            int[] out = new int[pixels];
            int[] others = new int[pixels];
            for (int f = 0; f < count; f++) {
                blender.add(frames.get(f), f);
                while (blender.ready()) {
                    blender.blendNext(blender.nextPosition() == blender.reachBefore() ? out : others);
                }
            }
            blender.endOfInput();
            while (blender.ready()) {
                blender.blendNext(blender.nextPosition() == blender.reachBefore() ? out : others);
            }
            for (int sum = 0; sum < pixels; sum++) {
                int expected = (2 * sum + count) / (2 * count);
                assertThat(out[sum] & 0xff).as("sum %d over %d frames", sum, count).isEqualTo(expected);
                assertThat(out[sum] >>> 16).isEqualTo(expected);
            }
        }
    }

    @Test
    void aFrameIsReadyOnlyOnceTheFramesAfterItHaveArrived() {
        FrameBlender blender = new FrameBlender(5, 1, 1);
        int[] frame = {0x101010};
        blender.add(frame, 0);
        blender.add(frame, 1);
        assertThat(blender.ready()).as("frame 0 still waits for frame 2").isFalse();
        blender.add(frame, 2);
        assertThat(blender.ready()).isFalse();
        blender.add(frame, 3);
        assertThat(blender.ready()).isTrue();
        assertThat(blender.nextPosition()).isZero();
        assertThat(blender.pending()).isEqualTo(4);
    }

    private static void assertSameFrames(Map<Long, int[]> actual, Map<Long, int[]> expected, String what) {
        assertThat(actual.keySet()).as(what).containsExactlyElementsOf(expected.keySet());
        for (long position : expected.keySet()) {
            assertThat(actual.get(position)).as("%s, frame %d", what, position).isEqualTo(expected.get(position));
        }
    }

    /** Positions 0 … n−1 except {@code missing}, with random pixels. */
    private static Map<Long, int[]> randomFrames(int n, List<Long> missing, long seed) {
        Random random = new Random(seed);
        Map<Long, int[]> frames = new LinkedHashMap<>();
        for (long p = 0; p < n; p++) {
            int[] pixels = new int[WIDTH * HEIGHT];
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = random.nextInt(1 << 24);
            }
            if (!missing.contains(p)) {
                frames.put(p, pixels);
            }
        }
        return frames;
    }

    private static Map<Long, int[]> blend(int window, Map<Long, int[]> frames) {
        FrameBlender blender = new FrameBlender(window, WIDTH, HEIGHT);
        Map<Long, int[]> out = new LinkedHashMap<>();
        for (Map.Entry<Long, int[]> frame : frames.entrySet()) {
            blender.add(frame.getValue(), frame.getKey());
            takeReady(blender, out);
        }
        blender.endOfInput();
        takeReady(blender, out);
        return out;
    }

    private static void takeReady(FrameBlender blender, Map<Long, int[]> out) {
        while (blender.ready()) {
            long position = blender.nextPosition();
            int[] pixels = new int[WIDTH * HEIGHT];
            blender.blendNext(pixels);
            out.put(position, pixels);
        }
    }

    /** The definition: for each frame, the mean of the frames whose positions are within the window around it. */
    private static Map<Long, int[]> naive(int window, Map<Long, int[]> frames) {
        int before = window / 2;
        int after = window - 1 - before;
        Map<Long, int[]> out = new LinkedHashMap<>();
        for (long p : frames.keySet()) {
            int[] result = new int[WIDTH * HEIGHT];
            for (int i = 0; i < result.length; i++) {
                int count = 0;
                int[] sums = new int[3];
                for (long q = p - before; q <= p + after; q++) {
                    int[] frame = frames.get(q);
                    if (frame != null) {
                        count++;
                        sums[0] += (frame[i] >> 16) & 0xff;
                        sums[1] += (frame[i] >> 8) & 0xff;
                        sums[2] += frame[i] & 0xff;
                    }
                }
                result[i] = (int) Math.floor(sums[0] / (double) count + 0.5) << 16
                        | (int) Math.floor(sums[1] / (double) count + 0.5) << 8
                        | (int) Math.floor(sums[2] / (double) count + 0.5);
            }
            out.put(p, result);
        }
        return out;
    }
}
