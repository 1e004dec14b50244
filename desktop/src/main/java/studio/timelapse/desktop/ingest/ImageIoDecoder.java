package studio.timelapse.desktop.ingest;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import studio.timelapse.desktop.ingest.IngestFailure.Kind;

/**
 * Decodes a JPEG with the JDK's decoder (ImageIO), skipping pixels by source subsampling, for what the DC decoder
 * does not read (progressive JPEGs) and for small images' thumbnails. The JDK decoder reports damage as warnings and
 * goes on with grey; here a warning is a failure, as it is in the DC decoder.
 */
final class ImageIoDecoder {
    /** The most pixels a subsampled decode keeps: bounds the memory of one analysis. */
    private static final long MAX_DECODED_PIXELS = 3_000_000;

    private ImageIoDecoder() {}

    /** The image as 8×8 block means, like {@link DcDecoder} gives them. */
    static BlockImage blocks(byte[] data, int length, JpegHeader header) throws IngestFailure {
        int step = 1;
        while (step < 8 && (long) (header.width() / step) * (header.height() / step) > MAX_DECODED_PIXELS) {
            step++;
        }
        Raster raster = decode(data, length, step).getRaster();
        int cell = 8;
        int columns = (header.width() + cell - 1) / cell;
        int rows = (header.height() + cell - 1) / cell;
        if (raster.getWidth() != (header.width() + step - 1) / step
                || raster.getHeight() != (header.height() + step - 1) / step) {
            throw new IngestFailure(Kind.CORRUPT, "the decoded image is " + raster.getWidth() + "x"
                    + raster.getHeight() + ", not the " + header.width() + "x" + header.height() + " its header says");
        }
        int bands = raster.getNumBands();
        if (bands != 1 && bands != 3) {
            throw new IngestFailure(Kind.UNSUPPORTED, "a JPEG decoded to " + bands + " colour channels");
        }
        double[] sums = new double[columns * rows * 3];
        int[] counts = new int[columns * rows];
        int[] line = new int[raster.getWidth() * bands];
        for (int y = 0; y < raster.getHeight(); y++) {
            raster.getPixels(0, y, raster.getWidth(), 1, line);
            int rowBase = (y * step / cell) * columns;
            for (int x = 0; x < raster.getWidth(); x++) {
                int block = rowBase + x * step / cell;
                int at = x * bands;
                int red = line[at];
                sums[3 * block] += red;
                sums[3 * block + 1] += bands == 3 ? line[at + 1] : red;
                sums[3 * block + 2] += bands == 3 ? line[at + 2] : red;
                counts[block]++;
            }
        }
        int[] rgb = new int[columns * rows];
        float[] luma = new float[rgb.length];
        for (int block = 0; block < rgb.length; block++) {
            float red = (float) (sums[3 * block] / counts[block]);
            float green = (float) (sums[3 * block + 1] / counts[block]);
            float blue = (float) (sums[3 * block + 2] / counts[block]);
            luma[block] = BlockImage.luma(red, green, blue);
            rgb[block] = (Math.round(red) << 16) | (Math.round(green) << 8) | Math.round(blue);
        }
        return new BlockImage(header.width(), header.height(), cell, columns, rows, rgb, luma);
    }

    /** Decodes every {@code step}-th pixel of every {@code step}-th row. */
    static BufferedImage decode(byte[] data, int length, int step) throws IngestFailure {
        List<String> warnings = new ArrayList<>();
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(data, 0, length))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw new IngestFailure(Kind.NOT_JPEG, "no image decoder recognises the file");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                reader.addIIOReadWarningListener(collectInto(warnings));
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage image = reader.read(0, param);
                if (!warnings.isEmpty()) {
                    String warning = String.join("; ", warnings);
                    throw new IngestFailure(warning.toLowerCase(java.util.Locale.ROOT).contains("premature end")
                            ? Kind.TRUNCATED : Kind.CORRUPT, "the JPEG decoder reports: " + warning);
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IIOException e) {
            String message = String.valueOf(e.getMessage());
            throw new IngestFailure(message.contains("Unsupported") ? Kind.UNSUPPORTED : Kind.CORRUPT,
                    "the JPEG decoder reports: " + message, e);
        } catch (IOException e) {
            throw new IngestFailure(Kind.CORRUPT, "the JPEG decoder reports: " + e.getMessage(), e);
        } catch (RuntimeException e) { // the JDK decoder throws assorted runtime exceptions on damaged files
            throw new IngestFailure(Kind.CORRUPT, "the JPEG decoder failed: " + e, e);
        }
    }

    private static IIOReadWarningListener collectInto(List<String> warnings) {
        return (source, warning) -> warnings.add(warning);
    }
}
