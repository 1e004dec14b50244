package studio.timelapse.desktop.ui.common;

import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** A dialog shown as a card over its screen, which stays in view dimmed behind it: pairing, settings, definitions. */
public final class Sheet {
    private static final String ID = "sheet";

    private Sheet() {}

    /** An empty card, at most {@code width} wide, to fill. */
    public static VBox card(double width) {
        VBox card = new VBox(12);
        card.setPadding(new Insets(20));
        card.setMaxWidth(width);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        card.setStyle("-fx-background-color: -color-bg-default; -fx-background-radius: 8;"
                + " -fx-border-color: -color-border-default; -fx-border-radius: 8;");
        return card;
    }

    /** Shows {@code content} over {@code screen} (whose last child it becomes), or takes the shown sheet away. */
    public static void show(StackPane screen, Optional<Node> content) {
        screen.getChildren().removeIf(node -> ID.equals(node.getId()));
        content.ifPresent(node -> {
            StackPane scrim = new StackPane(node);
            scrim.setId(ID);
            scrim.setStyle("-fx-background-color: rgba(0,0,0,0.35);");
            StackPane.setAlignment(node, Pos.CENTER);
            screen.getChildren().add(scrim);
        });
    }
}
