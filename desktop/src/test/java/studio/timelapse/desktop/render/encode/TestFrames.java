package studio.timelapse.desktop.render.encode;

/**
 * Deterministic RGB frames for encoder tests: a smooth diagonal colour gradient, a soft-edged disc that moves a few
 * pixels per frame (so every frame differs from its neighbours, and a frame shown in the wrong place shows), and a
 * gentle ripple for some texture. "Smooth" in the sense of natural footage, not of a flat colour.
 */
final class TestFrames {
    private final int width;
    private final int height;

    TestFrames(int width, int height) {
        this.width = width;
        this.height = height;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** Frame {@code index} as 0xRRGGBB. */
    int[] rgb(long index) {
        int[] pixels = new int[width * height];
        double discX = width * 0.2 + index * 3.0;
        double discY = height * 0.5 + Math.sin(index * 0.3) * height * 0.1;
        double radius = height * 0.18;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double gx = (double) x / width;
                double gy = (double) y / height;
                double ripple = 12 * Math.sin(x * 0.07 + index * 0.2) * Math.cos(y * 0.05);
                double r = 40 + 150 * gx + ripple;
                double g = 60 + 120 * gy + ripple;
                double b = 200 - 140 * (gx + gy) / 2 + ripple;
                double distance = Math.hypot(x - discX, y - discY);
                double inside = Math.max(0, Math.min(1, (radius - distance) / 3));   // a 3-pixel soft edge
                r = r * (1 - inside) + 235 * inside;
                g = g * (1 - inside) + 200 * inside;
                b = b * (1 - inside) + 40 * inside;
                pixels[y * width + x] = clamp(r) << 16 | clamp(g) << 8 | clamp(b);
            }
        }
        return pixels;
    }

    VideoFrame frame(long index) {
        return VideoFrame.ofIntRgb(index, width, height, rgb(index));
    }

    /** Frame {@code index} shown as frame {@code shownAs} of a stream (a segment starts again at 0). */
    VideoFrame frame(long index, long shownAs) {
        return VideoFrame.ofIntRgb(shownAs, width, height, rgb(index));
    }

    /** One flat colour. */
    static VideoFrame flat(long index, int width, int height, int rgb) {
        int[] pixels = new int[width * height];
        java.util.Arrays.fill(pixels, rgb);
        return VideoFrame.ofIntRgb(index, width, height, pixels);
    }

    private static int clamp(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }
}
