package studio.timelapse.desktop.ui;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import studio.timelapse.desktop.library.Cameras;
import studio.timelapse.desktop.library.FrameFiles;
import studio.timelapse.desktop.library.Frames;
import studio.timelapse.desktop.library.Library;
import studio.timelapse.desktop.library.NewCameraFrame;
import studio.timelapse.shared.protocol.FrameId;

/**
 * Real JPEG frames of a camera stored in a library as a sync stores them: a day going by, dark at night and bright at
 * noon, so ingest measures a luminance curve with day and night in it.
 */
public final class TestFrames {
    private TestFrames() {}

    /**
     * Adds the camera (if new) and {@code count} frames {@code step} apart from {@code start}; the sky's brightness
     * follows the sun over one day from the first frame to the last.
     *
     * @return the frames' ids, in capture order
     */
    public static List<Long> day(Library library, String cameraId, int count, Instant start, Duration step)
            throws IOException {
        return day(library, cameraId, count, start, step, 0);
    }

    /** As {@link #day}, every other frame {@code flicker} (a fraction) brighter, as auto exposure flickers. */
    public static List<Long> day(Library library, String cameraId, int count, Instant start, Duration step,
            double flicker) throws IOException {
        Cameras.of(library).find(cameraId).orElseGet(() -> Cameras.of(library).add(cameraId, cameraId, "127.0.0.1",
                8443));
        FrameFiles files = library.files();
        Frames frames = Frames.of(library);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant at = start.plus(step.multipliedBy(i));
            double sun = Math.sin(Math.PI * i / Math.max(1, count - 1));
            double brightness = (10 + 200 * sun) * (i % 2 == 1 ? 1 + flicker : 1);
            byte[] jpeg = jpeg(160, 90, (int) Math.round(brightness), i);
            FrameId id = new FrameId("e1", i + 1);
            String path = files.pathFor(cameraId, at, 0, "frame-" + (i + 1) + ".jpg");
            FrameFiles.Written written = files.writeAtomically(path, jpeg);
            ids.add(frames.insertCameraFrame(cameraId, new NewCameraFrame(id, at, 0, written.sha256(), written.size(),
                    160, 90, path)).frameId());
        }
        return ids;
    }

    /** A small picture of a grey sky over a darker ground, with noise so it compresses like a photo. */
    public static byte[] jpeg(int width, int height, int brightness, long seed) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        int sky = Math.max(0, Math.min(255, brightness));
        g.setColor(new Color(sky, sky, Math.min(255, sky + 20)));
        g.fillRect(0, 0, width, height * 2 / 3);
        g.setColor(new Color(sky / 3, sky / 2, sky / 4));
        g.fillRect(0, height * 2 / 3, width, height);
        g.dispose();
        Random noise = new Random(seed);
        for (int n = 0; n < width * height / 8; n++) {
            int x = noise.nextInt(width);
            int y = noise.nextInt(height);
            int rgb = image.getRGB(x, y);
            int d = noise.nextInt(17) - 8;
            int r = Math.max(0, Math.min(255, ((rgb >> 16) & 0xff) + d));
            int gr = Math.max(0, Math.min(255, ((rgb >> 8) & 0xff) + d));
            int b = Math.max(0, Math.min(255, (rgb & 0xff) + d));
            image.setRGB(x, y, (r << 16) | (gr << 8) | b);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }
}
