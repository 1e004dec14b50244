package studio.timelapse.desktop.ui.render;

import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.util.Duration;
import javafx.util.StringConverter;
import studio.timelapse.desktop.render.look.Corner;
import studio.timelapse.desktop.render.look.Region;
import studio.timelapse.desktop.render.look.Viewport;
import studio.timelapse.desktop.ui.common.Css;
import studio.timelapse.desktop.ui.common.FrameImage;
import studio.timelapse.desktop.ui.common.Images;
import studio.timelapse.desktop.ui.common.ProblemBanner;
import studio.timelapse.desktop.ui.common.ScreenParts;
import studio.timelapse.desktop.ui.library.SequenceItem;

/**
 * The Render screen: the settings on the left (with deflicker's before and after curves), the crop/pan/zoom keyframe
 * editor on the frame at the right, and the finished renders below it.
 */
public final class RenderView {
    private final RenderViewModel viewModel;
    private final BorderPane root = new BorderPane();

    public RenderView(RenderViewModel viewModel) {
        this.viewModel = viewModel;
        root.setId("render-screen");
        root.setPadding(new Insets(16));
        ProblemBanner problem = new ProblemBanner(viewModel.problemProperty(), viewModel::explain,
                viewModel::dismissProblem);
        VBox top = new VBox(10, ScreenParts.heading("Render", viewModel.activeTextProperty()), problem.node());
        top.setPadding(new Insets(0, 0, 10, 0));
        root.setTop(top);
        SplitPane right = new SplitPane(keyframeEditor(), rendersTable());
        right.setOrientation(javafx.geometry.Orientation.VERTICAL);
        right.setDividerPositions(0.6);
        ScrollPane left = new ScrollPane(settings());
        left.setFitToWidth(true);
        left.setMinWidth(440);
        SplitPane split = new SplitPane(left, right);
        split.setDividerPositions(0.44);
        root.setCenter(split);
        ScreenParts.whileShown(root, Duration.seconds(1), viewModel::followActive);
        root.sceneProperty().addListener((o, b, scene) -> {
            if (scene != null) {
                viewModel.refresh();
            }
        });
    }

    public Parent root() {
        return root;
    }

    // ---------------------------------------------------------------- settings

