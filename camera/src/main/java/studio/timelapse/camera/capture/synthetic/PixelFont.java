package studio.timelapse.camera.capture.synthetic;

import java.util.Map;

/**
 * A 5x7 bitmap font for the digits and signs of a timestamp. Our own, not a system font: a headless board may have
 * no fonts installed, and system fonts render differently from machine to machine, which would break reproducible
 * frames.
 */
final class PixelFont {
    static final int GLYPH_WIDTH = 5;
    static final int GLYPH_HEIGHT = 7;
    /** A glyph and the gap after it. */
    static final int ADVANCE = GLYPH_WIDTH + 1;

    private static final Map<Character, String[]> GLYPHS = Map.ofEntries(
            Map.entry('0', new String[] {".###.", "#...#", "#..##", "#.#.#", "##..#", "#...#", ".###."}),
            Map.entry('1', new String[] {"..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###."}),
            Map.entry('2', new String[] {".###.", "#...#", "....#", "...#.", "..#..", ".#...", "#####"}),
            Map.entry('3', new String[] {"#####", "...#.", "..#..", "...#.", "....#", "#...#", ".###."}),
            Map.entry('4', new String[] {"...#.", "..##.", ".#.#.", "#..#.", "#####", "...#.", "...#."}),
            Map.entry('5', new String[] {"#####", "#....", "####.", "....#", "....#", "#...#", ".###."}),
            Map.entry('6', new String[] {"..##.", ".#...", "#....", "####.", "#...#", "#...#", ".###."}),
            Map.entry('7', new String[] {"#####", "....#", "...#.", "..#..", ".#...", ".#...", ".#..."}),
            Map.entry('8', new String[] {".###.", "#...#", "#...#", ".###.", "#...#", "#...#", ".###."}),
            Map.entry('9', new String[] {".###.", "#...#", "#...#", ".####", "....#", "...#.", ".##.."}),
            Map.entry('-', new String[] {".....", ".....", ".....", "#####", ".....", ".....", "....."}),
            Map.entry('+', new String[] {".....", "..#..", "..#..", "#####", "..#..", "..#..", "....."}),
            Map.entry(':', new String[] {".....", ".##..", ".##..", ".....", ".##..", ".##..", "....."}),
            Map.entry(' ', new String[] {".....", ".....", ".....", ".....", ".....", ".....", "....."}));

    private PixelFont() {}

    /** Whether glyph {@code c} has its pixel at ({@code column}, {@code row}) set. */
    static boolean isSet(char c, int column, int row) {
        String[] glyph = GLYPHS.get(c);
        if (glyph == null) {
            throw new IllegalArgumentException("the timestamp font has no glyph for '" + c + "'");
        }
        return glyph[row].charAt(column) == '#';
    }

    /** The width in pixels of {@code text} at {@code scale}, without the gap after its last glyph. */
    static int width(String text, int scale) {
        return text.isEmpty() ? 0 : (text.length() * ADVANCE - 1) * scale;
    }
}
