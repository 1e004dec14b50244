package studio.timelapse.desktop.ui.shell;

/** Where the window was and how big, in screen coordinates, to open it there again. */
public record WindowPlacement(double x, double y, double width, double height, boolean maximized) {
    public static final double MIN_WIDTH = 640;
    public static final double MIN_HEIGHT = 420;

    public WindowPlacement {
        if (!(width > 0) || !(height > 0) || !Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("a window needs a finite position and a positive size: " + x + "," + y
                    + " " + width + "x" + height);
        }
        width = Math.max(width, MIN_WIDTH);
        height = Math.max(height, MIN_HEIGHT);
    }
}
