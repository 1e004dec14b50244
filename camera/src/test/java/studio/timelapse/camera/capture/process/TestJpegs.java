package studio.timelapse.camera.capture.process;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Real JPEGs for tests, written with {@code javax.imageio}, optionally with the EXIF a camera would add. */
public final class TestJpegs {
    private TestJpegs() {}

    /** A {@code width}×{@code height} JPEG with a gradient, so that it is not trivially small. */
    public static byte[] jpeg(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        for (int x = 0; x < width; x++) {
            graphics.setColor(new Color(x * 255 / Math.max(1, width - 1), 90, 160));
            graphics.drawLine(x, 0, x, height - 1);
        }
        graphics.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "jpg", bytes)) {
                throw new IllegalStateException("no JPEG writer in this JDK");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static Path write(Path file, int width, int height) {
        return write(file, jpeg(width, height));
    }

    public static Path write(Path file, byte[] bytes) {
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code jpeg} with an EXIF segment after its start-of-image marker holding exposure time
     * {@code shutterNumerator/shutterDenominator} s, ISO {@code iso}, f/{@code fNumberTenths/10} and
     * DateTimeOriginal {@code taken} ("2024:05:01 06:30:00").
     */
    public static byte[] withExif(byte[] jpeg, int shutterNumerator, int shutterDenominator, int iso,
            int fNumberTenths, String taken) {
        ByteBuffer tiff = ByteBuffer.allocate(116); // big-endian by default, as "MM" says
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        // IFD0: one entry, the pointer to the Exif IFD at 26.
        tiff.putShort((short) 1);
        entry(tiff, 0x8769, 4, 1, 26);
        tiff.putInt(0);
        // Exif IFD at 26: four entries; values from 80.
        tiff.putShort((short) 4);
        entry(tiff, 0x829A, 5, 1, 80);            // ExposureTime, RATIONAL
        entry(tiff, 0x829D, 5, 1, 88);            // FNumber, RATIONAL
        entry(tiff, 0x8827, 3, 1, iso << 16);     // ISOSpeedRatings, SHORT, left-justified
        entry(tiff, 0x9003, 2, 20, 96);           // DateTimeOriginal, ASCII
        tiff.putInt(0);
        tiff.putInt(shutterNumerator).putInt(shutterDenominator);
        tiff.putInt(fNumberTenths).putInt(10);
        byte[] text = (taken + "\0").getBytes(StandardCharsets.US_ASCII);
        if (text.length != 20) {
            throw new IllegalArgumentException("DateTimeOriginal is YYYY:MM:DD HH:MM:SS, not " + taken);
        }
        tiff.put(text);

        byte[] header = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
        int segmentLength = 2 + header.length + tiff.capacity();
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + 2 + segmentLength);
        out.put(jpeg, 0, 2);                                                      // SOI
        out.put((byte) 0xFF).put((byte) 0xE1).putShort((short) segmentLength);   // APP1
        out.put(header).put(tiff.array());
        out.put(jpeg, 2, jpeg.length - 2);
        return out.array();
    }

    private static void entry(ByteBuffer tiff, int tag, int type, int count, int value) {
        tiff.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
    }
}
