package studio.timelapse.desktop.ui.render;

import javafx.util.StringConverter;
import studio.timelapse.desktop.render.look.Corner;

/** A corner of the frame as the Render screen names it: "Bottom right", not the enum's BOTTOM_RIGHT. */
final class CornerLabel extends StringConverter<Corner> {

    static String of(Corner corner) {
        return switch (corner) {
            case TOP_LEFT -> "Top left";
            case TOP_RIGHT -> "Top right";
            case BOTTOM_LEFT -> "Bottom left";
            case BOTTOM_RIGHT -> "Bottom right";
        };
    }

    @Override
    public String toString(Corner corner) {
        return corner == null ? "" : of(corner);
    }

    @Override
    public Corner fromString(String label) {
        for (Corner corner : Corner.values()) {
            if (of(corner).equals(label)) {
                return corner;
            }
        }
        return null;
    }
}
