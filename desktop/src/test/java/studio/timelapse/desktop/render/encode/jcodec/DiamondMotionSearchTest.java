package studio.timelapse.desktop.render.encode.jcodec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiamondMotionSearchTest {
    private static final int WIDTH = 96;
    private static final int HEIGHT = 64;

    @Test
    void findsHowFarASmoothPictureMovedInQuarterPixels() {
        byte[] reference = picture(0, 0);
        byte[] block = block(picture(3, -2), 2, 1);          // the content moved 3 right and 2 up

        int[] motion = new DiamondMotionSearch(16).search(reference, WIDTH, HEIGHT, block, 2, 1, 0, 0, 20);

        assertThat(motion).containsExactly(-12, 8);          // found 3 left and 2 down in the reference
    }

    @Test
    void aStillPictureHasNoMotion() {
        byte[] reference = picture(0, 0);

        assertThat(new DiamondMotionSearch(16).search(reference, WIDTH, HEIGHT, block(reference, 1, 1), 1, 1, 0, 0, 20))
                .containsExactly(0, 0);
    }

    @Test
    void aVectorMustSaveMoreThanItCostsToWrite() {
        byte[] reference = picture(0, 0);
        byte[] block = block(reference, 2, 1);
        block[0] += 3;                                       // a little noise: no reason to move
        byte[] shifted = reference.clone();
        shifted[(16 + 0) * WIDTH + 33] += 1;                 // one position to the right matches a hair better

        int[] motion = new DiamondMotionSearch(16).search(shifted, WIDTH, HEIGHT, block, 2, 1, 0, 0, 30);

        assertThat(motion).containsExactly(0, 0);
    }

    @Test
    void neverLooksOutsideThePicture() {
        byte[] reference = picture(0, 0);
        byte[] block = block(picture(-8, -8), 0, 0);         // the best match would lie left of and above the picture

        int[] motion = new DiamondMotionSearch(16).search(reference, WIDTH, HEIGHT, block, 0, 0, 0, 0, 20);

        assertThat(motion[0]).isGreaterThanOrEqualTo(0);
        assertThat(motion[1]).isGreaterThanOrEqualTo(0);
    }

    /** A smooth pattern moved by (dx, dy), samples minus 128 as JCodec stores them. */
    private static byte[] picture(int dx, int dy) {
        byte[] plane = new byte[WIDTH * HEIGHT];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                double u = x - dx;
                double v = y - dy;
                plane[y * WIDTH + x] = (byte) (100 * Math.sin(u * 0.15) * Math.cos(v * 0.12) + 20 * Math.sin(u * v
                        * 0.01));
            }
        }
        return plane;
    }

    private static byte[] block(byte[] plane, int mbX, int mbY) {
        byte[] block = new byte[256];
        for (int row = 0; row < 16; row++) {
            System.arraycopy(plane, ((mbY << 4) + row) * WIDTH + (mbX << 4), block, row * 16, 16);
        }
        return block;
    }
}
