package studio.timelapse.desktop.ui.common;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.util.Duration;

/** What every screen has: a heading with a live one-line summary, and a refresh that runs while it is on display. */
public final class ScreenParts {
    private ScreenParts() {}

    /** The screen's title, followed by a muted summary that follows {@code summary}. */
    public static HBox heading(String title, ObservableValue<String> summary) {
        Label name = new Label(title);
        name.getStyleClass().add(Css.TITLE_3);
        Label line = new Label();
        line.getStyleClass().add(Css.TEXT_MUTED);
        line.textProperty().bind(summary);
        HBox heading = new HBox(12, name, line);
        heading.setAlignment(Pos.BASELINE_LEFT);
        return heading;
    }

    /**
     * Runs {@code tick} every {@code period} while {@code screen} is in a scene — the main window keeps only the shown
     * screen in its scene — and once each time it comes into view.
     */
    public static void whileShown(Node screen, Duration period, Runnable tick) {
        Timeline ticker = new Timeline(new KeyFrame(period, event -> tick.run()));
        ticker.setCycleCount(Animation.INDEFINITE);
        screen.sceneProperty().addListener((observable, before, now) -> {
            if (now == null) {
                ticker.stop();
            } else {
                tick.run();
                ticker.play();
            }
        });
    }
}
