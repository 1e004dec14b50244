package studio.timelapse.desktop.ui.log;

import studio.timelapse.desktop.ui.common.Css;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.controlsfx.control.textfield.TextFields;
import studio.timelapse.desktop.ui.common.DurationText;
import studio.timelapse.desktop.ui.common.ProblemBanner;
import studio.timelapse.desktop.ui.common.ScreenParts;
import studio.timelapse.shared.actionlog.TaskStatus;

/** The log explorer: filters, the tasks, and the chosen task's tree with the fields of the chosen node. */
public final class LogExplorerView {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private final LogExplorerViewModel viewModel;
    private final ZoneId zone;
    private final BorderPane root = new BorderPane();
    private final TableView<TaskSummary> tasks = new TableView<>();
    private final TreeTableView<TaskNode> tree = new TreeTableView<>();

    public LogExplorerView(LogExplorerViewModel viewModel, ZoneId zone) {
        this.viewModel = viewModel;
        this.zone = zone;
        root.setId("log-screen");
        root.setPadding(new Insets(16));
        HBox heading = ScreenParts.heading("Log", viewModel.listStatusProperty());
        ProblemBanner problem = new ProblemBanner(viewModel.problemProperty(), viewModel::explain,
                viewModel::dismissProblem);
        VBox top = new VBox(10, heading, problem.node(), filters());
        top.setPadding(new Insets(0, 0, 10, 0));
        root.setTop(top);
        SplitPane split = new SplitPane(taskList(), taskTree());
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.52);
        root.setCenter(split);

