package studio.timelapse.desktop.ingest;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Real JPEGs for the ingest tests, made with the JDK's encoder in the flavours cameras produce. */
public final class TestJpegs {
    private static final String NATIVE_FORMAT = "javax_imageio_jpeg_image_1.0";

    private TestJpegs() {}

    /** How to encode: chroma subsampling, quality, restart interval, progressive, optimized Huffman tables. */
    public record Flavour(String name, Chroma chroma, int quality, int restartInterval, boolean progressive,
            boolean optimizedTables) {
        public static Flavour baseline420() {
            return new Flavour("baseline 4:2:0", Chroma.YUV420, 90, 0, false, false);
        }

        Flavour named(String newName) {
            return new Flavour(newName, chroma, quality, restartInterval, progressive, optimizedTables);
        }

        Flavour chroma(Chroma newChroma) {
            return new Flavour(name, newChroma, quality, restartInterval, progressive, optimizedTables);
        }

        Flavour quality(int newQuality) {
            return new Flavour(name, chroma, newQuality, restartInterval, progressive, optimizedTables);
        }

        Flavour restartEvery(int mcus) {
            return new Flavour(name, chroma, quality, mcus, progressive, optimizedTables);
        }

        Flavour asProgressive() {
            return new Flavour(name, chroma, quality, restartInterval, true, optimizedTables);
        }

        Flavour withOptimizedTables() {
            return new Flavour(name, chroma, quality, restartInterval, progressive, true);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Luma sampling factors: 4:2:0 is 2×2, 4:2:2 is 2×1, 4:4:4 is 1×1; GREY has one component. */
    public enum Chroma {
        YUV420(2, 2), YUV422(2, 1), YUV444(1, 1), GREY(1, 1);

        final int horizontal;
        final int vertical;

        Chroma(int horizontal, int vertical) {
            this.horizontal = horizontal;
            this.vertical = vertical;
        }
    }

    /**
     * A photo-like picture: a sky gradient, hills, bright and saturated shapes, fine texture and sensor noise, so that
     * blocks carry AC detail and colours reach the edges of the gamut.
     */
    public static BufferedImage photo(int width, int height, long seed, int imageType) {
        BufferedImage image = new BufferedImage(width, height, imageType);
        Random random = new Random(seed);
        double sunX = width * (0.2 + 0.6 * random.nextDouble());
        double sunY = height * (0.1 + 0.2 * random.nextDouble());
        double horizon = height * (0.45 + 0.2 * random.nextDouble());
        double phase = random.nextDouble() * 6;
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double r;
                double g;
                double b;
                double hill = horizon + height * 0.06 * Math.sin(x * 6.0 / width + phase);
                if (y < hill) {
                    double t = y / hill;
                    r = 70 + 120 * t;
                    g = 120 + 90 * t;
                    b = 230 - 40 * t;
                    double d = Math.hypot(x - sunX, y - sunY) / (0.08 * width);
                    if (d < 1) {
                        r = 255;
                        g = 250;
                        b = 235;
                    }
                } else {
                    double texture = 25 * Math.sin(x * 0.31) * Math.cos(y * 0.23) + 15 * Math.sin((x + y) * 0.05);
                    r = 60 + texture;
                    g = 110 + texture;
                    b = 40 + texture * 0.5;
                    if (x > width * 0.6 && x < width * 0.75 && y > hill && y < hill + height * 0.2) {
                        r = 200; // a red house wall, saturated
                        g = 20;
                        b = 25;
                    }
                    if (((x / 7) + (y / 7)) % 2 == 0 && x < width * 0.2 && y > height * 0.8) {
                        r = 250; // a fine checkerboard: hard edges inside blocks
                        g = 250;
                        b = 250;
                    }
                }
                double noise = random.nextGaussian() * 6;
                int red = clamp(r + noise);
                int green = clamp(g + noise);
                int blue = clamp(b + noise);
                row[x] = (red << 16) | (green << 8) | blue;
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        return image;
    }

    public static byte[] photoJpeg(int width, int height, long seed, Flavour flavour) {
        int type = flavour.chroma() == Chroma.GREY ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB;
        return encode(photo(width, height, seed, type), flavour);
    }

    private static int clamp(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }

    public static byte[] encode(BufferedImage image, Flavour flavour) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(flavour.quality() / 100f);
            ((javax.imageio.plugins.jpeg.JPEGImageWriteParam) param).setOptimizeHuffmanTables(
                    flavour.optimizedTables());
            if (flavour.progressive()) {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), param);
            IIOMetadataNode tree = (IIOMetadataNode) metadata.getAsTree(NATIVE_FORMAT);
            NodeList components = tree.getElementsByTagName("componentSpec");
            for (int i = 0; i < components.getLength(); i++) {
                IIOMetadataNode component = (IIOMetadataNode) components.item(i);
                boolean luma = i == 0;
                component.setAttribute("HsamplingFactor", String.valueOf(luma ? flavour.chroma().horizontal : 1));
                component.setAttribute("VsamplingFactor", String.valueOf(luma ? flavour.chroma().vertical : 1));
            }
            if (flavour.restartInterval() > 0) {
                IIOMetadataNode markers = (IIOMetadataNode) tree.getElementsByTagName("markerSequence").item(0);
                IIOMetadataNode restart = new IIOMetadataNode("dri");
                restart.setAttribute("interval", String.valueOf(flavour.restartInterval()));
                Node frame = tree.getElementsByTagName("sof").item(0);
                markers.insertBefore(restart, frame);
            }
            metadata.setFromTree(NATIVE_FORMAT, tree);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(output);
                writer.write(null, new IIOImage(image, null, metadata), param);
            }
            return bytes.toByteArray();
        } catch (IIOInvalidTreeException e) {
            throw new IllegalStateException("the JPEG metadata tree was refused", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }

    /** What a full decode with the JDK's decoder says: mean BT.709 luma and its histogram, pixel by pixel. */
    record FullDecode(int width, int height, double meanLuma, LumaHistogram histogram, BufferedImage image) {}

    static FullDecode fullDecode(byte[] jpeg) {
        BufferedImage image;
        try {
            image = ImageIO.read(new java.io.ByteArrayInputStream(jpeg));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Raster raster = image.getRaster();
        int bands = raster.getNumBands();
        int[] line = new int[raster.getWidth() * bands];
        int[] counts = new int[LumaHistogram.BINS];
        double sum = 0;
        for (int y = 0; y < raster.getHeight(); y++) {
            raster.getPixels(0, y, raster.getWidth(), 1, line);
            for (int x = 0; x < raster.getWidth(); x++) {
                int at = x * bands;
                double luma = bands == 1 ? line[at]
                        : 0.2126 * line[at] + 0.7152 * line[at + 1] + 0.0722 * line[at + 2];
                sum += luma;
                counts[LumaHistogram.binOf(luma)]++;
            }
        }
        return new FullDecode(image.getWidth(), image.getHeight(), sum / ((double) image.getWidth() * image.getHeight()),
                LumaHistogram.of(counts), image);
    }
}