    private Node settings() {
        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(8);
        int[] row = {0};
        ComboBox<SequenceItem> sequence = new ComboBox<>(viewModel.sequences());
        sequence.setId("render-sequence");
        sequence.valueProperty().bindBidirectional(viewModel.sequenceProperty());
        sequence.setConverter(new StringConverter<>() {
            @Override
            public String toString(SequenceItem item) {
                return item == null ? "" : item.name();
            }

            @Override
            public SequenceItem fromString(String text) {
                return null;
            }
        });
        sequence.setMaxWidth(Double.MAX_VALUE);
        line(form, row, "Sequence", sequence);
        ComboBox<RenderPreset> preset = new ComboBox<>();
        preset.setId("render-preset");
        preset.getItems().setAll(viewModel.presets());
        preset.valueProperty().bindBidirectional(viewModel.presetProperty());
        preset.setMaxWidth(Double.MAX_VALUE);
        line(form, row, "Preset", preset);
        ComboBox<String> size = new ComboBox<>();
        size.setId("render-size");
        size.getItems().setAll(viewModel.sizes());
        size.valueProperty().bindBidirectional(viewModel.sizeProperty());
        CheckBox crop = new CheckBox("crop to fill");
        crop.selectedProperty().bindBidirectional(viewModel.cropProperty());
        line(form, row, "Size", new HBox(8, size, crop));
        TextField fps = new TextField();
        fps.setId("render-fps");
        fps.setPrefColumnCount(5);
        fps.textProperty().bindBidirectional(viewModel.fpsProperty());
        line(form, row, "Frames per second", fps);
        Slider quality = new Slider(0, 100, 70);
        quality.setId("render-quality");
        quality.setShowTickLabels(true);
        quality.setMajorTickUnit(25);
        quality.valueProperty().bindBidirectional(viewModel.qualityProperty());
        line(form, row, "Quality", quality);
        ComboBox<String> encoder = new ComboBox<>();
        encoder.getItems().setAll(viewModel.encoders());
        encoder.valueProperty().bindBidirectional(viewModel.encoderProperty());
        line(form, row, "Encoder", encoder);
        line(form, row, "Every Nth frame", spinner("render-every", 1, 1000, viewModel.everyProperty()));
        CheckBox deflicker = new CheckBox("Deflicker, over a window of");
        deflicker.setId("render-deflicker");
        deflicker.selectedProperty().bindBidirectional(viewModel.deflickerProperty());
        Spinner<Integer> window = spinner("render-deflicker-window", 3, 301, viewModel.deflickerWindowProperty());
        window.disableProperty().bind(viewModel.deflickerProperty().not());
        line(form, row, "", new HBox(8, deflicker, window, new Label("frames")));
        line(form, row, "", curves());
        line(form, row, "Motion blur", new HBox(8, spinner("render-blend", 1, 30, viewModel.blendProperty()),
                new Label("frames blended")));
        CheckBox showTime = new CheckBox("Capture time");
        showTime.setId("render-show-time");
        showTime.selectedProperty().bindBidirectional(viewModel.showTimeProperty());
        TextField format = new TextField();
        format.setPrefColumnCount(12);
        format.textProperty().bindBidirectional(viewModel.timeFormatProperty());
        format.disableProperty().bind(viewModel.showTimeProperty().not());
        ComboBox<Corner> corner = new ComboBox<>();
        corner.setId("render-time-corner");
        corner.getItems().setAll(Corner.values());
        corner.setConverter(new CornerLabel());
        corner.valueProperty().bindBidirectional(viewModel.timeCornerProperty());
        corner.disableProperty().bind(viewModel.showTimeProperty().not());
        line(form, row, "Overlay", new VBox(6, showTime, new HBox(8, format, corner)));
        TextField title = new TextField();
        title.setId("render-title");
        title.setPromptText("a title at the start (optional)");
        title.textProperty().bindBidirectional(viewModel.titleProperty());
        line(form, row, "Title", title);

        Button preview = new Button("Preview");
        preview.setId("render-preview");
        Button render = new Button("Render");
        render.setId("render-start");
        render.getStyleClass().add(Css.ACCENT);
        Button cancel = new Button("Cancel");
        cancel.setId("render-cancel");
        cancel.getStyleClass().addAll(Css.DANGER, Css.BUTTON_OUTLINED);
        var busy = Bindings.createBooleanBinding(() -> viewModel.activeJobProperty().get().isPresent(),
                viewModel.activeJobProperty());
        preview.disableProperty().bind(busy);
        render.disableProperty().bind(busy);
        cancel.disableProperty().bind(busy.not());
        preview.setOnAction(event -> viewModel.preview());
        render.setOnAction(event -> viewModel.render());
        cancel.setOnAction(event -> viewModel.cancelActive());
        Label hint = new Label("A preview renders at most 240 frames at 480p and opens in your video player.");
        hint.setWrapText(true);
        hint.getStyleClass().addAll(Css.TEXT_SMALL, Css.TEXT_MUTED);
        VBox box = new VBox(12, form, new HBox(8, preview, render, cancel), hint);
        box.setPadding(new Insets(0, 12, 0, 0));
        return box;
    }

    private static Spinner<Integer> spinner(String id, int min, int max, javafx.beans.property.IntegerProperty value) {
        Spinner<Integer> spinner = new Spinner<>(min, max, Math.max(min, value.get()));
        spinner.setId(id);
        spinner.setEditable(true);
        spinner.setPrefWidth(90);
        spinner.getValueFactory().valueProperty().addListener((o, b, n) -> value.set(n == null ? min : n));
        value.addListener((o, b, n) -> spinner.getValueFactory().setValue(n.intValue()));
        return spinner;
    }

