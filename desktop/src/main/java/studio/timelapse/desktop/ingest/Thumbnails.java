package studio.timelapse.desktop.ingest;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Makes a frame's thumbnail: the camera's own EXIF thumbnail when it is a proper one (a whole JPEG, the image's
 * shape, 160 to 320 px long), otherwise one drawn from the 1/8-scale block image, or for images too small for that,
 * from a subsampled decode. Always upright.
 */
final class Thumbnails {
    /** EXIF's usual thumbnail is 160×120; smaller ones are worse than what the block image gives. */
    static final int SMALLEST_EXIF_SIDE = 160;
    /** How far the embedded thumbnail's aspect ratio may differ from the image's (letterboxed ones differ more). */
    private static final double ASPECT_TOLERANCE = 0.02;
    private static final float QUALITY = 0.85f;

    private Thumbnails() {}

    /** The camera's embedded thumbnail at {@code range}, if it is a good one for an image of that size. */
    static Optional<Thumbnail> fromExif(byte[] data, JpegHeader.Range range, int width, int height,
            Orientation orientation) {
        byte[] jpeg = Arrays.copyOfRange(data, range.offset(), range.offset() + range.length());
        JpegHeader header;
        try {
            header = JpegHeader.read(jpeg, jpeg.length);
        } catch (IngestFailure unreadable) {
            return Optional.empty();
        }
        int longSide = Math.max(header.width(), header.height());
        double aspect = (double) header.width() / header.height();
        double imageAspect = (double) width / height;
        if (longSide < SMALLEST_EXIF_SIDE || longSide > Thumbnail.MAX_SIDE || !endsWithEoi(jpeg)
                || Math.abs(aspect - imageAspect) > ASPECT_TOLERANCE * imageAspect
                || !(header.frameMarker() == JpegSegments.SOF0 || header.frameMarker() == JpegSegments.SOF1
                        || header.frameMarker() == JpegSegments.SOF2)) {
            return Optional.empty();
        }
        if (orientation == Orientation.NORMAL) {
            return Optional.of(new Thumbnail(jpeg, header.width(), header.height(), Thumbnail.Source.EXIF));
        }
        try {
            BufferedImage stored = ImageIoDecoder.decode(jpeg, jpeg.length, 1);
            return Optional.of(draw(stored, 1, header.width(), header.height(), orientation, Thumbnail.Source.EXIF));
        } catch (IngestFailure damaged) {
            return Optional.empty();
        }
    }

    /** A JPEG ends with EOI; cameras may pad the thumbnail's space with zeros after it. */
    private static boolean endsWithEoi(byte[] jpeg) {
        int last = jpeg.length - 1;
        while (last > 0 && jpeg[last] == 0) {
            last--;
        }
        return last > 0 && (jpeg[last - 1] & 0xFF) == 0xFF && (jpeg[last] & 0xFF) == JpegSegments.EOI;
    }

    /** Whether the block image has pixels enough for a full-size thumbnail of its image. */
    static boolean blocksSuffice(BlockImage blocks) {
        return Math.max(blocks.columns(), blocks.rows())
                >= Math.min(Thumbnail.MAX_SIDE, Math.max(blocks.imageWidth(), blocks.imageHeight()));
    }

    static Thumbnail fromBlocks(BlockImage blocks, Orientation orientation) {
        return draw(blocks.toImage(), blocks.cell(), blocks.imageWidth(), blocks.imageHeight(), orientation,
                Thumbnail.Source.DECODED);
    }

    /** For images whose block image is too small: a subsampled decode with at least the thumbnail's pixels. */
    static Thumbnail fromDecode(byte[] data, int length, int width, int height, Orientation orientation)
            throws IngestFailure {
        int step = Math.max(1, Math.max(width, height) / Thumbnail.MAX_SIDE);
        BufferedImage decoded = ImageIoDecoder.decode(data, length, step);
        return draw(decoded, step, width, height, orientation, Thumbnail.Source.DECODED);
    }

    /**
     * Draws {@code source}, where each pixel stands for {@code scale}×{@code scale} pixels of a
     * {@code width}×{@code height} image, as an upright thumbnail.
     */
    private static Thumbnail draw(BufferedImage source, int scale, int width, int height, Orientation orientation,
            Thumbnail.Source kind) {
        double fit = Math.min(1.0, (double) Thumbnail.MAX_SIDE / Math.max(width, height));
        int storedWidth = Math.max(1, (int) Math.round(width * fit));
        int storedHeight = Math.max(1, (int) Math.round(height * fit));
        int uprightWidth = orientation.swapsSides() ? storedHeight : storedWidth;
        int uprightHeight = orientation.swapsSides() ? storedWidth : storedHeight;
        BufferedImage thumbnail = new BufferedImage(uprightWidth, uprightHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = thumbnail.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            AffineTransform transform = orientation.toUpright(storedWidth, storedHeight);
            transform.scale((double) storedWidth / width * scale, (double) storedHeight / height * scale);
            graphics.drawImage(source, transform, null);
        } finally {
            graphics.dispose();
        }
        return new Thumbnail(encode(thumbnail), uprightWidth, uprightHeight, kind);
    }

    private static byte[] encode(BufferedImage image) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        if (!writers.hasNext()) {
            throw new IllegalStateException("this Java runtime has no JPEG writer (javax.imageio)");
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
        try (MemoryCacheImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            writer.setOutput(output);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("encoding a thumbnail in memory", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
