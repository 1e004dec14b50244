package studio.timelapse.desktop.ui.common;

import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * A problem as every screen shows it: what failed, the reasons with their remedies, a "why?" link to the task's tree
 * and a button to dismiss it. Hidden while there is no problem.
 */
public final class ProblemBanner {
    private final HBox banner = new HBox(12);
    private final Label title = new Label();
    private final Label reasons = new Label();
    private final Hyperlink why = new Hyperlink("why?");

    public ProblemBanner(ObservableValue<Optional<Problem>> problem, Consumer<Problem> explain, Runnable dismiss) {
        banner.setId("problem-banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.setPadding(new Insets(8, 12, 8, 12));
        banner.setStyle("-fx-background-color: -color-danger-subtle; -fx-border-color: -color-danger-muted;"
                + " -fx-border-radius: 6; -fx-background-radius: 6;");
        title.getStyleClass().addAll(Css.TEXT_BOLD, Css.DANGER);
        title.setId("problem-title");
        reasons.setWrapText(true);
        reasons.setId("problem-reasons");
        why.setId("problem-why");
        Button close = new Button("Dismiss");
        close.setId("problem-dismiss");
        close.getStyleClass().addAll(Css.FLAT, Css.SMALL);
        close.setOnAction(event -> dismiss.run());
        VBox text = new VBox(2, title, reasons);
        HBox.setHgrow(text, Priority.ALWAYS);
        banner.getChildren().addAll(text, why, close);
        show(problem.getValue(), explain);
        problem.addListener((observable, before, now) -> show(now, explain));
    }

    public HBox node() {
        return banner;
    }

    private void show(Optional<Problem> shown, Consumer<Problem> explain) {
        banner.setVisible(shown.isPresent());
        banner.setManaged(shown.isPresent());
        shown.ifPresent(p -> {
            title.setText(p.summary());
            reasons.setText(String.join("\n", p.reasons()));
            why.setVisible(p.taskUuid().isPresent());
            why.setManaged(p.taskUuid().isPresent());
            why.setOnAction(event -> explain.accept(p));
        });
    }
}
