package studio.timelapse.desktop.ui.cameras;

import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import studio.timelapse.desktop.cameras.CameraState;
import studio.timelapse.desktop.ui.common.CommandState;
import studio.timelapse.desktop.ui.common.Css;
import studio.timelapse.desktop.ui.common.FrameImage;
import studio.timelapse.desktop.ui.common.Images;
import studio.timelapse.desktop.ui.common.ProblemBanner;
import studio.timelapse.desktop.ui.common.ScreenParts;
import studio.timelapse.desktop.ui.common.Sheet;
import studio.timelapse.shared.protocol.CaptureCommand;

/**
 * The Cameras screen: the cameras on the left, the chosen one on the right with its facts, its capture controls
 * (each disabled one telling why in its tooltip), its newest frame and a live preview; pairing and settings open as
 * sheets over the screen. With no camera yet, it offers to add one or to start the demo camera.
 */
public final class CamerasView {
    private final CamerasViewModel viewModel;
    private final StackPane root = new StackPane();
    private final TextField address = new TextField();

    public CamerasView(CamerasViewModel viewModel) {
        this.viewModel = viewModel;
        root.setId("cameras-screen");
        BorderPane screen = new BorderPane();
        screen.setPadding(new Insets(16));
        ProblemBanner problem = new ProblemBanner(viewModel.problemProperty(), viewModel::explain,
                viewModel::dismissProblem);
        VBox top = new VBox(10, ScreenParts.heading("Cameras", summary()), toolbar(), problem.node());
        top.setPadding(new Insets(0, 0, 10, 0));
        screen.setTop(top);
        Node welcome = welcome();
        SplitPane split = new SplitPane(cameraList(), detail());
        split.setDividerPositions(0.3);
        StackPane center = new StackPane(split, welcome);
        welcome.visibleProperty().bind(viewModel.noCamerasProperty());
        split.visibleProperty().bind(viewModel.noCamerasProperty().not());
        screen.setCenter(center);
        root.getChildren().add(screen);
        viewModel.pairingProperty().addListener((observable, before, now) -> sheet(now.map(this::pairingSheet)));
        viewModel.editingProperty().addListener((observable, before, now) -> sheet(now.map(this::settingsSheet)));
        // States follow the watch; free space and waiting frames are asked every five seconds while shown.
        ScreenParts.whileShown(root, Duration.seconds(5), viewModel::refresh);
        ScreenParts.whileShown(root, Duration.seconds(2), viewModel::previewTick);
    }

    public Parent root() {
        return root;
    }

    private ObservableValue<String> summary() {
        return Bindings.createStringBinding(() -> {
            long capturing = viewModel.cameras().stream()
                    .filter(row -> row.stateProperty().get() == CameraState.CAPTURING).count();
            int all = viewModel.cameras().size();
            return all == 0 ? "none yet" : all + (all == 1 ? " camera" : " cameras") + ", " + capturing + " capturing";
        }, viewModel.cameras());
    }

