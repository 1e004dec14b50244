package studio.timelapse.desktop.ui;

import studio.timelapse.desktop.ui.common.Css;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import studio.timelapse.desktop.ui.shell.Screen;

/** A screen whose core is not in this build yet: says so plainly rather than pretend. */
final class ComingScreen {
    private ComingScreen() {}

    static Parent of(Screen screen) {
        Label title = new Label(screen.title());
        title.getStyleClass().add(Css.TITLE_3);
        Label text = new Label(screen.description() + ": not in this build yet.");
        text.getStyleClass().add(Css.TEXT_MUTED);
        VBox box = new VBox(8, title, text);
        box.setAlignment(Pos.TOP_LEFT);
        box.setPadding(new Insets(16));
        return box;
    }
}
