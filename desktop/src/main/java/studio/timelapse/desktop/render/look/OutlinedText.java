package studio.timelapse.desktop.render.look;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.font.GlyphVector;
import java.awt.geom.Rectangle2D;

/**
 * Text that stays legible on any background: white glyphs inside a dark outline and a soft drop shadow, drawn from the
 * glyphs' outlines so that the outline hugs each letter. Sizes follow the frame, so a 4K render looks like a 720p one.
 */
final class OutlinedText {
    private static final Color FILL = Color.WHITE;
    private static final Color OUTLINE = new Color(0, 0, 0, 200);
    private static final Color SHADOW = new Color(0, 0, 0, 110);

    private OutlinedText() {}

    /** The text's outline at the origin's baseline, for measuring and placing. */
    static GlyphVector layout(Graphics2D g, Font font, String text) {
        return font.createGlyphVector(g.getFontRenderContext(), text);
    }

    /** Draws {@code glyphs} with their baseline starting at {@code (x, y)}, at {@code opacity} (0–1). */
    static void draw(Graphics2D g, GlyphVector glyphs, float x, float y, float opacity) {
        if (opacity <= 0) {
            return;
        }
        float size = glyphs.getFont().getSize2D();
        float outline = Math.max(1.5f, size * 0.12f);
        float shadowOffset = Math.max(1f, size * 0.06f);
        var previous = g.getComposite();
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, Math.min(1, opacity)));
        Shape shadow = glyphs.getOutline(x + shadowOffset, y + shadowOffset);
        g.setStroke(new BasicStroke(outline * 1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(SHADOW);
        g.draw(shadow);
        Shape shape = glyphs.getOutline(x, y);
        g.setStroke(new BasicStroke(outline, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(OUTLINE);
        g.draw(shape);
        g.setColor(FILL);
        g.fill(shape);
        g.setComposite(previous);
    }

    /** The visual bounds of {@code glyphs} relative to the baseline origin. */
    static Rectangle2D bounds(GlyphVector glyphs) {
        return glyphs.getVisualBounds();
    }
}