        // New messages reach the list at most once a second, so a busy log does not keep the screen re-sorting.
        ScreenParts.whileShown(root, Duration.seconds(1), viewModel::update);
    }

    public Parent root() {
        return root;
    }

    private FlowPane filters() {
        TextField type = new TextField();
        type.setId("filter-type");
        type.setPromptText("action type, e.g. sync");
        type.setPrefColumnCount(16);
        type.textProperty().bindBidirectional(viewModel.typeFilterProperty());
        TextFields.bindAutoCompletion(type, request -> viewModel.types().stream()
                .filter(t -> t.contains(request.getUserText().toLowerCase(Locale.ROOT))).limit(12).toList());

        ComboBox<LogExplorerViewModel.StateChoice> state = new ComboBox<>();
        state.setId("filter-state");
        state.getItems().setAll(LogExplorerViewModel.StateChoice.values());
        state.valueProperty().bindBidirectional(viewModel.stateFilterProperty());
        state.setConverter(new StringConverter<>() {
            @Override
            public String toString(LogExplorerViewModel.StateChoice choice) {
                return choice == null ? "" : choice.title();
            }

            @Override
            public LogExplorerViewModel.StateChoice fromString(String text) {
                return LogExplorerViewModel.StateChoice.ANY;
            }
        });

        ComboBox<String> camera = new ComboBox<>();
        camera.setId("filter-camera");
        camera.setPromptText("any camera");
        camera.setItems(viewModel.cameras());
        camera.valueProperty().bindBidirectional(viewModel.cameraFilterProperty());
        camera.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null || item.isEmpty() ? "any camera" : item);
            }
        });

        DatePicker from = new DatePicker();
        from.setId("filter-from");
        from.setPromptText("from day");
        from.setPrefWidth(130);
        from.valueProperty().bindBidirectional(viewModel.fromDayProperty());
        DatePicker until = new DatePicker();
        until.setId("filter-until");
        until.setPromptText("until day");
        until.setPrefWidth(130);
        until.valueProperty().bindBidirectional(viewModel.untilDayProperty());

        Button clear = new Button("Clear");
        clear.setId("filter-clear");
        clear.getStyleClass().add(Css.FLAT);
        clear.setOnAction(event -> viewModel.clearFilters());
        Button reload = new Button("Reload");
        reload.setId("log-reload");
        reload.setOnAction(event -> viewModel.load());
        reload.disableProperty().bind(viewModel.loadingProperty());
        FlowPane bar = new FlowPane(8, 8, type, state, camera, from, until, clear, reload);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private VBox taskList() {
        tasks.setId("tasks-table");
        tasks.setItems(viewModel.tasks());
        tasks.getStyleClass().add(Css.DENSE);
        tasks.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<TaskSummary, TaskStatus.State> state = new TableColumn<>("State");
        state.setCellValueFactory(cell -> new javafx.beans.property.SimpleObjectProperty<>(cell.getValue().state()));
        state.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(TaskStatus.State item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll(Css.DANGER, Css.SUCCESS, Css.ACCENT);
                setText(empty || item == null ? null : item.name().toLowerCase(Locale.ROOT));
                if (!empty && item != null) {
                    getStyleClass().add(switch (item) {
                        case FAILED -> Css.DANGER;
                        case SUCCEEDED -> Css.SUCCESS;
                        case RUNNING -> Css.ACCENT;
                    });
                }
            }
        });
        tasks.getColumns().addAll(List.of(
                column("Started", t -> TIME.format(t.startedAt().atZone(zone))),
                state,
                column("Took", t -> t.duration().map(DurationText::of).orElse("…")),
                column("Task", TaskSummary::actionType),
                column("Cameras", t -> String.join(", ", t.cameras())),
                column("Failure", t -> t.failure().orElse(""))));
        tasks.getColumns().get(0).setPrefWidth(150);
        tasks.getColumns().get(1).setPrefWidth(80);
        tasks.getColumns().get(2).setPrefWidth(70);
        tasks.getColumns().get(3).setPrefWidth(200);
        tasks.getColumns().get(4).setPrefWidth(110);
        tasks.setPlaceholder(new Label("No tasks match."));
        tasks.getSelectionModel().selectedItemProperty().addListener((observable, before, now) -> {
            if (now != null && !viewModel.openTaskProperty().get().equals(Optional.of(now.taskUuid()))) {
                viewModel.open(now.taskUuid());
            }
        });
        viewModel.openTaskProperty().addListener((observable, before, now) -> selectOpenTask());
        viewModel.tasks().addListener((ListChangeListener<TaskSummary>) change -> selectOpenTask());
        VBox.setVgrow(tasks, Priority.ALWAYS);
        VBox box = new VBox(tasks);
        box.setPadding(new Insets(0, 8, 0, 0));
        return box;
    }

    /** Keeps the open task selected in the list when it is listed (a "why?" link opens it from elsewhere). */
    private void selectOpenTask() {
        viewModel.openTaskProperty().get().ifPresent(uuid -> {
            TaskSummary selected = tasks.getSelectionModel().getSelectedItem();
            if (selected != null && selected.taskUuid().equals(uuid)) {
                return;
            }
            viewModel.tasks().stream().filter(t -> t.taskUuid().equals(uuid)).findFirst().ifPresent(task -> {
                tasks.getSelectionModel().select(task);
                tasks.scrollTo(task);
            });
        });
    }

    private static <S> TableColumn<S, String> column(String name, Function<S, String> value) {
        TableColumn<S, String> column = new TableColumn<>(name);
        column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        return column;
    }

    private VBox taskTree() {
        Label heading = new Label();
        heading.setId("tree-task");
        heading.getStyleClass().add(Css.TITLE_4);
        heading.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> viewModel
                .openTaskProperty().get().map(uuid -> "Task " + uuid).orElse("Choose a task"),
                viewModel.openTaskProperty()));
        Label status = new Label();
        status.setId("tree-status");
        status.setWrapText(true);
        status.getStyleClass().add(Css.TEXT_MUTED);
        status.textProperty().bind(viewModel.treeStatusProperty());

        tree.setId("task-tree");
        tree.setShowRoot(false);
        tree.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TreeTableColumn<TaskNode, TaskNode> type = new TreeTableColumn<>("Action or message");
        type.setCellValueFactory(cell -> new javafx.beans.property.SimpleObjectProperty<>(cell.getValue().getValue()));
        type.setCellFactory(c -> new TreeTableCell<>() {
            @Override
            protected void updateItem(TaskNode node, boolean empty) {
                super.updateItem(node, empty);
                getStyleClass().removeAll(Css.DANGER, Css.TEXT_MUTED);
                if (empty || node == null) {
                    setText(null);
                    return;
                }
                setText(node.type());
                if (node.failed()) {
                    getStyleClass().add(Css.DANGER);
                } else if (!node.action()) {
                    getStyleClass().add(Css.TEXT_MUTED);
                }
            }
        });
        type.setPrefWidth(300);
        tree.getColumns().addAll(List.of(type,
                treeColumn("Status", TaskNode::status),
                treeColumn("Took", n -> n.durationSeconds().map(DurationText::ofSeconds).orElse("")),
                treeColumn("Process", TaskNode::process)));
        tree.setPlaceholder(new Label("Choose a task on the left, or follow a \"why?\" link."));
        viewModel.tree().addListener((ListChangeListener<TaskNode>) change -> showTree());
        tree.getSelectionModel().selectedItemProperty().addListener((observable, before, now) -> {
            if (now != null && now.getValue() != null) {
                viewModel.select(now.getValue());
            }
        });
        viewModel.selectedNodeProperty().addListener((observable, before, now) -> now.ifPresent(this::selectNode));

        TableView<LogExplorerViewModel.Field> fields = new TableView<>(viewModel.fields());
        fields.setId("node-fields");
        fields.getStyleClass().add(Css.DENSE);
        fields.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<LogExplorerViewModel.Field, String> name = column("Field", LogExplorerViewModel.Field::name);
        name.setPrefWidth(140);
        name.setMaxWidth(220);
        fields.getColumns().addAll(List.of(name, column("Value", LogExplorerViewModel.Field::value)));
        fields.setPlaceholder(new Label("Choose a node to see its fields."));

        SplitPane split = new SplitPane(tree, fields);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.6);
        VBox.setVgrow(split, Priority.ALWAYS);
        VBox box = new VBox(6, heading, status, split);
        box.setPadding(new Insets(0, 0, 0, 8));
        return box;
    }

    private static <T> TreeTableColumn<TaskNode, String> treeColumn(String name, Function<TaskNode, String> value) {
        TreeTableColumn<TaskNode, String> column = new TreeTableColumn<>(name);
        column.setCellValueFactory(cell -> new SimpleStringProperty(cell.getValue().getValue() == null ? ""
                : value.apply(cell.getValue().getValue())));
        return column;
    }

    private void showTree() {
        TreeItem<TaskNode> hidden = new TreeItem<>();
        viewModel.tree().forEach(node -> hidden.getChildren().add(item(node)));
        tree.setRoot(hidden);
        viewModel.selectedNodeProperty().get().ifPresent(this::selectNode);
    }

    private static TreeItem<TaskNode> item(TaskNode node) {
        TreeItem<TaskNode> item = new TreeItem<>(node);
        node.children().forEach(child -> item.getChildren().add(item(child)));
        item.setExpanded(true);
        return item;
    }

    private void selectNode(TaskNode node) {
        TreeItem<TaskNode> selected = tree.getSelectionModel().getSelectedItem();
        if (selected != null && selected.getValue() == node) {
            return;
        }
        find(tree.getRoot(), node).ifPresent(item -> {
            tree.getSelectionModel().select(item);
            int row = tree.getRow(item);
            if (row >= 0) {
                tree.scrollTo(row);
            }
        });
    }

    private static Optional<TreeItem<TaskNode>> find(TreeItem<TaskNode> from, TaskNode node) {
        if (from == null) {
            return Optional.empty();
        }
        if (from.getValue() == node) {
            return Optional.of(from);
        }
        for (TreeItem<TaskNode> child : from.getChildren()) {
            Optional<TreeItem<TaskNode>> found = find(child, node);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