    private static void line(GridPane form, int[] row, String label, Node input) {
        Label name = new Label(label);
        name.setMinWidth(Label.USE_PREF_SIZE);
        form.add(name, 0, row[0]);
        form.add(input, 1, row[0]);
        GridPane.setHgrow(input, Priority.ALWAYS);
        row[0]++;
    }

    /** Before (grey) and after (accent) brightness per frame, with how much each flickers. */
    private Node curves() {
        Canvas canvas = new Canvas(340, 90);
        canvas.setId("deflicker-curves");
        Label text = new Label();
        text.setId("deflicker-text");
        text.getStyleClass().addAll(Css.TEXT_SMALL, Css.TEXT_MUTED);
        text.setWrapText(true);
        text.setMaxWidth(340);
        Runnable draw = () -> {
            GraphicsContext g = canvas.getGraphicsContext2D();
            g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
            Optional<DeflickerCurves> curves = viewModel.curvesProperty().get();
            if (curves.isEmpty()) {
                text.setText(viewModel.deflickerProperty().get()
                        ? "The curves show once the frames' brightness is measured (ingest)." : "Deflicker is off.");
                return;
            }
            DeflickerCurves c = curves.get();
            plot(g, c.before(), Color.web("#8c959f"), canvas.getWidth(), canvas.getHeight());
            plot(g, c.after(), Color.web("#2f81f7"), canvas.getWidth(), canvas.getHeight());
            text.setText(String.format(java.util.Locale.ROOT, "Brightness before (grey) and after (blue). Mean step"
                    + " from frame to frame: %.2f → %.2f%s", c.stepBefore(), c.stepAfter(), c.unmeasured() > 0
                            ? "; " + c.unmeasured() + " frames not measured yet" : ""));
        };
        viewModel.curvesProperty().addListener((o, b, n) -> draw.run());
        viewModel.deflickerProperty().addListener((o, b, n) -> draw.run());
        draw.run();
        StackPane frame = new StackPane(canvas);
        frame.setStyle("-fx-background-color: -color-bg-inset;");
        return new VBox(4, frame, text);
    }

    private static void plot(GraphicsContext g, double[] values, Color colour, double width, double height) {
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (min > max) {
            return;
        }
        double span = Math.max(1, max - min);
        g.setStroke(colour);
        g.setLineWidth(1.2);
        int columns = (int) width;
        double previous = Double.NaN;
        for (int x = 0; x < columns; x++) {
            int i = (int) ((long) x * values.length / columns);
            double v = values[Math.min(values.length - 1, i)];
            double y = Double.isNaN(v) ? Double.NaN : height - 4 - (v - min) / span * (height - 8);
            if (!Double.isNaN(previous) && !Double.isNaN(y)) {
                g.strokeLine(x - 1, previous, x, y);
            }
            previous = y;
        }
    }

    // ---------------------------------------------------------------- keyframes

