package studio.timelapse.camera.capture.synthetic;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/**
 * Burns the scene time into the bottom-left corner, white on a darkened box, as security and timelapse cameras do:
 * the date, time and UTC offset when they fit, the time alone in tiny frames, nothing in frames too small even for
 * that. The text is about a 40th of the frame's height.
 */
final class TimestampOverlay {
    private static final List<DateTimeFormatter> LONGEST_FIRST = List.of(
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss xxx"),
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss"),
            DateTimeFormatter.ofPattern("HH:mm:ss"));
    private static final int ROWS_PER_SCALE = 270;

    private final ZoneId zone;

    TimestampOverlay(ZoneId zone) {
        this.zone = zone;
    }

    /** Draws {@code sceneTime} into {@code pixels} ({@code width} x {@code height}, three bytes each). */
    void draw(Instant sceneTime, byte[] pixels, int width, int height) {
        int scale = Math.max(1, height / ROWS_PER_SCALE);
        int pad = scale;
        int margin = 2 * scale;
        int textHeight = PixelFont.GLYPH_HEIGHT * scale;
        if (textHeight + 2 * pad + margin > height) {
            return;
        }
        for (DateTimeFormatter format : LONGEST_FIRST) {
            String text = format.format(sceneTime.atZone(zone));
            int textWidth = PixelFont.width(text, scale);
            if (textWidth + 2 * pad + margin <= width) {
                int left = Math.min(margin, width - textWidth - 2 * pad);
                int top = height - margin - textHeight - 2 * pad;
                darken(pixels, width, left, top, textWidth + 2 * pad, textHeight + 2 * pad);
                text(pixels, width, text, left + pad, top + pad, scale);
                return;
            }
        }
    }

    /** Halves the brightness of a box, so the text reads on a bright sky and on dark ground alike. */
    private static void darken(byte[] pixels, int width, int left, int top, int boxWidth, int boxHeight) {
        for (int y = top; y < top + boxHeight; y++) {
            for (int i = 3 * (y * width + left); i < 3 * (y * width + left + boxWidth); i++) {
                pixels[i] = (byte) ((pixels[i] & 0xFF) >> 1);
            }
        }
    }

    private static void text(byte[] pixels, int width, String text, int left, int top, int scale) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int glyphLeft = left + i * PixelFont.ADVANCE * scale;
            for (int row = 0; row < PixelFont.GLYPH_HEIGHT; row++) {
                for (int column = 0; column < PixelFont.GLYPH_WIDTH; column++) {
                    if (PixelFont.isSet(c, column, row)) {
                        fill(pixels, width, glyphLeft + column * scale, top + row * scale, scale);
                    }
                }
            }
        }
    }

    private static void fill(byte[] pixels, int width, int left, int top, int size) {
        for (int y = top; y < top + size; y++) {
            Arrays.fill(pixels, 3 * (y * width + left), 3 * (y * width + left + size), (byte) 0xFF);
        }
    }
}
