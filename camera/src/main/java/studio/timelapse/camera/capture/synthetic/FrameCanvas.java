package studio.timelapse.camera.capture.synthetic;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * The image a frame is drawn into, with direct access to its pixels (three bytes each: blue, green, red); kept and
 * reused while the size stays. Byte pixels rather than {@code TYPE_INT_RGB} because ImageIO's JPEG writer encodes
 * them in about 40% less time.
 */
final class FrameCanvas {
    final BufferedImage image;
    final byte[] pixels;
    /** Scratch rows, one per band of rows rendered at once. */
    final RowBuffer[] rows;

    FrameCanvas(int width, int height, int bands) {
        image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        rows = new RowBuffer[bands];
        for (int i = 0; i < bands; i++) {
            rows[i] = new RowBuffer(width);
        }
    }

    boolean fits(int width, int height) {
        return image.getWidth() == width && image.getHeight() == height;
    }
}
