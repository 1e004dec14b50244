package studio.timelapse.camera.capture.synthetic;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import javax.imageio.ImageIO;
import studio.timelapse.camera.capture.CaptureRequest;
import studio.timelapse.shared.protocol.FrameSettings;

/** Requests for the synthetic camera, and measurements of the frames it writes, read back as any viewer would. */
final class Frames {
    /** A deadline no test reaches, for captures that are not about deadlines. */
    static final Instant NO_DEADLINE = Instant.parse("3000-01-01T00:00:00Z");

    private Frames() {}

    /** A frame on midsummer's day 2026 at {@code time} UTC ("12:00"), with no deadline to speak of. */
    static CaptureRequest at(String time, FrameSettings settings) {
        return new CaptureRequest(settings, midsummer(time), NO_DEADLINE);
    }

    static Instant midsummer(String time) {
        return Instant.parse("2026-06-21T" + (time.length() == 5 ? time + ":00" : time) + "Z");
    }

    static FrameSettings auto(int width, int height) {
        return FrameSettings.automatic().withSize(width, height);
    }

    /** Locked exposure: a fixed shutter time at gain 1. */
    static FrameSettings locked(int width, int height, double shutterSeconds) {
        return auto(width, height).withExposure(shutterSeconds, 1);
    }

    static FrameSettings quality(FrameSettings settings, int quality) {
        return new FrameSettings(settings.width(), settings.height(), quality, settings.shutterSeconds(),
                settings.gain(), settings.whiteBalanceKelvin(), settings.hdr());
    }

    static FrameSettings whiteBalance(FrameSettings settings, int kelvin) {
        return new FrameSettings(settings.width(), settings.height(), settings.jpegQuality(), settings.shutterSeconds(),
                settings.gain(), Optional.of(kelvin), settings.hdr());
    }

    static FrameSettings hdr(FrameSettings settings) {
        return new FrameSettings(settings.width(), settings.height(), settings.jpegQuality(), settings.shutterSeconds(),
                settings.gain(), settings.whiteBalanceKelvin(), true);
    }

    static BufferedImage read(Path jpeg) {
        try {
            BufferedImage image = ImageIO.read(jpeg.toFile());
            if (image == null) {
                throw new IllegalStateException(jpeg + " is not an image ImageIO can read");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double meanLuma(BufferedImage image) {
        return meanLuma(image, new Rectangle(0, 0, image.getWidth(), image.getHeight()));
    }

    /** Mean Rec. 601 luma, 0–255, of a region. */
    static double meanLuma(BufferedImage image, Rectangle region) {
        double sum = 0;
        for (int y = region.y; y < region.y + region.height; y++) {
            for (int x = region.x; x < region.x + region.width; x++) {
                sum += luma(image.getRGB(x, y));
            }
        }
        return sum / ((double) region.width * region.height);
    }

    /** Mean of one channel (16 red, 8 green, 0 blue: the bit shift) over a region. */
    static double meanChannel(BufferedImage image, Rectangle region, int shift) {
        double sum = 0;
        for (int y = region.y; y < region.y + region.height; y++) {
            for (int x = region.x; x < region.x + region.width; x++) {
                sum += (image.getRGB(x, y) >> shift) & 0xFF;
            }
        }
        return sum / ((double) region.width * region.height);
    }

    static double luma(int rgb) {
        return 0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF);
    }

    /** Mean absolute difference in luma between two frames over a region. */
    static double meanDifference(BufferedImage a, BufferedImage b, Rectangle region) {
        double sum = 0;
        for (int y = region.y; y < region.y + region.height; y++) {
            for (int x = region.x; x < region.x + region.width; x++) {
                sum += Math.abs(luma(a.getRGB(x, y)) - luma(b.getRGB(x, y)));
            }
        }
        return sum / ((double) region.width * region.height);
    }
}
