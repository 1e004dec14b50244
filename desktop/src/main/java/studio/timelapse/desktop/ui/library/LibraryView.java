package studio.timelapse.desktop.ui.library;

import java.io.File;
import java.util.List;
import java.util.Optional;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.util.Duration;
import org.controlsfx.control.GridCell;
import org.controlsfx.control.GridView;
import studio.timelapse.desktop.ui.common.Css;
import studio.timelapse.desktop.ui.common.Images;
import studio.timelapse.desktop.ui.common.ProblemBanner;
import studio.timelapse.desktop.ui.common.ScreenParts;
import studio.timelapse.desktop.ui.common.Sheet;

/**
 * The Library screen: sequences on the left; the chosen sequence's frames as a virtualized thumbnail grid beside the
 * frame viewer (capture data and EXIF); the timeline with its luminance curve and day/night bands below. Keys: arrows
 * move (up and down by a row), space plays, R rejects or restores.
 */
public final class LibraryView {
    static final double THUMB_WIDTH = 160;
    static final double THUMB_HEIGHT = 90;
    /** Frames per second while playing. */
    static final double PLAY_RATE = 24;

    private final LibraryViewModel viewModel;
    private final StackPane root = new StackPane();
    private final ThumbnailImages images;
    private final GridIndices indices = new GridIndices();
    private final GridView<Integer> grid = new GridView<>(indices);
    private final ImageView viewer = new ImageView();

    public LibraryView(LibraryViewModel viewModel) {
        this.viewModel = viewModel;
        this.images = new ThumbnailImages(viewModel.thumbnails(), THUMB_WIDTH, Platform::runLater);
        root.setId("library-screen");
        BorderPane screen = new BorderPane();
        screen.setPadding(new Insets(16));
        ProblemBanner problem = new ProblemBanner(viewModel.problemProperty(), viewModel::explain,
                viewModel::dismissProblem);
        VBox top = new VBox(10, ScreenParts.heading("Library", viewModel.framesStatusProperty()), problem.node());
        top.setPadding(new Insets(0, 0, 10, 0));
        screen.setTop(top);
        SplitPane browse = new SplitPane(gridPane(), viewerPane());
        browse.setDividerPositions(0.55);
        SplitPane main = new SplitPane(browse, timelinePane());
        main.setOrientation(Orientation.VERTICAL);
        main.setDividerPositions(0.78);
        SplitPane all = new SplitPane(sequenceList(), main);
        all.setDividerPositions(0.18);
        screen.setCenter(all);
        root.getChildren().add(screen);
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        viewModel.gridSizeProperty().addListener((o, b, n) -> syncIndices());
        viewModel.currentProperty().addListener((o, b, n) -> scrollTo(n.intValue()));
        viewModel.definingProperty().addListener((o, b, n) -> Sheet.show(root, n.map(this::defineSheet)));
        Timeline player = new Timeline(new KeyFrame(Duration.seconds(1 / PLAY_RATE), event -> viewModel.playTick()));
        player.setCycleCount(Animation.INDEFINITE);
        viewModel.playingProperty().addListener((o, b, playing) -> {
            if (playing) {
                player.play();
            } else {
                player.stop();
                showCurrent();
            }
        });
        root.sceneProperty().addListener((o, b, scene) -> {
            if (scene == null) {
                player.stop();
            }
        });
        syncIndices();
    }

    public Parent root() {
        return root;
    }

    // ---------------------------------------------------------------- keys

    private void key(KeyEvent event) {
        if (event.getTarget() instanceof TextField || event.getTarget() instanceof DatePicker) {
            return;
        }
        int columns = columns();
        boolean handled = true;
        switch (event.getCode()) {
            case LEFT -> viewModel.move(-1);
            case RIGHT -> viewModel.move(1);
            case UP -> viewModel.move(-columns);
            case DOWN -> viewModel.move(columns);
            case HOME -> viewModel.show(0);
            case END -> viewModel.show(viewModel.strip().size() - 1);
            case SPACE -> viewModel.togglePlay();
            case R -> viewModel.toggleReject();
            default -> handled = false;
        }
        if (handled) {
            event.consume();
        }
    }

    private int columns() {
        double cell = grid.getCellWidth() + grid.getHorizontalCellSpacing() * 2;
        return Math.max(1, (int) Math.floor((grid.getWidth() - 16) / cell));
    }

    // ---------------------------------------------------------------- sequences

