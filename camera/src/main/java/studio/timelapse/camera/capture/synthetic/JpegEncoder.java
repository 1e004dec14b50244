package studio.timelapse.camera.capture.synthetic;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Encodes frames as baseline JPEG at an explicit quality with one ImageIO writer, reused from frame to frame. The
 * writer is looked up at the first frame: ImageIO's plugin registry and AWT's image classes are a few megabytes an
 * agent that is not capturing does not need.
 */
final class JpegEncoder implements AutoCloseable {
    private ImageWriter writer;

    private ImageWriter writer() {
        if (writer == null) {
            Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
            if (!writers.hasNext()) {
                throw new IllegalStateException("this Java runtime has no JPEG writer (javax.imageio)");
            }
            writer = writers.next();
        }
        return writer;
    }

    /** Writes {@code image} to {@code out} at {@code quality} (1–100); the caller closes {@code out}. */
    void write(BufferedImage image, int quality, OutputStream out) throws IOException {
        ImageWriter writer = writer();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality / 100f);
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.reset();
        }
    }

    @Override
    public void close() {
        if (writer != null) {
            writer.dispose();
        }
    }
}
