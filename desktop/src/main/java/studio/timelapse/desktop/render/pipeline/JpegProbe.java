package studio.timelapse.desktop.render.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** A JPEG's size from its header alone, without decoding it: a fraction of a millisecond. */
final class JpegProbe {
    private JpegProbe() {}

    /** {@code {width, height}} of {@code file}. */
    static int[] size(Path file) throws IOException, UndecodableFrameException {
        if (java.nio.file.Files.size(file) == 0) {
            // Said the way the decoders say it, whichever of them meets the file first.
            throw UndecodableFrameException.damaged("the file is empty");
        }
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new IOException("ImageIO cannot open " + file);
            }
            reader.setInput(in, true, true);
            return new int[] {reader.getWidth(0), reader.getHeight(0)};
        } catch (javax.imageio.IIOException e) {
            throw UndecodableFrameException.damaged("not a JPEG (" + e.getMessage() + ")");
        } finally {
            reader.dispose();
        }
    }
}