    private Node sequenceList() {
        ListView<SequenceItem> list = new ListView<>(viewModel.sequences());
        list.setId("sequence-list");
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(SequenceItem item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                Label name = new Label(item.name());
                name.getStyleClass().add(Css.TEXT_BOLD);
                Label kind = new Label(item.describe());
                kind.getStyleClass().addAll(Css.TEXT_SMALL, Css.TEXT_MUTED);
                setGraphic(new VBox(2, name, kind));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, b, now) -> {
            if (now != null && !now.equals(viewModel.selectedSequenceProperty().get())) {
                viewModel.selectedSequenceProperty().set(now);
            }
        });
        viewModel.selectedSequenceProperty().addListener((o, b, now) -> {
            if (now != null && !now.equals(list.getSelectionModel().getSelectedItem())) {
                list.getSelectionModel().select(now);
            }
        });
        Button define = new Button("Define a sequence…");
        define.setId("define-sequence");
        define.setMaxWidth(Double.MAX_VALUE);
        define.setOnAction(event -> viewModel.defineSequence());
        Button importFolder = new Button("Import a folder…");
        importFolder.setId("import-folder");
        importFolder.setMaxWidth(Double.MAX_VALUE);
        importFolder.setOnAction(event -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Import frames from a folder or a card");
            File folder = chooser.showDialog(root.getScene().getWindow());
            if (folder != null) {
                viewModel.importFolder(folder.toPath());
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox box = new VBox(8, list, define, importFolder);
        box.setPadding(new Insets(0, 8, 0, 0));
        box.setMinWidth(180);
        return box;
    }

    // ---------------------------------------------------------------- the grid

    private Node gridPane() {
        grid.setId("frame-grid");
        grid.setCellWidth(THUMB_WIDTH);
        grid.setCellHeight(THUMB_HEIGHT);
        grid.setHorizontalCellSpacing(3);
        grid.setVerticalCellSpacing(3);
        grid.setCellFactory(g -> new ThumbCell());
        // Every row has the same height: the flow need not measure rows to place them.
        grid.skinProperty().addListener((o, b, skin) -> {
            if (grid.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
                flow.setFixedCellSize(THUMB_HEIGHT + 2 * grid.getVerticalCellSpacing());
            }
        });
        Label empty = new Label("No frames in this sequence yet.");
        empty.getStyleClass().add(Css.TEXT_MUTED);
        empty.visibleProperty().bind(viewModel.frameCountProperty().isEqualTo(0));
        StackPane box = new StackPane(grid, empty);
        box.setPadding(new Insets(0, 8, 0, 0));
        return box;
    }

    /** The grid's items are the frames' indices, as many as the sequence has: pages fill the cells as they load. */
    private void syncIndices() {
        indices.resize(viewModel.gridSizeProperty().get());
    }

    private void scrollTo(int index) {
        if (index < 0) {
            return;
        }
        if (grid.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            int row = index / columns();
            IndexedCell<?> first = flow.getFirstVisibleCell();
            IndexedCell<?> last = flow.getLastVisibleCell();
            if (first == null || last == null || row <= first.getIndex() || row >= last.getIndex()) {
                flow.scrollTo(row);
            }
        }
        if (!viewModel.playingProperty().get()) {
            return;
        }
        // While playing, the viewer shows thumbnails: decoding every full frame 24 times a second would fall behind.
        long frameId = viewModel.strip().id(index);
        Image now = images.get(frameId, image -> {
            if (viewModel.currentProperty().get() == index) {
                viewer.setImage(image);
            }
        });
        if (now != null) {
            viewer.setImage(now);
        }
    }

    /**
     * One thumbnail: dimmed with a mark when rejected, outlined when it is the current frame; an empty box while its
     * page or its image is still on the way. Built once and reused as the grid scrolls: an update swaps the image and
     * flips visibilities, and never touches styles or ids, which would make JavaFX apply CSS to the cell again.
     */
    private final class ThumbCell extends GridCell<Integer> {
        private final ImageView image = new ImageView();
        private final Label mark = new Label("rejected");
        private final Region outline = new Region();
        private final StackPane box = new StackPane(image, mark, outline);
        /** The frame shown, or -1 while the cell is empty or waits for its page. */
        private long frameId = -1;
        private ThumbnailImages.Request request = ThumbnailImages.Request.NONE;

        ThumbCell() {
            image.setFitWidth(THUMB_WIDTH);
            image.setFitHeight(THUMB_HEIGHT);
            image.setPreserveRatio(true);
            // Placed by hand (centred in the box as each image arrives): a managed image view would ask the whole
            // grid to lay out again each time a thumbnail comes in.
            image.setManaged(false);
            mark.getStyleClass().addAll(Css.TEXT_SMALL, Css.TEXT_BOLD);
            mark.setStyle("-fx-background-color: -color-danger-emphasis; -fx-text-fill: white; -fx-padding: 1 4;");
            mark.setVisible(false);
            StackPane.setAlignment(mark, Pos.TOP_LEFT);
            outline.setStyle("-fx-border-color: -color-accent-emphasis; -fx-border-width: 3;");
            outline.setMouseTransparent(true);
            outline.setVisible(false);
            box.setStyle("-fx-background-color: -color-bg-inset;");
            box.setMinSize(THUMB_WIDTH, THUMB_HEIGHT);
            box.setPrefSize(THUMB_WIDTH, THUMB_HEIGHT);
            box.setMaxSize(THUMB_WIDTH, THUMB_HEIGHT);
            setOnMouseClicked(event -> {
                if (getItem() != null) {
                    viewModel.show(getItem());
                    root.requestFocus();
                }
            });
            viewModel.currentProperty().addListener((o, b, n) -> outline());
            viewModel.stripVersionProperty().addListener((o, b, n) -> stripChanged());
            // The box stays the cell's graphic for good; an empty cell hides it. Taking the graphic out and putting
            // it back (as the grid empties a cell before reusing it) would apply CSS to the box all over again.
            setGraphic(box);
        }

        @Override
        protected void updateItem(Integer index, boolean empty) {
            super.updateItem(index, empty);
            if (empty || index == null) {
                show(-1);
                box.setVisible(false);
                return;
            }
            show(index < viewModel.strip().size() ? viewModel.strip().id(index) : -1);
            marks();
            outline();
            box.setVisible(true);
        }

        /** Shows the frame's thumbnail (-1: none), taking back the request for the frame shown before. */
        private void show(long newFrameId) {
            if (newFrameId == frameId) {
                return;
            }
            request.cancel();
            request = ThumbnailImages.Request.NONE;
            frameId = newFrameId;
            image.setImage(null);
            if (newFrameId >= 0) {
                request = images.request(newFrameId, ready -> {
                    if (frameId == newFrameId) {
                        place(ready);
                    }
                });
            }
        }

        /** Shows the image centred in the box, scaled to fit it. */
        private void place(Image thumbnail) {
            double scale = Math.min(THUMB_WIDTH / thumbnail.getWidth(), THUMB_HEIGHT / thumbnail.getHeight());
            image.relocate((THUMB_WIDTH - thumbnail.getWidth() * scale) / 2,
                    (THUMB_HEIGHT - thumbnail.getHeight() * scale) / 2);
            image.setImage(thumbnail);
        }

        /** A page arrived or a frame was rejected: a cell waiting for its page gets its frame. */
        private void stripChanged() {
            Integer index = getItem();
            if (index != null && !isEmpty()) {
                show(index < viewModel.strip().size() ? viewModel.strip().id(index) : -1);
            }
            marks();
        }

        private void marks() {
            Integer index = getItem();
            boolean rejected = index != null && index < viewModel.strip().size() && viewModel.strip().rejected(index);
            mark.setVisible(rejected);
            image.setOpacity(rejected ? 0.4 : 1);
        }

        private void outline() {
            Integer index = getItem();
            outline.setVisible(index != null && index == viewModel.currentProperty().get());
        }
    }

    // ---------------------------------------------------------------- the viewer

    private Node viewerPane() {
        viewer.setId("frame-viewer");
        viewer.setPreserveRatio(true);
        StackPane picture = new StackPane(viewer);
        picture.setMinHeight(160);
        picture.setStyle("-fx-background-color: -color-bg-inset;");
        viewer.fitWidthProperty().bind(picture.widthProperty().subtract(8));
        viewer.fitHeightProperty().bind(picture.heightProperty().subtract(8));
        viewModel.detailProperty().addListener((o, b, n) -> showCurrent());

        Button previous = new Button("◀");
        previous.setOnAction(event -> viewModel.move(-1));
        Button play = new Button();
        play.setId("play");
        play.textProperty().bind(Bindings.when(viewModel.playingProperty()).then("Pause").otherwise("Play"));
        play.setOnAction(event -> viewModel.togglePlay());
        Button next = new Button("▶");
        next.setOnAction(event -> viewModel.move(1));
        Button reject = new Button();
        reject.setId("reject");
        reject.textProperty().bind(Bindings.createStringBinding(() -> viewModel.detailProperty().get()
                .map(d -> d.rejected() ? "Restore (R)" : "Reject (R)").orElse("Reject (R)"), viewModel.detailProperty()));
        reject.disableProperty().bind(Bindings.createBooleanBinding(() -> viewModel.detailProperty().get().isEmpty(),
                viewModel.detailProperty()));
        reject.setOnAction(event -> viewModel.toggleReject());
        Label where = new Label();
        where.setId("frame-where");
        where.textProperty().bind(Bindings.createStringBinding(() -> {
            int current = viewModel.currentProperty().get();
            return current < 0 ? "" : (current + 1) + " of " + viewModel.frameCountProperty().get() + " · "
                    + viewModel.when(current);
        }, viewModel.currentProperty(), viewModel.frameCountProperty()));
        where.getStyleClass().add(Css.TEXT_MUTED);
        play.setMinWidth(Region.USE_PREF_SIZE);
        reject.setMinWidth(Region.USE_PREF_SIZE);
        FlowPane controls = new FlowPane(6, 6, previous, play, next, reject, where);
        controls.setAlignment(Pos.CENTER_LEFT);

        TableView<FrameDetail.Field> capture = fields("capture-fields");
        TableView<FrameDetail.Field> exif = fields("exif-fields");
        viewModel.detailProperty().addListener((o, b, now) -> {
            capture.getItems().setAll(now.map(FrameDetail::capture).orElse(List.of()));
            exif.getItems().setAll(now.map(FrameDetail::exif).orElse(List.of()));
        });
        TabPane tabs = new TabPane(new Tab("Capture", capture), new Tab("EXIF", exif));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setPrefHeight(220);
        SplitPane split = new SplitPane(picture, new VBox(6, controls, tabs));
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        return split;
    }

    private static TableView<FrameDetail.Field> fields(String id) {
        TableView<FrameDetail.Field> table = new TableView<>();
        table.setId(id);
        table.getStyleClass().add(Css.DENSE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<FrameDetail.Field, String> name = new TableColumn<>("Field");
        name.setCellValueFactory(cell -> new SimpleStringProperty(cell.getValue().name()));
        name.setPrefWidth(130);
        name.setMaxWidth(200);
        TableColumn<FrameDetail.Field, String> value = new TableColumn<>("Value");
        value.setCellValueFactory(cell -> new SimpleStringProperty(cell.getValue().value()));
        table.getColumns().addAll(List.of(name, value));
        table.setPlaceholder(new Label("No frame chosen."));
        return table;
    }

    /** The current frame, decoded at the viewer's size in the background (its thumbnail meanwhile). */
    private void showCurrent() {
        if (viewModel.playingProperty().get()) {
            return;
        }
        Optional<FrameDetail> detail = viewModel.detailProperty().get();
        if (detail.isEmpty()) {
            viewer.setImage(null);
            return;
        }
        detail.get().image().thumbnail().ifPresent(jpeg -> viewer.setImage(Images.ofJpeg(jpeg)));
        double width = Math.max(320, viewer.getFitWidth());
        Image full = new Image(detail.get().file().toUri().toString(), width, 0, true, true, true);
        full.progressProperty().addListener((o, b, progress) -> {
            if (progress.doubleValue() >= 1 && !full.isError()
                    && viewModel.detailProperty().get().map(d -> d.frameId() == detail.get().frameId()).orElse(false)) {
                viewer.setImage(full);
            }
        });
    }

    // ---------------------------------------------------------------- the timeline

    private Node timelinePane() {
        TimelineView timeline = new TimelineView(viewModel);
        Slider scrubber = new Slider(0, 0, 0);
        scrubber.setId("scrubber");
        scrubber.maxProperty().bind(Bindings.max(0, viewModel.frameCountProperty().subtract(1)));
        scrubber.setBlockIncrement(1);
        viewModel.currentProperty().addListener((o, b, n) -> {
            if (!scrubber.isValueChanging()) {
                scrubber.setValue(Math.max(0, n.intValue()));
            }
        });
        scrubber.valueProperty().addListener((o, b, n) -> {
            if (scrubber.isValueChanging() || scrubber.isPressed()) {
                viewModel.show((int) Math.round(n.doubleValue()));
            }
        });
        Label legend = new Label();
        legend.setId("timeline-legend");
        legend.textProperty().bind(Bindings.createStringBinding(() -> {
            String rule = viewModel.daylightRuleProperty().get();
            return "Luminance curve over day (light) and night (dark) bands; red ticks: rejected frames"
                    + (rule.isEmpty() ? "" : ". " + rule + ".");
        }, viewModel.daylightRuleProperty()));
        legend.getStyleClass().addAll(Css.TEXT_SMALL, Css.TEXT_MUTED);
        VBox.setVgrow(timeline, Priority.ALWAYS);
        VBox box = new VBox(4, timeline, scrubber, legend);
        box.setPadding(new Insets(8, 0, 0, 0));
        return box;
    }

    // ---------------------------------------------------------------- defining a sequence

    private Node defineSheet(DefineSequenceViewModel define) {
        VBox card = Sheet.card(560);
        card.setId("define-sheet");
        Label title = new Label("Define a sequence");
        title.getStyleClass().add(Css.TITLE_3);
        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(4);
        int[] row = {0};
        TextField name = new TextField();
        name.setId("define-name");
        name.setPromptText("e.g. North field, June, daytime");
        name.textProperty().bindBidirectional(define.nameProperty());
        row(form, row, "Name", name, define, DefineSequenceViewModel.NAME);
        VBox sources = new VBox(4);
        for (DefineSequenceViewModel.Source source : define.sources()) {
            CheckBox box = new CheckBox(source.sequence().name() + " (" + source.sequence().describe() + ")");
            box.selectedProperty().bindBidirectional(source.chosenProperty());
            sources.getChildren().add(box);
        }
        row(form, row, "Frames from", sources, define, DefineSequenceViewModel.SOURCES);
        row(form, row, "From", range(define.fromDayProperty(), define.fromTimeProperty(), "define-from"), define,
                DefineSequenceViewModel.FROM);
        row(form, row, "To", range(define.toDayProperty(), define.toTimeProperty(), "define-to"), define,
                DefineSequenceViewModel.TO);
        Spinner<Integer> every = new Spinner<>(1, 10_000, 1);
        every.setId("define-every");
        every.setEditable(true);
        every.getValueFactory().valueProperty().addListener((o, b, n) -> define.everyProperty().set(n == null ? 1 : n));
        row(form, row, "Every Nth frame", every, define, DefineSequenceViewModel.EVERY);
        CheckBox daytime = new CheckBox("Daytime only");
        daytime.setId("define-daytime");
        daytime.selectedProperty().bindBidirectional(define.daytimeOnlyProperty());
        CheckBox rejected = new CheckBox("Include rejected frames");
        rejected.selectedProperty().bindBidirectional(define.includeRejectedProperty());
        row(form, row, "", new VBox(4, daytime, rejected), define, "");
        ProblemBanner problem = new ProblemBanner(define.problemProperty(), viewModel::explain, () -> { });
        Button save = new Button("Define");
        save.setId("define-save");
        save.getStyleClass().add(Css.ACCENT);
        save.disableProperty().bind(define.busyProperty());
        save.setOnAction(event -> define.define());
        Button close = new Button("Close");
        close.setCancelButton(true);
        close.setOnAction(event -> viewModel.closeDefine());
        HBox buttons = new HBox(8, save, close);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        card.getChildren().addAll(title, form, problem.node(), buttons);
        return card;
    }

    private static HBox range(javafx.beans.property.ObjectProperty<java.time.LocalDate> day,
            javafx.beans.property.StringProperty time, String id) {
        DatePicker picker = new DatePicker();
        picker.setId(id + "-day");
        picker.setPrefWidth(140);
        picker.valueProperty().bindBidirectional(day);
        TextField at = new TextField();
        at.setId(id + "-time");
        at.setPromptText("time, optional");
        at.setPrefColumnCount(7);
        at.textProperty().bindBidirectional(time);
        return new HBox(6, picker, at);
    }

    private static void row(GridPane form, int[] row, String label, Node input, DefineSequenceViewModel define,
            String key) {
        form.add(new Label(label), 0, row[0]);
        form.add(input, 1, row[0]);
        row[0]++;
        Label error = new Label();
        error.setWrapText(true);
        error.setMaxWidth(380);
        error.getStyleClass().addAll(Css.DANGER, Css.TEXT_SMALL);
        error.setId("define-error-" + (key.isEmpty() ? "general" : key));
        error.textProperty().bind(Bindings.createStringBinding(() -> define.errors().getOrDefault(key, ""),
                define.errors()));
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        form.add(error, 1, row[0]);
        row[0]++;
    }

    /** Stops the decoders; the view-model closes its own loader. */
    public void close() {
        images.close();
    }
}
