package studio.timelapse.desktop.render;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Folders of real JPEG frames whose brightness tells which frame is which once encoded and decoded again. */
final class TestFolders {
    private TestFolders() {}

    /** Brightness of frame {@code i}: distinct for each frame, rising, inside what limited-range video keeps. */
    static int level(int i) {
        return 40 + 3 * i;
    }

    /** {@code count} frames of {@code width}x{@code height}: a textured picture at {@link #level} brightness. */
    static Path frames(Path folder, int count, int width, int height) throws IOException {
        Files.createDirectories(folder);
        for (int i = 0; i < count; i++) {
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            int base = level(i);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int texture = ((x / 8 + y / 8) % 2 == 0) ? 6 : -6; // something for the encoder to code
                    int grey = Math.max(0, Math.min(255, base + texture));
                    image.setRGB(x, y, grey << 16 | grey << 8 | grey);
                }
            }
            ImageIO.write(image, "jpg", folder.resolve(String.format("frame-%04d.jpg", i)).toFile());
        }
        return folder;
    }
}