    private Node keyframeEditor() {
        Label heading = new Label("Crop, pan and zoom");
        heading.getStyleClass().add(Css.TITLE_4);
        Pane picture = new Pane();
        picture.setId("keyframe-picture");
        picture.setMinHeight(200);
        picture.setStyle("-fx-background-color: -color-bg-inset;");
        Canvas canvas = new Canvas();
        picture.getChildren().add(canvas);
        canvas.widthProperty().bind(picture.widthProperty());
        canvas.heightProperty().bind(picture.heightProperty());
        Image[] shown = new Image[1];
        Runnable draw = () -> drawKeyframe(canvas, shown[0]);
        viewModel.keyframeImageProperty().addListener((o, b, frame) -> {
            shown[0] = frame.map(f -> Images.of(f, 640)).orElse(null);
            if (shown[0] != null && shown[0].getProgress() < 1) {
                shown[0].progressProperty().addListener((p, was, now) -> draw.run());
            }
            draw.run();
        });
        canvas.widthProperty().addListener((o, b, n) -> draw.run());
        canvas.heightProperty().addListener((o, b, n) -> draw.run());
        canvas.setOnMouseDragged(event -> moveCentre(canvas, shown[0], event.getX(), event.getY()));
        canvas.setOnMousePressed(event -> moveCentre(canvas, shown[0], event.getX(), event.getY()));
        canvas.setOnScroll(event -> {
            KeyframeRow row = viewModel.selectedKeyframeProperty().get();
            if (row != null) {
                row.zoomProperty().set(Math.max(1, Math.min(Viewport.MAX_ZOOM,
                        row.zoomProperty().get() * (event.getDeltaY() > 0 ? 1.1 : 1 / 1.1))));
            }
        });

        ListView<KeyframeRow> list = new ListView<>(viewModel.keyframes());
        list.setId("keyframes");
        list.setPrefHeight(110);
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(KeyframeRow row, boolean empty) {
                super.updateItem(row, empty);
                textProperty().unbind();
                if (empty || row == null) {
                    setText(null);
                    return;
                }
                textProperty().bind(Bindings.format(java.util.Locale.ROOT, "at %.0f %% · centre %.2f, %.2f · zoom %.2f×",
                        row.timeProperty().multiply(100), row.centreXProperty(), row.centreYProperty(),
                        row.zoomProperty()));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, b, n) -> {
            if (n != null) {
                viewModel.selectedKeyframeProperty().set(n);
            }
        });
        Slider time = new Slider(0, 1, 0);
        time.setId("keyframe-time");
        Slider zoom = new Slider(1, 8, 1);
        zoom.setId("keyframe-zoom");
        javafx.beans.value.ChangeListener<Number> repaint = (p, was, is) -> draw.run();
        viewModel.selectedKeyframeProperty().addListener((o, before, now) -> {
            if (before != null) {
                time.valueProperty().unbindBidirectional(before.timeProperty());
                zoom.valueProperty().unbindBidirectional(before.zoomProperty());
                before.centreXProperty().removeListener(repaint);
                before.centreYProperty().removeListener(repaint);
                before.zoomProperty().removeListener(repaint);
            }
            if (now != null) {
                time.valueProperty().bindBidirectional(now.timeProperty());
                zoom.valueProperty().bindBidirectional(now.zoomProperty());
                now.centreXProperty().addListener(repaint);
                now.centreYProperty().addListener(repaint);
                now.zoomProperty().addListener(repaint);
                list.getSelectionModel().select(now);
            }
            time.setDisable(now == null);
            zoom.setDisable(now == null);
            draw.run();
        });
        time.setDisable(true);
        zoom.setDisable(true);
        Button add = new Button("Add keyframe");
        add.setId("keyframe-add");
        add.setOnAction(event -> viewModel.addKeyframe());
        Button remove = new Button("Remove");
        remove.setOnAction(event -> viewModel.removeKeyframe());
        Label help = new Label("Drag on the frame to move the view; scroll or use the slider to zoom. Without keyframes"
                + " the whole frame is shown.");
        help.setWrapText(true);
        help.getStyleClass().addAll(Css.TEXT_SMALL, Css.TEXT_MUTED);
        GridPane sliders = new GridPane();
        sliders.setHgap(8);
        sliders.add(new Label("When"), 0, 0);
        sliders.add(time, 1, 0);
        sliders.add(new Label("Zoom"), 0, 1);
        sliders.add(zoom, 1, 1);
        GridPane.setHgrow(time, Priority.ALWAYS);
        GridPane.setHgrow(zoom, Priority.ALWAYS);
        VBox.setVgrow(picture, Priority.ALWAYS);
        VBox box = new VBox(8, heading, picture, new HBox(8, add, remove), list, sliders, help);
        box.setPadding(new Insets(0, 0, 8, 12));
        return box;
    }

    /** Where the picture is drawn in the canvas: fitted, centred. */
    private static double[] fitted(Canvas canvas, Image image) {
        double scale = Math.min(canvas.getWidth() / image.getWidth(), canvas.getHeight() / image.getHeight());
        double w = image.getWidth() * scale;
        double h = image.getHeight() * scale;
        return new double[] {(canvas.getWidth() - w) / 2, (canvas.getHeight() - h) / 2, w, h};
    }

    private void drawKeyframe(Canvas canvas, Image image) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (image == null || image.getWidth() <= 0 || canvas.getWidth() <= 0) {
            return;
        }
        double[] at = fitted(canvas, image);
        g.drawImage(image, at[0], at[1], at[2], at[3]);
        KeyframeRow row = viewModel.selectedKeyframeProperty().get();
        Viewport view = row == null ? Viewport.full() : new Viewport(row.centreXProperty().get(),
                row.centreYProperty().get(), Math.max(1, row.zoomProperty().get()));
        double sourceAspect = image.getWidth() / image.getHeight();
        double outputAspect = "original".equals(viewModel.sizeProperty().get()) ? sourceAspect : 16.0 / 9.0;
        Region region = view.region(sourceAspect, outputAspect);
        g.setFill(Color.rgb(0, 0, 0, 0.45));
        double x = at[0] + region.x() * at[2];
        double y = at[1] + region.y() * at[3];
        double w = region.width() * at[2];
        double h = region.height() * at[3];
        g.fillRect(at[0], at[1], at[2], y - at[1]);
        g.fillRect(at[0], y + h, at[2], at[1] + at[3] - y - h);
        g.fillRect(at[0], y, x - at[0], h);
        g.fillRect(x + w, y, at[0] + at[2] - x - w, h);
        g.setStroke(Color.web("#d4a72c"));
        g.setLineWidth(2);
        g.strokeRect(x, y, w, h);
    }

    private void moveCentre(Canvas canvas, Image image, double mouseX, double mouseY) {
        KeyframeRow row = viewModel.selectedKeyframeProperty().get();
        if (row == null || image == null || image.getWidth() <= 0) {
            return;
        }
        double[] at = fitted(canvas, image);
        row.centreXProperty().set(Math.max(0, Math.min(1, (mouseX - at[0]) / at[2])));
        row.centreYProperty().set(Math.max(0, Math.min(1, (mouseY - at[1]) / at[3])));
    }

    // ---------------------------------------------------------------- finished renders

    private Node rendersTable() {
        Label heading = new Label("Finished renders");
        heading.getStyleClass().add(Css.TITLE_4);
        TableView<RenderRow> table = new TableView<>(viewModel.renders());
        table.setId("renders-table");
        table.getStyleClass().add(Css.DENSE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<RenderRow, RenderRow> open = new TableColumn<>("");
        open.setCellValueFactory(cell -> new javafx.beans.property.SimpleObjectProperty<>(cell.getValue()));
        open.setCellFactory(c -> new TableCell<>() {
            private final Button button = new Button("Open");

            @Override
            protected void updateItem(RenderRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setGraphic(null);
                    return;
                }
                button.getStyleClass().add(Css.SMALL);
                button.setId("open-render-" + row.id());
                button.setDisable(!row.exists());
                button.setOnAction(event -> viewModel.open(row));
                setGraphic(button);
            }
        });
        open.setMaxWidth(80);
        table.getColumns().addAll(List.of(open,
                column("Finished", RenderRow::finished),
                column("Sequence", RenderRow::source),
                column("Frames", r -> String.valueOf(r.frames())),
                column("Took", RenderRow::took),
                column("Encoder", RenderRow::encoder),
                column("Settings", RenderRow::settings)));
        table.setPlaceholder(new Label("No renders yet."));
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(6, heading, table);
        box.setPadding(new Insets(8, 0, 0, 12));
        return box;
    }

    private static TableColumn<RenderRow, String> column(String name, java.util.function.Function<RenderRow, String> value) {
        TableColumn<RenderRow, String> column = new TableColumn<>(name);
        column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        return column;
    }
}
