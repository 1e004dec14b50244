package studio.timelapse.desktop.render.look;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.util.List;
import java.util.Map;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.refusal.RefusedException;

/**
 * Draws overlays with Java2D straight onto a frame's {@code 0xRRGGBB} pixels: the pixel array is wrapped as an image,
 * not copied. Works headless ({@code -Djava.awt.headless=true}) with the fonts the system has; {@link #checkFonts()}
 * says clearly when it has none.
 */
public final class OverlayPainter {
    private static final DirectColorModel RGB = new DirectColorModel(24, 0xff0000, 0xff00, 0xff);

    private final List<Overlay> overlays;

    public OverlayPainter(List<Overlay> overlays) {
        this.overlays = List.copyOf(overlays);
    }

    public boolean isEmpty() {
        return overlays.isEmpty();
    }

    /** Draws every overlay onto {@code pixels}, a frame of {@code width} x {@code height}. */
    public void paint(int[] pixels, int width, int height, FrameMoment moment) {
        if (overlays.isEmpty()) {
            return;
        }
        WritableRaster raster = Raster.createPackedRaster(new DataBufferInt(pixels, width * height), width, height,
                width, RGB.getMasks(), null);
        BufferedImage image = new BufferedImage(RGB, raster, false, null);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            for (Overlay overlay : overlays) {
                overlay.paint(g, width, height, moment);
            }
        } finally {
            g.dispose();
        }
    }

    /**
     * Draws a line of text off-screen to make sure this system can render text at all, before a render depends on it.
     *
     * @throws RefusedException GUARD {@code render.no_fonts}, with a remedy, if it cannot
     */
    public static void checkFonts() {
        try {
            BufferedImage probe = new BufferedImage(64, 16, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = probe.createGraphics();
            try {
                g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 12));
                g.drawString("2026-06-21", 0, 12);
            } finally {
                g.dispose();
            }
        } catch (RuntimeException | LinkageError | InternalError | java.awt.AWTError e) {
            throw new RefusedException(Refusal.of(Refusal.Kind.GUARD, "render.no_fonts",
                    "Text overlays cannot be drawn: this system has no usable fonts (" + e + ")",
                    "install a TrueType font package (for example fonts-dejavu-core) and fontconfig, or render "
                            + "without text overlays").withDetails(Map.of("field", "overlay")));
        }
    }
}
