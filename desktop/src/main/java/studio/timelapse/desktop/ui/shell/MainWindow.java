package studio.timelapse.desktop.ui.shell;

import studio.timelapse.desktop.ui.common.Css;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.SVGPath;
import javafx.stage.Stage;
import javafx.util.StringConverter;

/**
 * The main window: a sidebar of screens, the current screen, and the theme. Screens are built the first time they
 * are shown and kept, so a screen keeps its scroll position and selection while another one shows.
 */
public final class MainWindow {
    /** Small line icons, one per screen, drawn on a 24×24 grid. */
    private static final Map<Screen, String> ICONS = Map.of(
            Screen.CAMERAS, "M2 7h4l2-3h8l2 3h4v13H2z M12 9.5a4 4 0 1 0 0.01 0z",
            Screen.LIBRARY, "M3 3h8v8H3z M13 3h8v8h-8z M3 13h8v8H3z M13 13h8v8h-8z",
            Screen.RENDER, "M6 4l14 8-14 8z",
            Screen.JOBS, "M3 20h4V11H3z M10 20h4V4h-4z M17 20h4v-6h-4z",
            Screen.LOG, "M3 3h8v4H3z M6 7h2v11h7v2H6z M8 11h7v2H8z M15 9.5h6v5h-6z M15 16.5h6v5h-6z");

    private final MainWindowViewModel viewModel;
    private final Map<Screen, Supplier<Parent>> screenFactories;
    private final Map<Screen, Parent> built = new EnumMap<>(Screen.class);
    private final Map<Screen, ToggleButton> buttons = new EnumMap<>(Screen.class);
    private final StackPane content = new StackPane();
    private final BorderPane root = new BorderPane();

    public MainWindow(MainWindowViewModel viewModel, Map<Screen, Supplier<Parent>> screenFactories) {
        this.viewModel = viewModel;
        this.screenFactories = Map.copyOf(screenFactories);
        root.setId("main-window");
        root.setLeft(sidebar());
        content.setId("screen-content");
        root.setCenter(content);
        viewModel.screenProperty().addListener((observable, before, now) -> show(now));
        show(viewModel.screenProperty().get());
        applyTheme(viewModel.themeProperty().get());
        viewModel.themeProperty().addListener((observable, before, now) -> applyTheme(now));
    }

    public Parent root() {
        return root;
    }

    /** Puts the window on {@code stage}, where it was last time if that place is still on a screen. */
    public Scene showOn(Stage stage) {
        Scene scene = new Scene(root, 1200, 780);
        for (Screen screen : Screen.values()) {
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.getKeyCode(String.valueOf(screen.ordinal() + 1)),
                    KeyCombination.SHORTCUT_DOWN), () -> viewModel.screenProperty().set(screen));
        }
        stage.setTitle("Timelapse Studio");
        stage.setMinWidth(WindowPlacement.MIN_WIDTH);
        stage.setMinHeight(WindowPlacement.MIN_HEIGHT);
        stage.setScene(scene);
        viewModel.initialPlacement().filter(MainWindow::visibleOnSomeScreen).ifPresent(placement -> {
            stage.setX(placement.x());
            stage.setY(placement.y());
            stage.setWidth(placement.width());
            stage.setHeight(placement.height());
            stage.setMaximized(placement.maximized());
        });
        stage.setOnCloseRequest(event -> viewModel.windowClosing(placementOf(stage)));
        stage.show();
        return scene;
    }

    static WindowPlacement placementOf(Stage stage) {
        return new WindowPlacement(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized());
    }

    /** A window saved on a monitor that is gone now would open out of sight: let the system place it instead. */
    private static boolean visibleOnSomeScreen(WindowPlacement placement) {
        Rectangle2D titleBar = new Rectangle2D(placement.x(), placement.y(), Math.min(placement.width(), 200), 40);
        return javafx.stage.Screen.getScreens().stream()
                .anyMatch(screen -> screen.getVisualBounds().intersects(titleBar));
    }

    private Node sidebar() {
        Label title = new Label("Timelapse Studio");
        title.getStyleClass().add(Css.TITLE_4);
        title.setPadding(new Insets(4, 8, 16, 8));
        VBox bar = new VBox(4, title);
        bar.setId("sidebar");
        bar.setPadding(new Insets(16, 10, 12, 10));
        bar.setPrefWidth(200);
        bar.setStyle("-fx-background-color: -color-bg-subtle; -fx-border-color: -color-border-muted;"
                + " -fx-border-width: 0 1 0 0;");
        ToggleGroup group = new ToggleGroup();
        for (Screen screen : viewModel.screens()) {
            ToggleButton button = new ToggleButton(screen.title(), icon(screen));
            button.setId("nav-" + screen.name().toLowerCase(java.util.Locale.ROOT));
            button.setToggleGroup(group);
            button.setMaxWidth(Double.MAX_VALUE);
            button.setAlignment(Pos.CENTER_LEFT);
            button.setGraphicTextGap(10);
            button.getStyleClass().add(Css.FLAT);
            button.setTooltip(new Tooltip(screen.description() + "  (" + shortcut(screen) + ")"));
            button.setOnAction(event -> {
                viewModel.screenProperty().set(screen);
                button.setSelected(true);
            });
            buttons.put(screen, button);
            bar.getChildren().add(button);
        }
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        ComboBox<Theme> themes = new ComboBox<>();
        themes.setId("theme-choice");
        themes.getItems().setAll(viewModel.themes());
        themes.valueProperty().bindBidirectional(viewModel.themeProperty());
        themes.setConverter(new StringConverter<>() {
            @Override
            public String toString(Theme theme) {
                return theme == null ? "" : theme.title();
            }

            @Override
            public Theme fromString(String text) {
                return viewModel.themes().stream().filter(t -> t.title().equals(text)).findFirst().orElse(null);
            }
        });
        themes.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(Theme theme, boolean empty) {
                super.updateItem(theme, empty);
                setText(empty || theme == null ? null : "Theme: " + theme.title());
            }
        });
        themes.setMaxWidth(Double.MAX_VALUE);
        bar.getChildren().addAll(spacer, themes);
        return bar;
    }

    private static String shortcut(Screen screen) {
        String modifier = System.getProperty("os.name", "").startsWith("Mac") ? "⌘" : "Ctrl+";
        return modifier + (screen.ordinal() + 1);
    }

    private static Node icon(Screen screen) {
        SVGPath path = new SVGPath();
        path.setContent(ICONS.get(screen));
        path.getStyleClass().add("nav-icon");
        path.setStyle("-fx-fill: -color-fg-muted;");
        path.setScaleX(0.75);
        path.setScaleY(0.75);
        return new StackPane(path);
    }

    private void show(Screen screen) {
        if (screen == null) {
            return;
        }
        Parent node = built.computeIfAbsent(screen, s -> screenFactories.get(s).get());
        content.getChildren().setAll(node);
        ToggleButton button = buttons.get(screen);
        if (button != null) {
            button.setSelected(true);
        }
    }

    private static void applyTheme(Theme theme) {
        String stylesheet = switch (theme == null ? Theme.LIGHT : theme) {
            case LIGHT -> "primer-light.css";
            case DARK -> "primer-dark.css";
            case NORD_LIGHT -> "nord-light.css";
            case NORD_DARK -> "nord-dark.css";
        };
        java.net.URL css = MainWindow.class.getResource("/atlantafx/base/theme/" + stylesheet);
        if (css != null) {
            Application.setUserAgentStylesheet(css.toExternalForm());
        }
    }
}
