package studio.timelapse.desktop.sync;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Real JPEG files of a chosen size, quickly: a small noise image padded with comment segments of random bytes, so
 * that every file differs and any size from a few KB to megabytes costs no encoding.
 */
final class TestJpegs {
    private static final int SIDE = 32;
    private static final int MAX_SEGMENT = 65_533;
    private final byte[] base;

    TestJpegs() {
        BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(1);
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        base = out.toByteArray();
    }

    /** A valid JPEG of exactly {@code size} bytes (at least the base image plus one comment), different per seed. */
    byte[] of(int size, long seed) {
        int padding = size - base.length;
        if (padding < 5) {
            throw new IllegalArgumentException("a test JPEG is at least " + (base.length + 5) + " bytes");
        }
        byte[] jpeg = new byte[size];
        jpeg[0] = (byte) 0xFF;
        jpeg[1] = (byte) 0xD8;
        Random random = new Random(seed);
        int position = 2;
        int left = padding;
        while (left > 0) {
            // Each comment segment is marker (2) + length (2) + data; the last one takes whatever is left.
            int data = Math.min(MAX_SEGMENT, left - 4);
            if (left - (data + 4) > 0 && left - (data + 4) < 5) {
                data -= 5;
            }
            jpeg[position] = (byte) 0xFF;
            jpeg[position + 1] = (byte) 0xFE;
            jpeg[position + 2] = (byte) ((data + 2) >> 8);
            jpeg[position + 3] = (byte) (data + 2);
            byte[] noise = new byte[data];
            random.nextBytes(noise);
            System.arraycopy(noise, 0, jpeg, position + 4, data);
            position += 4 + data;
            left -= 4 + data;
        }
        System.arraycopy(base, 2, jpeg, position, base.length - 2);
        return jpeg;
    }
}
