package studio.timelapse.desktop.render.look;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.GlyphVector;
import java.awt.geom.Rectangle2D;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.refusal.RefusedException;

/**
 * The capture date and time of each frame, in a corner, formatted with a {@link DateTimeFormatter} pattern ("yyyy-MM-dd
 * HH:mm"). By default in the time of the place the frame was taken (the offset stored with it), or in a zone given.
 * Text height and margin are fractions of the frame's height. A frame whose capture time is unknown gets no text.
 */
public final class CaptureTimeOverlay implements Overlay {
    public static final double DEFAULT_TEXT_HEIGHT = 0.045;
    public static final double DEFAULT_MARGIN = 0.03;

    private final String pattern;
    private final DateTimeFormatter format;
    private final Optional<ZoneId> zone;
    private final Corner corner;
    private final double textHeight;
    private final double margin;

    private CaptureTimeOverlay(String pattern, DateTimeFormatter format, Optional<ZoneId> zone, Corner corner,
            double textHeight, double margin) {
        this.pattern = pattern;
        this.format = format;
        this.zone = zone;
        this.corner = corner;
        this.textHeight = textHeight;
        this.margin = margin;
    }

    /**
     * The time in {@code pattern} at the bottom right, in each frame's own offset, with English month and day names.
     *
     * @throws RefusedException INVALID if the pattern is not a date-time pattern
     */
    public static CaptureTimeOverlay of(String pattern) {
        Objects.requireNonNull(pattern, "pattern");
        DateTimeFormatter format;
        try {
            format = DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH);
            format.format(OffsetDateTime.parse("2026-06-21T12:34:56+02:00"));
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new RefusedException(Refusal.of(Refusal.Kind.INVALID, "render.overlay_time_pattern",
                    "\"" + pattern + "\" is not a date and time pattern: " + e.getMessage(),
                    "use a java.time pattern such as \"yyyy-MM-dd HH:mm\"").withDetails(Map.of("field", "overlay_time")));
        }
        return new CaptureTimeOverlay(pattern, format, Optional.empty(), Corner.BOTTOM_RIGHT, DEFAULT_TEXT_HEIGHT,
                DEFAULT_MARGIN);
    }

    public CaptureTimeOverlay at(Corner newCorner) {
        return new CaptureTimeOverlay(pattern, format, zone, Objects.requireNonNull(newCorner, "corner"), textHeight,
                margin);
    }

    /** Shows times in {@code newZone} instead of each frame's own offset. */
    public CaptureTimeOverlay inZone(ZoneId newZone) {
        return new CaptureTimeOverlay(pattern, format, Optional.of(newZone), corner, textHeight, margin);
    }

    public CaptureTimeOverlay withLocale(Locale locale) {
        return new CaptureTimeOverlay(pattern, format.withLocale(locale), zone, corner, textHeight, margin);
    }

    /** Text height and margin from the frame's edges, as fractions of the frame's height. */
    public CaptureTimeOverlay sized(double newTextHeight, double newMargin) {
        if (!(newTextHeight > 0 && newTextHeight <= 0.5) || !(newMargin >= 0 && newMargin <= 0.25)) {
            throw new IllegalArgumentException("text height is 0–0.5 and margin 0–0.25 of the frame's height, not "
                    + newTextHeight + " and " + newMargin);
        }
        return new CaptureTimeOverlay(pattern, format, zone, corner, newTextHeight, newMargin);
    }

    public String pattern() {
        return pattern;
    }

    public Corner corner() {
        return corner;
    }

    /** The text for a frame taken at {@code capturedAt}. */
    public String text(OffsetDateTime capturedAt) {
        return zone.isPresent() ? format.format(capturedAt.atZoneSameInstant(zone.get())) : format.format(capturedAt);
    }

    @Override
    public void paint(Graphics2D g, int width, int height, FrameMoment moment) {
        if (moment.capturedAt().isEmpty()) {
            return;
        }
        Font font = new Font(Font.SANS_SERIF, Font.BOLD, Math.max(8, (int) Math.round(height * textHeight)));
        GlyphVector glyphs = OutlinedText.layout(g, font, text(moment.capturedAt().get()));
        // Logical bounds (advances and the font's ascent/descent), not the ink: the text does not jitter as digits change.
        Rectangle2D box = glyphs.getLogicalBounds();
        float inset = (float) (height * margin);
        float x = corner.left() ? inset : (float) (width - inset - box.getWidth());
        float ascent = (float) -box.getY();
        float y = corner.top() ? inset + ascent : (float) (height - inset - (box.getHeight() - ascent));
        OutlinedText.draw(g, glyphs, x, y, 1);
    }
}
