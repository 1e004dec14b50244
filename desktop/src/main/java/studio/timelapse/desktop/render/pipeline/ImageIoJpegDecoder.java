package studio.timelapse.desktop.render.pipeline;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.w3c.dom.Node;

/**
 * Decodes with the JDK's ImageIO: pure Java plus the JDK's own libjpeg, so it works on every platform, at about twice
 * FFmpeg's cost.
 *
 * <p>For the JPEGs cameras write (JFIF or EXIF, or an Adobe marker saying YCbCr) it reads the raw YCbCr raster and
 * leaves colour conversion to the scaler, at the output size: about 80 ms of CPU instead of 120 for a 12 MP frame.
 * Any other JPEG (RGB, greyscale without those markers, unusual layouts) goes through ImageIO's own conversion into a
 * reused image. A reduced decode uses ImageIO's source subsampling, which keeps the middle pixel of each block
 * instead of averaging the block: fast, somewhat aliased, meant for previews.
 *
 * <p>ImageIO decodes damaged data into grey blocks with a warning; any warning fails the frame here.
 */
final class ImageIoJpegDecoder implements JpegDecoder {
    private static final String NATIVE_FORMAT = "javax_imageio_jpeg_image_1.0";
    private static final int APP1 = 0xE1;

    private final ImageReader reader;
    private final List<String> warnings = new ArrayList<>();
    private BufferedImage reused;

    ImageIoJpegDecoder() {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
        if (!readers.hasNext()) {
            throw new IllegalStateException("this JDK has no ImageIO JPEG reader");
        }
        this.reader = readers.next();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
    }

    @Override
    public String name() {
        return "ImageIO";
    }

    @Override
    public DecodedImage decode(Path file, int reduction) throws IOException, UndecodableFrameException {
        if (Files.size(file) == 0) {
            throw UndecodableFrameException.damaged("the file is empty");
        }
        warnings.clear();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new IOException("ImageIO cannot open " + file);
            }
            reader.setInput(in, true, false);
            ImageReadParam param = reader.getDefaultReadParam();
            int step = Math.max(1, Math.min(8, Integer.highestOneBit(reduction)));
            if (step > 1) {
                // The middle pixel of each step x step block, not its corner: no half-block shift, no bias in the mean.
                param.setSourceSubsampling(step, step, step / 2, step / 2);
            }
            DecodedImage image = isYCbCr(reader.getImageMetadata(0)) ? raw(reader.readRaster(0, param), step)
                    : converted(param, step);
            if (!warnings.isEmpty()) {
                throw UndecodableFrameException.damaged("the JPEG data is damaged: " + String.join("; ", warnings));
            }
            return image;
        } catch (IIOException e) {
            throw UndecodableFrameException.damaged("not a decodable JPEG (" + e.getMessage() + ")");
        } finally {
            reader.setInput(null);
        }
    }

    /** A raw raster the metadata says is Y, Cb, Cr: handed to the scaler as it is. */
    private static DecodedImage raw(Raster raster, int step) throws UndecodableFrameException {
        if (raster.getNumBands() != 3) {
            throw UndecodableFrameException.unsupportedLayout("a YCbCr JPEG with " + raster.getNumBands() + " channels");
        }
        return new DecodedImage(raster.getWidth(), raster.getHeight(), ColourModel.YCBCR_FULL,
                List.of(interleaved(raster, new int[] {0, 1, 2})), step);
    }

    /** ImageIO's own colour conversion, into an image reused while the size and type stay the same. */
    private DecodedImage converted(ImageReadParam param, int step) throws IOException, UndecodableFrameException {
        int offset = step / 2;
        if (reused != null && reused.getWidth() == (reader.getWidth(0) - offset + step - 1) / step
                && reused.getHeight() == (reader.getHeight(0) - offset + step - 1) / step
                && reader.getImageTypes(0).next().getBufferedImageType() == reused.getType()) {
            param.setDestination(reused);
        }
        BufferedImage image = reader.read(0, param);
        reused = image;
        Raster raster = image.getRaster();
        return switch (image.getType()) {
            case BufferedImage.TYPE_3BYTE_BGR -> new DecodedImage(image.getWidth(), image.getHeight(), ColourModel.BGR,
                    List.of(interleaved(raster, new int[] {2, 1, 0})), step);
            case BufferedImage.TYPE_BYTE_GRAY -> new DecodedImage(image.getWidth(), image.getHeight(), ColourModel.GRAY,
                    List.of(interleaved(raster, new int[] {0})), step);
            default -> throw UndecodableFrameException.unsupportedLayout("ImageIO decodes this JPEG as image type "
                    + image.getType() + ", which the scaler does not read");
        };
    }

    /**
     * The raster as one interleaved plane of its bytes in memory order, if its bands sit at the offsets {@code order}
     * within a pixel ({2, 1, 0} for R, G, B stored as B, G, R), which is how ImageIO lays out JPEG rasters.
     */
    private static SamplePlane interleaved(Raster raster, int[] order) throws UndecodableFrameException {
        if (!(raster.getSampleModel() instanceof ComponentSampleModel model)
                || !(raster.getDataBuffer() instanceof DataBufferByte bytes) || bytes.getNumBanks() != 1
                || model.getPixelStride() != order.length || !Arrays.equals(model.getBandOffsets(), order)
                || raster.getSampleModelTranslateX() != 0 || raster.getSampleModelTranslateY() != 0) {
            throw UndecodableFrameException.unsupportedLayout("ImageIO returned an unexpected raster layout: "
                    + raster.getSampleModel());
        }
        return new SamplePlane.InArray(bytes.getData(), bytes.getOffset(), model.getScanlineStride(), raster.getWidth(),
                raster.getHeight(), order.length);
    }

    /**
     * Whether the JDK's reader keeps this JPEG's samples in YCbCr when asked for the raw raster: JFIF and EXIF files
     * are YCbCr by their specifications, and an Adobe marker says so with transform 1. For anything else ImageIO
     * guesses, and we let it convert rather than guess differently.
     */
    static boolean isYCbCr(IIOMetadata metadata) {
        Node root = metadata.getAsTree(NATIVE_FORMAT);
        Node variety = child(root, "JPEGvariety");
        Node markers = child(root, "markerSequence");
        if (markers == null) {
            return false;
        }
        Node sof = child(markers, "sof");
        if (sof == null || count(sof, "componentSpec") != 3) {
            return false;
        }
        Node adobe = child(markers, "app14Adobe");
        if (adobe != null) {
            return "1".equals(((IIOMetadataNode) adobe).getAttribute("transform"));
        }
        if (variety != null && child(variety, "app0JFIF") != null) {
            return true;
        }
        for (Node node = markers.getFirstChild(); node != null; node = node.getNextSibling()) {
            if ("unknown".equals(node.getNodeName())
                    && String.valueOf(APP1).equals(((IIOMetadataNode) node).getAttribute("MarkerTag"))
                    && ((IIOMetadataNode) node).getUserObject() instanceof byte[] data && data.length >= 6
                    && new String(data, 0, 6, StandardCharsets.ISO_8859_1).equals("Exif\0\0")) {
                return true;
            }
        }
        return false;
    }

    private static Node child(Node parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (name.equals(node.getNodeName())) {
                return node;
            }
        }
        return null;
    }

    private static int count(Node parent, String name) {
        int count = 0;
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            count += name.equals(node.getNodeName()) ? 1 : 0;
        }
        return count;
    }

    @Override
    public void close() {
        reader.dispose();
        reused = null;
    }
}
