package studio.timelapse.camera.capture.synthetic;

import java.awt.image.BufferedImage;
import java.io.FilterOutputStream;
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
        write(image, quality, new byte[0], out);
    }

    /**
     * Writes {@code image} with {@code segment} (a whole marker segment, such as EXIF's APP1) right after the start
     * of image, where cameras put it; the caller closes {@code out}.
     */
    void write(BufferedImage image, int quality, byte[] segment, OutputStream out) throws IOException {
        OutputStream target = segment.length == 0 ? out : new AfterStartOfImage(out, segment);
        ImageWriter writer = writer();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality / 100f);
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(target)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.reset();
        }
    }

    /** Passes bytes through, inserting a segment after the first two (the JPEG's start-of-image marker). */
    private static final class AfterStartOfImage extends FilterOutputStream {
        private static final int START_OF_IMAGE_LENGTH = 2;
        private final byte[] segment;
        private long written;

        AfterStartOfImage(OutputStream out, byte[] segment) {
            super(out);
            this.segment = segment;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            if (++written == START_OF_IMAGE_LENGTH) {
                out.write(segment);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            int head = (int) Math.max(0, Math.min(length, START_OF_IMAGE_LENGTH - written));
            if (head > 0) {
                out.write(bytes, offset, head);
                written += head;
                if (written == START_OF_IMAGE_LENGTH) {
                    out.write(segment);
                }
            }
            out.write(bytes, offset + head, length - head);
            written += length - head;
        }

        @Override
        public void close() {
            // the caller closes the stream underneath
        }
    }

    @Override
    public void close() {
        if (writer != null) {
            writer.dispose();
        }
    }
}
