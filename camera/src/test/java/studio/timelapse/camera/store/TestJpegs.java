package studio.timelapse.camera.store;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;

/** Real JPEG files for tests: noise (so sizes are predictable and files differ), optionally with EXIF. */
final class TestJpegs {
    private TestJpegs() {}

    /** A {@code side} x {@code side} JPEG of random pixels; about side² / 2.5 bytes. */
    static byte[] noise(int side, long seed) {
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] small(long seed) {
        return noise(32, seed);
    }

    /**
     * {@code jpeg} with an EXIF segment: DateTimeOriginal ("2026:03:01 14:30:05"), OffsetTimeOriginal ("+01:00",
     * or null for none), ExposureTime 1/250 s and ISO 200.
     */
    static byte[] withExif(byte[] jpeg, String dateTimeOriginal, String offsetTimeOriginal) {
        byte[] date = ascii(dateTimeOriginal);
        byte[] offset = offsetTimeOriginal == null ? null : ascii(offsetTimeOriginal);
        int entries = offset == null ? 3 : 4;
        int exifIfd = 8 + 2 + 12 + 4;
        int data = exifIfd + 2 + entries * 12 + 4;
        ByteBuffer tiff = ByteBuffer.allocate(data + 8 + date.length + (offset == null ? 0 : offset.length))
                .order(ByteOrder.LITTLE_ENDIAN);
        tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        tiff.putShort((short) 1);
        entry(tiff, 0x8769, 4, 1, exifIfd);
        tiff.putInt(0);
        tiff.putShort((short) entries);
        entry(tiff, 0x829A, 5, 1, data);                        // ExposureTime, RATIONAL at data
        entry(tiff, 0x8827, 3, 1, 200);                         // ISO, SHORT inline
        entry(tiff, 0x9003, 2, date.length, data + 8);           // DateTimeOriginal
        if (offset != null) {
            entry(tiff, 0x9011, 2, offset.length, data + 8 + date.length); // OffsetTimeOriginal
        }
        tiff.putInt(0);
        tiff.putInt(1).putInt(250);
        tiff.put(date);
        if (offset != null) {
            tiff.put(offset);
        }
        byte[] header = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
        int length = 2 + header.length + tiff.capacity();
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + 2 + length).order(ByteOrder.BIG_ENDIAN);
        out.put(jpeg, 0, 2);
        out.put((byte) 0xFF).put((byte) 0xE1).putShort((short) length).put(header).put(tiff.array());
        out.put(jpeg, 2, jpeg.length - 2);
        return out.array();
    }

    /** The first {@code bytes} of {@code jpeg}: what a full card or a killed writer leaves. */
    static byte[] truncated(byte[] jpeg, int bytes) {
        return Arrays.copyOf(jpeg, bytes);
    }

    private static void entry(ByteBuffer tiff, int tag, int type, int count, int value) {
        tiff.putShort((short) tag).putShort((short) type).putInt(count);
        if (type == 3) {
            tiff.putShort((short) value).putShort((short) 0);
        } else {
            tiff.putInt(value);
        }
    }

    private static byte[] ascii(String text) {
        return (text + "\0").getBytes(StandardCharsets.US_ASCII);
    }
}
