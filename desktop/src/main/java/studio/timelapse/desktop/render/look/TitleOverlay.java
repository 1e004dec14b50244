package studio.timelapse.desktop.render.look;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.GlyphVector;
import java.awt.geom.Rectangle2D;
import java.time.Duration;
import java.util.Objects;

/**
 * A title over the start of the video, centred: it fades in, stays, and fades out, timed in seconds of the video.
 */
public final class TitleOverlay implements Overlay {
    public static final double TEXT_HEIGHT = 0.08;

    private final String title;
    private final double fadeIn;
    private final double hold;
    private final double fadeOut;

    private TitleOverlay(String title, double fadeIn, double hold, double fadeOut) {
        this.title = title;
        this.fadeIn = fadeIn;
        this.hold = hold;
        this.fadeOut = fadeOut;
    }

    /** {@code title} fading in over a second, held for two, fading out over one. */
    public static TitleOverlay of(String title) {
        return timed(title, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(1));
    }

    public static TitleOverlay timed(String title, Duration fadeIn, Duration hold, Duration fadeOut) {
        Objects.requireNonNull(title, "title");
        if (title.isBlank()) {
            throw new IllegalArgumentException("a title needs some text");
        }
        if (fadeIn.isNegative() || hold.isNegative() || fadeOut.isNegative()) {
            throw new IllegalArgumentException("title timings cannot be negative");
        }
        return new TitleOverlay(title.strip(), seconds(fadeIn), seconds(hold), seconds(fadeOut));
    }

    public String title() {
        return title;
    }

    /** How opaque the title is at {@code seconds} into the video: 0 to 1. */
    public double opacityAt(double seconds) {
        if (seconds < 0) {
            return 0;
        }
        if (seconds < fadeIn) {
            return seconds / fadeIn;
        }
        double fadeOutStart = fadeIn + hold;
        if (seconds < fadeOutStart) {
            return 1;
        }
        if (seconds < fadeOutStart + fadeOut) {
            return 1 - (seconds - fadeOutStart) / fadeOut;
        }
        return 0;
    }

    @Override
    public void paint(Graphics2D g, int width, int height, FrameMoment moment) {
        double opacity = opacityAt(moment.seconds());
        if (opacity <= 0) {
            return;
        }
        Font font = new Font(Font.SANS_SERIF, Font.BOLD, Math.max(10, (int) Math.round(height * TEXT_HEIGHT)));
        GlyphVector glyphs = OutlinedText.layout(g, font, title);
        Rectangle2D box = glyphs.getLogicalBounds();
        double scale = box.getWidth() > width * 0.9 ? width * 0.9 / box.getWidth() : 1;
        if (scale < 1) {
            font = font.deriveFont((float) (font.getSize2D() * scale));
            glyphs = OutlinedText.layout(g, font, title);
            box = glyphs.getLogicalBounds();
        }
        float x = (float) ((width - box.getWidth()) / 2 - box.getX());
        float y = (float) ((height - box.getHeight()) / 2 - box.getY());
        OutlinedText.draw(g, glyphs, x, y, (float) opacity);
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
