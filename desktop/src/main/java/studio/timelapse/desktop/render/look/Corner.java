package studio.timelapse.desktop.render.look;

/** Where on the frame an overlay sits. */
public enum Corner {
    TOP_LEFT, TOP_RIGHT, BOTTOM_LEFT, BOTTOM_RIGHT;

    boolean left() {
        return this == TOP_LEFT || this == BOTTOM_LEFT;
    }

    boolean top() {
        return this == TOP_LEFT || this == TOP_RIGHT;
    }
}