    private Node toolbar() {
        address.setId("camera-address");
        address.setPromptText("address, e.g. 192.168.1.40 or pi.local:8443");
        address.setPrefColumnCount(22);
        TextField name = new TextField();
        name.setId("camera-name");
        name.setPromptText("name (optional)");
        name.setPrefColumnCount(12);
        Button add = new Button("Add camera");
        add.setId("add-camera");
        add.setDefaultButton(false);
        add.disableProperty().bind(address.textProperty().isEmpty());
        add.setOnAction(event -> viewModel.addByAddress(address.getText(), name.getText()));
        Button demo = new Button("Start the demo camera");
        demo.setId("start-demo");
        demo.setOnAction(event -> viewModel.startDemo());
        demo.disableProperty().bind(viewModel.busyProperty());
        ProgressIndicator working = new ProgressIndicator();
        working.setPrefSize(18, 18);
        working.visibleProperty().bind(viewModel.busyProperty());
        Label busy = new Label();
        busy.textProperty().bind(viewModel.busyTextProperty());
        busy.getStyleClass().add(Css.TEXT_MUTED);
        FlowPane bar = new FlowPane(8, 8, address, name, add, new Separator(Orientation.VERTICAL), demo, working, busy);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private Node welcome() {
        Label title = new Label("No cameras yet");
        title.getStyleClass().add(Css.TITLE_2);
        Label text = new Label("Add a camera agent by its address (cameras on this network appear here by themselves),"
                + " or start the demo camera: a synthetic camera on this computer that shows a whole day every two"
                + " minutes, so you can see frames arrive within a minute.");
        text.setWrapText(true);
        text.setMaxWidth(560);
        text.getStyleClass().add(Css.TEXT_MUTED);
        Button add = new Button("Add a camera");
        add.setId("welcome-add");
        add.setOnAction(event -> address.requestFocus());
        Button demo = new Button("Start the demo camera");
        demo.setId("welcome-demo");
        demo.getStyleClass().addAll(Css.ACCENT, Css.LARGE);
        demo.disableProperty().bind(viewModel.busyProperty());
        demo.setOnAction(event -> viewModel.startDemo());
        add.getStyleClass().add(Css.LARGE);
        HBox buttons = new HBox(12, demo, add);
        buttons.setAlignment(Pos.CENTER);
        VBox box = new VBox(16, title, text, buttons);
        box.setId("cameras-welcome");
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(640);
        box.setPadding(new Insets(32));
        StackPane center = new StackPane(box);
        center.setStyle("-fx-background-color: -color-bg-default;");
        return center;
    }

    private Node cameraList() {
        ListView<CameraRow> list = new ListView<>(viewModel.cameras());
        list.setId("camera-list");
        list.setCellFactory(l -> new CameraCell());
        list.getSelectionModel().selectedItemProperty().addListener((observable, before, now) -> {
            if (now != null && now != viewModel.selectedProperty().get()) {
                viewModel.selectedProperty().set(now);
            }
        });
        viewModel.selectedProperty().addListener((observable, before, now) -> {
            if (now != null && list.getSelectionModel().getSelectedItem() != now) {
                list.getSelectionModel().select(now);
            }
        });
        list.setMinWidth(240);
        return list;
    }

    /** A camera in the list: its newest frame, name, state and address. */
    private static final class CameraCell extends ListCell<CameraRow> {
        private final ImageView frame = new ImageView();
        private final Label name = new Label();
        private final Label state = new Label();
        private final Label address = new Label();
        private final HBox box;
        private final javafx.beans.value.ChangeListener<CameraState> restyle = (observable, before, now) -> restyle(now);
        private final javafx.beans.value.ChangeListener<Optional<FrameImage>> reframe = (observable, before, now) ->
                frame.setImage(now.map(f -> Images.of(f, 96)).orElse(null));
        private CameraRow shown;

        CameraCell() {
            frame.setFitWidth(96);
            frame.setFitHeight(54);
            frame.setPreserveRatio(true);
            StackPane frameBox = new StackPane(frame);
            frameBox.setMinSize(96, 54);
            frameBox.setMaxSize(96, 54);
            frameBox.setStyle("-fx-background-color: -color-bg-inset; -fx-background-radius: 4;");
            name.getStyleClass().add(Css.TEXT_BOLD);
            state.getStyleClass().add(Css.TEXT_SMALL);
            address.getStyleClass().addAll(Css.TEXT_SMALL, Css.TEXT_MUTED);
            box = new HBox(10, frameBox, new VBox(2, name, state, address));
            box.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(CameraRow row, boolean empty) {
            super.updateItem(row, empty);
            name.textProperty().unbind();
            address.textProperty().unbind();
            state.textProperty().unbind();
            if (shown != null) {
                shown.stateProperty().removeListener(restyle);
                shown.lastFrameProperty().removeListener(reframe);
                shown = null;
            }
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            name.textProperty().bind(row.nameProperty());
            address.textProperty().bind(row.addressProperty());
            state.textProperty().bind(Bindings.createStringBinding(() -> row.stateProperty().get() == null ? ""
                    : row.stateProperty().get().words(), row.stateProperty()));
            restyle(row.stateProperty().get());
            shown = row;
            row.stateProperty().addListener(restyle);
            row.lastFrameProperty().addListener(reframe);
            frame.setImage(row.lastFrameProperty().get().map(f -> Images.of(f, 96)).orElse(null));
            setGraphic(box);
        }

        private void restyle(CameraState now) {
            state.getStyleClass().removeAll(Css.SUCCESS, Css.WARNING, Css.DANGER, Css.ACCENT, Css.TEXT_MUTED);
            state.getStyleClass().add(style(now));
        }
    }

    static String style(CameraState state) {
        if (state == null) {
            return Css.TEXT_MUTED;
        }
        return switch (state) {
            case CAPTURING -> Css.SUCCESS;
            case ONLINE, PAIRED -> Css.ACCENT;
            case PAUSED, OFFLINE, DISCOVERED, PAIRING -> Css.WARNING;
            case ERROR, FAILED -> Css.DANGER;
            default -> Css.TEXT_MUTED;
        };
    }

    private Node detail() {
        Label name = new Label();
        name.setId("camera-title");
        name.getStyleClass().add(Css.TITLE_3);
        Label state = new Label();
        state.setId("camera-state");
        state.setWrapText(true);
        GridPane facts = new GridPane();
        facts.setHgap(16);
        facts.setVgap(6);
        Hyperlink why = new Hyperlink("why?");
        why.setId("camera-error-why");
        int[] line = {0};
        fact(facts, line, "Address", row -> row.addressProperty());
        fact(facts, line, "Fingerprint", row -> row.fingerprintProperty());
        fact(facts, line, "Free space", row -> row.freeSpaceProperty());
        fact(facts, line, "Waiting to sync", row -> row.waitingProperty());
        fact(facts, line, "Frames", row -> row.capturedProperty());
        fact(facts, line, "Last capture", row -> row.lastCaptureProperty());
        fact(facts, line, "Temperature", row -> row.temperatureProperty());
        Label error = fact(facts, line, "Last error", row -> row.lastErrorProperty());
        error.getStyleClass().add(Css.DANGER);
        facts.add(why, 2, line[0] - 1);

        HBox capture = new HBox(6);
        for (CaptureCommand command : CaptureCommand.values()) {
            capture.getChildren().add(button(command.name().toLowerCase(java.util.Locale.ROOT), label(command),
                    viewModel.capture(command), () -> viewModel.send(command),
                    command == CaptureCommand.START ? Css.ACCENT : null));
        }
        HBox manage = new HBox(6,
                button("sync", "Sync now", viewModel.syncCommand(), viewModel::syncNow, null),
                button("pair", "Pair…", viewModel.pairCommand(), viewModel::pairSelected, null),
                button("settings", "Settings…", viewModel.settingsCommand(), viewModel::editSettings, null),
                button("unpair", "Unpair", viewModel.unpairCommand(), viewModel::unpair, Css.DANGER));

        ImageView lastFrame = new ImageView();
        lastFrame.setId("camera-last-frame");
        lastFrame.setFitWidth(360);
        lastFrame.setPreserveRatio(true);
        ImageView preview = new ImageView();
        preview.setId("camera-preview");
        preview.setFitWidth(360);
        preview.setPreserveRatio(true);
        ToggleButton live = new ToggleButton("Live preview");
        live.setId("live-preview");
        live.selectedProperty().bindBidirectional(viewModel.livePreviewProperty());
        Label previewText = new Label();
        previewText.getStyleClass().addAll(Css.TEXT_SMALL, Css.TEXT_MUTED);
        previewText.textProperty().bind(viewModel.previewTextProperty());
        viewModel.previewProperty().addListener((observable, before, now) ->
                preview.setImage(now.map(Images::ofJpeg).orElse(null)));
        Label lastFrameTitle = new Label("Newest frame in the library");
        lastFrameTitle.getStyleClass().add(Css.TEXT_BOLD);
        VBox images = new VBox(6, lastFrameTitle, lastFrame, new HBox(8, live, previewText), preview);

        VBox box = new VBox(12, name, state, facts, sectionTitle("Capture"), capture, sectionTitle("Camera"), manage,
                images);
        box.setPadding(new Insets(4, 4, 4, 16));
        viewModel.selectedProperty().addListener((observable, before, now) -> {
            name.textProperty().unbind();
            state.textProperty().unbind();
            if (now == null) {
                name.setText("");
                state.setText("");
                lastFrame.setImage(null);
                return;
            }
            name.textProperty().bind(now.nameProperty());
            state.textProperty().bind(now.stateTextProperty());
            why.visibleProperty().bind(Bindings.createBooleanBinding(() -> now.lastErrorTaskProperty().get()
                    .isPresent(), now.lastErrorTaskProperty()));
            why.setOnAction(event -> viewModel.explainLastError(now));
            showFrame(lastFrame, now.lastFrameProperty().get());
            now.lastFrameProperty().addListener((o, b, frame) -> {
                if (viewModel.selectedProperty().get() == now) {
                    showFrame(lastFrame, frame);
                }
            });
        });
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private static void showFrame(ImageView view, Optional<FrameImage> frame) {
        view.setImage(frame.map(f -> Images.of(f, 360)).orElse(null));
    }

    private static String label(CaptureCommand command) {
        return switch (command) {
            case START -> "Start";
            case STOP -> "Stop";
            case PAUSE -> "Pause";
            case RESUME -> "Resume";
            case NOW -> "Take a frame now";
        };
    }

    private static Label sectionTitle(String text) {
        Label title = new Label(text);
        title.getStyleClass().addAll(Css.TEXT_SMALL, Css.TEXT_MUTED, Css.TEXT_BOLD);
        return title;
    }

    private Node button(String id, String text, CommandState state, Runnable action, String style) {
        Button button = new Button(text);
        button.setId("camera-" + id);
        if (style != null) {
            button.getStyleClass().add(style);
        }
        button.setOnAction(event -> action.run());
        StackPane wrapped = Images.explained(button, state);
        wrapped.setId("camera-" + id + "-wrapper");
        return wrapped;
    }

    private Label fact(GridPane grid, int[] line, String name,
            java.util.function.Function<CameraRow, ObservableValue<String>> value) {
        Label label = new Label(name);
        label.getStyleClass().add(Css.TEXT_MUTED);
        Label shown = new Label();
        shown.setId("fact-" + name.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
        shown.setWrapText(true);
        viewModel.selectedProperty().addListener((observable, before, now) -> {
            shown.textProperty().unbind();
            if (now == null) {
                shown.setText("");
            } else {
                shown.textProperty().bind(value.apply(now));
            }
        });
        grid.add(label, 0, line[0]);
        grid.add(shown, 1, line[0]);
        line[0]++;
        return shown;
    }

    // ---------------------------------------------------------------- sheets over the screen

    private void sheet(Optional<Node> content) {
        Sheet.show(root, content);
    }

    private Node pairingSheet(PairingViewModel pairing) {
        VBox card = Sheet.card(520);
        card.setId("pairing-sheet");
        Label title = new Label("Pair " + pairing.cameraName());
        title.getStyleClass().add(Css.TITLE_3);
        Label presented = new Label(pairing.presentedFingerprint()
                .map(fp -> "The camera presents the certificate " + fp + ". Check that the camera's console (or its"
                        + " LED) shows the same, then enter the code it shows.")
                .orElse("Open pairing on the camera ('timelapse camera pair', or its button) and enter the code it"
                        + " shows."));
        presented.setWrapText(true);
        TextField code = new TextField();
        code.setId("pairing-code");
        code.setPromptText("six-digit code, e.g. 123 456");
        code.textProperty().bindBidirectional(pairing.codeProperty());
        TextField fingerprint = new TextField();
        fingerprint.setId("pairing-fingerprint");
        fingerprint.setPromptText("fingerprint the camera shows (optional: then only that camera gets the code)");
        fingerprint.textProperty().bindBidirectional(pairing.fingerprintReadProperty());
        ProblemBanner problem = new ProblemBanner(pairing.problemProperty(), viewModel::explain, () -> { });
        Label pinned = new Label();
        pinned.setId("pairing-pinned");
        pinned.setWrapText(true);
        pinned.getStyleClass().add(Css.SUCCESS);
        pinned.textProperty().bind(Bindings.createStringBinding(() -> pairing.pinnedProperty().get()
                .map(fp -> "Paired. The certificate " + fp + " is pinned: it should match what the camera shows.")
                .orElse(""), pairing.pinnedProperty()));
        Button pair = new Button("Pair");
        pair.setId("pairing-pair");
        pair.getStyleClass().add(Css.ACCENT);
        pair.setDefaultButton(true);
        pair.disableProperty().bind(pairing.codeCompleteProperty().not().or(pairing.busyProperty())
                .or(Bindings.createBooleanBinding(() -> pairing.pinnedProperty().get().isPresent(),
                        pairing.pinnedProperty())));
        pair.setOnAction(event -> pairing.pair());
        Button close = new Button("Close");
        close.setId("pairing-close");
        close.setCancelButton(true);
        close.setOnAction(event -> viewModel.closePairing());
        HBox buttons = new HBox(8, pair, close);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        card.getChildren().addAll(title, presented, code, fingerprint, problem.node(), pinned, buttons);
        return card;
    }

    private Node settingsSheet(CameraSettingsViewModel settings) {
        VBox card = Sheet.card(560);
        card.setId("settings-sheet");
        Label title = new Label("Settings of " + settings.cameraName());
        title.getStyleClass().add(Css.TITLE_3);
        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(4);
        int[] row = {0};
        javafx.scene.control.ComboBox<String> backend = new javafx.scene.control.ComboBox<>();
        backend.setId("settings-backend");
        backend.getItems().setAll(settings.backends());
        backend.valueProperty().bindBidirectional(settings.backendProperty());
        field(form, row, "Camera", backend, settings, CameraSettingsViewModel.BACKEND);
        field(form, row, "Interval (s)", text("settings-interval", settings.intervalProperty(), "e.g. 2"), settings,
                CameraSettingsViewModel.INTERVAL);
        HBox size = new HBox(6, text("settings-width", settings.widthProperty(), "width"), new Label("×"),
                text("settings-height", settings.heightProperty(), "height"));
        size.setAlignment(Pos.CENTER_LEFT);
        field(form, row, "Frame size (px)", size, settings, CameraSettingsViewModel.SIZE);
        field(form, row, "JPEG quality", text("settings-quality", settings.qualityProperty(), "1–100"), settings,
                CameraSettingsViewModel.QUALITY);
        field(form, row, "Shutter (s)", text("settings-shutter", settings.shutterProperty(), "automatic"), settings,
                CameraSettingsViewModel.SHUTTER);
        field(form, row, "Gain", text("settings-gain", settings.gainProperty(), "automatic"), settings,
                CameraSettingsViewModel.GAIN);
        field(form, row, "Stop after (frames)", text("settings-max-frames", settings.maxFramesProperty(), "no limit"),
                settings, CameraSettingsViewModel.MAX_FRAMES);
        Label general = errorLabel(settings, "");
        ProblemBanner problem = new ProblemBanner(settings.problemProperty(), viewModel::explain, () -> { });
        Label saved = new Label("Saved: the camera uses these settings now.");
        saved.getStyleClass().add(Css.SUCCESS);
        saved.visibleProperty().bind(settings.savedProperty());
        saved.managedProperty().bind(settings.savedProperty());
        Button save = new Button("Save");
        save.setId("settings-save");
        save.getStyleClass().add(Css.ACCENT);
        save.disableProperty().bind(settings.busyProperty().or(settings.loadedProperty().not()));
        save.setOnAction(event -> settings.save());
        Button close = new Button("Close");
        close.setId("settings-close");
        close.setCancelButton(true);
        close.setOnAction(event -> viewModel.closeSettings());
        HBox buttons = new HBox(8, save, close);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        card.getChildren().addAll(title, form, general, problem.node(), saved, buttons);
        return card;
    }

    private static TextField text(String id, javafx.beans.property.StringProperty value, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefColumnCount(8);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private static void field(GridPane form, int[] row, String name, Node input, CameraSettingsViewModel settings,
            String key) {
        Label label = new Label(name);
        form.add(label, 0, row[0]);
        form.add(input, 1, row[0]);
        row[0]++;
        form.add(errorLabel(settings, key), 1, row[0]);
        row[0]++;
    }

    private static Label errorLabel(CameraSettingsViewModel settings, String key) {
        Label error = new Label();
        error.setId("error-" + (key.isEmpty() ? "general" : key.replace('.', '-')));
        error.setWrapText(true);
        error.setMaxWidth(380);
        error.getStyleClass().addAll(Css.DANGER, Css.TEXT_SMALL);
        error.textProperty().bind(Bindings.createStringBinding(() -> settings.errors().getOrDefault(key, ""),
                settings.errors()));
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        return error;
    }
}
