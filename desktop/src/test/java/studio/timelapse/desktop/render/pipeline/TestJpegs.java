package studio.timelapse.desktop.render.pipeline;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.IntBinaryOperator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Real JPEG files for tests, written with ImageIO (JFIF, 4:2:0) from pictures drawn here. */
public final class TestJpegs {
    private TestJpegs() {}

    /** A picture of {@code width} x {@code height} whose pixel at (x, y) is {@code rgb.applyAsInt(x, y)}. */
    public static BufferedImage picture(int width, int height, IntBinaryOperator rgb) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, rgb.applyAsInt(x, y));
            }
        }
        return image;
    }

    public static BufferedImage solid(int width, int height, int rgb) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(rgb));
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    /** Writes {@code image} as a JPEG of quality 0.95. */
    public static Path write(Path file, BufferedImage image) {
        try {
            Files.write(file, bytes(image, 0.95f));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /**
     * The same JPEG as a camera writes it: the JFIF APP0 segment replaced by an EXIF APP1 segment (a minimal TIFF
     * header with no entries).
     */
    public static byte[] asExif(byte[] jfif) {
        if ((jfif[2] & 0xff) != 0xFF || (jfif[3] & 0xff) != 0xE0) {
            throw new IllegalArgumentException("not a JFIF file starting with APP0");
        }
        int app0Length = ((jfif[4] & 0xff) << 8) | (jfif[5] & 0xff);
        byte[] tiff = {'E', 'x', 'i', 'f', 0, 0, 'I', 'I', 42, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        int app1Length = tiff.length + 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jfif, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write(app1Length >> 8);
        out.write(app1Length & 0xff);
        out.write(tiff, 0, tiff.length);
        int rest = 4 + app0Length;
        out.write(jfif, rest, jfif.length - rest);
        return out.toByteArray();
    }

    /**
     * The JPEG with an EXIF APP1 segment in place of its JFIF one, holding DateTimeOriginal ({@code "2026:06:21
     * 05:30:00"}) and, if not null, OffsetTimeOriginal ({@code "+02:00"}): a little-endian TIFF with IFD0 pointing to
     * an EXIF sub-IFD of those two entries.
     */
    public static byte[] withCaptureTime(byte[] jfif, String dateTimeOriginal, String offsetTimeOriginal) {
        java.nio.ByteBuffer tiff = java.nio.ByteBuffer.allocate(200).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        tiff.put(new byte[] {'I', 'I', 42, 0}).putInt(8);
        tiff.putShort((short) 1).putShort((short) 0x8769).putShort((short) 4).putInt(1).putInt(26).putInt(0); // IFD0
        int entries = offsetTimeOriginal == null ? 1 : 2;
        int values = 26 + 2 + 12 * entries + 4;
        tiff.putShort((short) entries);
        tiff.putShort((short) 0x9003).putShort((short) 2).putInt(20).putInt(values);
        if (offsetTimeOriginal != null) {
            tiff.putShort((short) 0x9011).putShort((short) 2).putInt(7).putInt(values + 20);
        }
        tiff.putInt(0);
        tiff.put((dateTimeOriginal + "\0").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        if (offsetTimeOriginal != null) {
            tiff.put((offsetTimeOriginal + "\0").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        byte[] body = java.util.Arrays.copyOf(tiff.array(), tiff.position());
        int app0Length = ((jfif[4] & 0xff) << 8) | (jfif[5] & 0xff);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jfif, 0, 2);
        int length = 2 + 6 + body.length;
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xff);
        out.write(new byte[] {'E', 'x', 'i', 'f', 0, 0}, 0, 6);
        out.write(body, 0, body.length);
        out.write(jfif, 4 + app0Length, jfif.length - 4 - app0Length);
        return out.toByteArray();
    }

    /** The JPEG with its APP0 (JFIF) segment removed and nothing in its place: a file whose colours ImageIO guesses. */
    public static byte[] withoutMarkers(byte[] jfif) {
        int app0Length = ((jfif[4] & 0xff) << 8) | (jfif[5] & 0xff);
        byte[] out = new byte[jfif.length - 2 - app0Length];
        System.arraycopy(jfif, 0, out, 0, 2);
        System.arraycopy(jfif, 4 + app0Length, out, 2, jfif.length - 4 - app0Length);
        return out;
    }

    /** The first {@code fraction} of the file: what a full disk or a cut connection leaves. */
    public static byte[] truncated(byte[] jpeg, double fraction) {
        return Arrays.copyOf(jpeg, (int) (jpeg.length * fraction));
    }

    /** The colour channels of {@code rgb}. */
    public static int[] channels(int rgb) {
        return new int[] {(rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff};
    }
}
