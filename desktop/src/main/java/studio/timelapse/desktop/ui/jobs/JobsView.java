package studio.timelapse.desktop.ui.jobs;

import studio.timelapse.desktop.ui.common.Css;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.Parent;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.util.Duration;
import studio.timelapse.desktop.ui.common.ProblemBanner;
import studio.timelapse.desktop.ui.common.ScreenParts;
import studio.timelapse.shared.job.JobState;

/** The jobs screen: queues on top, the jobs with their progress and flags, and how long each type of job takes. */
public final class JobsView {
    private final JobsViewModel viewModel;
    private final BorderPane root = new BorderPane();

    public JobsView(JobsViewModel viewModel) {
        this.viewModel = viewModel;
        root.setId("jobs-screen");
        root.setPadding(new Insets(16));

        HBox heading = ScreenParts.heading("Jobs", viewModel.summaryProperty());
        heading.setId("jobs-heading");
        ProblemBanner problem = new ProblemBanner(viewModel.problemProperty(), viewModel::explain,
                viewModel::dismissProblem);
        VBox top = new VBox(10, heading, problem.node(), queuesTable());
        top.setPadding(new Insets(0, 0, 10, 0));
        root.setTop(top);

        SplitPane split = new SplitPane(jobsTable(), durationsChart());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.62);
        root.setCenter(split);

        // Every second while on display: heartbeat ages and waits keep moving.
        ScreenParts.whileShown(root, Duration.seconds(1), viewModel::refresh);
    }

    public Parent root() {
        return root;
    }

    private TableView<QueueRow> queuesTable() {
        TableView<QueueRow> table = new TableView<>(viewModel.queues());
        table.setId("queues-table");
        table.getStyleClass().addAll(Css.DENSE, Css.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().addAll(List.of(
                column("Queue", QueueRow::queue),
                column("Workers", QueueRow::workers),
                column("Running", q -> String.valueOf(q.running())),
                column("Queued", q -> String.valueOf(q.queued())),
                column("Backlog", q -> String.valueOf(q.backlog())),
                column("Oldest wait", QueueRow::oldestWait)));
        table.setPlaceholder(new Label("No queues yet: nothing has been submitted."));
        table.setFixedCellSize(30);
        table.prefHeightProperty().bind(Bindings.size(table.getItems()).multiply(30).add(34).add(2));
        table.maxHeightProperty().bind(table.prefHeightProperty());
        table.setMinHeight(66);
        return table;
    }

    private static <S> TableColumn<S, String> column(String name, Function<S, String> value) {
        TableColumn<S, String> column = new TableColumn<>(name);
        column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        column.setSortable(false);
        return column;
    }

    private static <S, T> TableColumn<S, T> bound(String name, Function<S, ObservableValue<T>> value) {
        TableColumn<S, T> column = new TableColumn<>(name);
        column.setCellValueFactory(cell -> value.apply(cell.getValue()));
        column.setSortable(false);
        return column;
    }

    private VBox jobsTable() {
        TableView<JobRow> table = new TableView<>(viewModel.jobs());
        table.setId("jobs-table");
        table.getStyleClass().addAll(Css.DENSE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<JobRow, String> id = column("#", row -> String.valueOf(row.id()));
        id.setMaxWidth(60);
        TableColumn<JobRow, JobState> state = bound("State", JobRow::stateProperty);
        state.setCellFactory(c -> new StateCell());
        TableColumn<JobRow, JobRow> progress = new TableColumn<>("Progress");
        progress.setCellValueFactory(cell -> new SimpleObjectProperty<>(cell.getValue()));
        progress.setCellFactory(c -> new ProgressCell());
        progress.setMinWidth(180);
        TableColumn<JobRow, JobRow> flags = new TableColumn<>("Flags");
        flags.setCellValueFactory(cell -> new SimpleObjectProperty<>(cell.getValue()));
        flags.setCellFactory(c -> new FlagsCell());
        TableColumn<JobRow, JobRow> actions = new TableColumn<>("");
        actions.setCellValueFactory(cell -> new SimpleObjectProperty<>(cell.getValue()));
        actions.setCellFactory(c -> new ActionsCell());
        actions.setMinWidth(190);
        TableColumn<JobRow, String> type = column("Type", JobRow::type);
        type.setPrefWidth(140);
        state.setPrefWidth(90);
        table.getColumns().addAll(List.of(id, type, column("Queue", JobRow::queue), state,
                progress, bound("ETA", JobRow::etaProperty), bound("Heartbeat", JobRow::heartbeatProperty),
                bound("Time", JobRow::elapsedProperty), bound("Attempts", JobRow::attemptsProperty), flags, actions));
        table.setPlaceholder(new Label("No jobs. Syncs, imports and renders appear here while they run."));
        VBox.setVgrow(table, Priority.ALWAYS);

        Label error = new Label();
        error.setId("job-error");
        error.setWrapText(true);
        error.getStyleClass().add(Css.DANGER);
        Hyperlink why = new Hyperlink("why?");
        why.setId("job-why");
        HBox detail = new HBox(8, error, why);
        detail.setAlignment(Pos.CENTER_LEFT);
        Runnable showSelected = () -> {
            JobRow row = table.getSelectionModel().getSelectedItem();
            boolean failed = row != null && !row.errorProperty().get().isEmpty();
            error.setText(failed ? "Job " + row.id() + ": " + row.errorProperty().get() : "");
            detail.setVisible(failed);
            detail.setManaged(failed);
            why.setOnAction(event -> viewModel.explain(row));
        };
        table.getSelectionModel().selectedItemProperty().addListener((observable, before, now) -> showSelected.run());
        viewModel.jobs().addListener((ListChangeListener<JobRow>) change -> showSelected.run());
        showSelected.run();
        VBox box = new VBox(8, table, detail);
        box.setPadding(new Insets(0, 0, 8, 0));
        return box;
    }

    private VBox durationsChart() {
        Label heading = new Label("How long jobs take (successful runs)");
        heading.getStyleClass().add(Css.TITLE_4);
        ComboBox<String> type = new ComboBox<>(viewModel.chartTypes());
        type.setId("chart-type");
        type.valueProperty().bindBidirectional(viewModel.chartTypeProperty());
        type.setPromptText("no finished jobs yet");
        HBox top = new HBox(12, heading, type);
        top.setAlignment(Pos.CENTER_LEFT);

        CategoryAxis windows = new CategoryAxis();
        windows.setLabel("over the last");
        NumberAxis seconds = new NumberAxis();
        seconds.setLabel("seconds");
        BarChart<String, Number> chart = new BarChart<>(windows, seconds);
        chart.setId("durations-chart");
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        chart.setLegendSide(Side.RIGHT);
        chart.setMinHeight(160);
        Runnable redraw = () -> chart.getData().setAll(series());
        viewModel.chart().addListener((ListChangeListener<DurationBar>) change -> redraw.run());
        redraw.run();
        VBox.setVgrow(chart, Priority.ALWAYS);
        VBox box = new VBox(4, top, new StackPane(chart));
        VBox.setVgrow(box.getChildren().get(1), Priority.ALWAYS);
        box.setPadding(new Insets(8, 0, 0, 0));
        return box;
    }

    private List<XYChart.Series<String, Number>> series() {
        XYChart.Series<String, Number> min = new XYChart.Series<>();
        min.setName("min");
        XYChart.Series<String, Number> avg = new XYChart.Series<>();
        avg.setName("average");
        XYChart.Series<String, Number> p95 = new XYChart.Series<>();
        p95.setName("p95");
        XYChart.Series<String, Number> max = new XYChart.Series<>();
        max.setName("max");
        for (DurationBar bar : viewModel.chart()) {
            String category = bar.window() + " (" + bar.runs() + " runs)";
            min.getData().add(new XYChart.Data<>(category, bar.minSeconds()));
            avg.getData().add(new XYChart.Data<>(category, bar.avgSeconds()));
            p95.getData().add(new XYChart.Data<>(category, bar.p95Seconds()));
            max.getData().add(new XYChart.Data<>(category, bar.maxSeconds()));
        }
        return List.of(min, avg, p95, max);
    }

    /** The state as a coloured word. */
    private static final class StateCell extends TableCell<JobRow, JobState> {
        @Override
        protected void updateItem(JobState state, boolean empty) {
            super.updateItem(state, empty);
            getStyleClass().removeAll(Css.SUCCESS, Css.DANGER, Css.ACCENT, Css.WARNING);
            if (empty || state == null) {
                setText(null);
                return;
            }
            setText(state.wire());
            switch (state) {
                case SUCCEEDED -> getStyleClass().add(Css.SUCCESS);
                case FAILED -> getStyleClass().add(Css.DANGER);
                case RUNNING -> getStyleClass().add(Css.ACCENT);
                case INTERRUPTED -> getStyleClass().add(Css.WARNING);
                default -> { }
            }
        }
    }

    /** A progress bar (indeterminate while the total is unknown) with "done / total unit". */
    private static final class ProgressCell extends TableCell<JobRow, JobRow> {
        private final ProgressBar bar = new ProgressBar();
        private final Label text = new Label();
        private final HBox box = new HBox(8, bar, text);

        ProgressCell() {
            bar.setPrefWidth(110);
            bar.getStyleClass().add(Css.SMALL);
            text.getStyleClass().add(Css.TEXT_SMALL);
            box.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(JobRow row, boolean empty) {
            super.updateItem(row, empty);
            bar.progressProperty().unbind();
            text.textProperty().unbind();
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            bar.progressProperty().bind(row.progressProperty());
            text.textProperty().bind(row.progressTextProperty());
            setGraphic(box);
        }
    }

    /** The runner's flags as badges. */
    private static final class FlagsCell extends TableCell<JobRow, JobRow> {
        private final Label unusuallyLong = badge("unusually long", Css.WARNING,
                "Running for more than twice as long as this type of job usually takes.");
        private final Label stalled = badge("stalled", Css.DANGER,
                "No heartbeat for three intervals: the job may be stuck, or its process gone.");
        private final HBox box = new HBox(4, unusuallyLong, stalled);

        private static Label badge(String text, String style, String explanation) {
            Label badge = new Label(text);
            badge.getStyleClass().addAll("badge", style, Css.TEXT_SMALL, Css.TEXT_BOLD);
            badge.setStyle("-fx-padding: 1 6 1 6; -fx-background-radius: 8; -fx-border-radius: 8;"
                    + " -fx-border-color: -color-border-default;");
            badge.setTooltip(new Tooltip(explanation));
            return badge;
        }

        @Override
        protected void updateItem(JobRow row, boolean empty) {
            super.updateItem(row, empty);
            unusuallyLong.visibleProperty().unbind();
            unusuallyLong.managedProperty().unbind();
            stalled.visibleProperty().unbind();
            stalled.managedProperty().unbind();
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            unusuallyLong.visibleProperty().bind(row.unusuallyLongProperty());
            unusuallyLong.managedProperty().bind(row.unusuallyLongProperty());
            stalled.visibleProperty().bind(row.stalledProperty());
            stalled.managedProperty().bind(row.stalledProperty());
            setGraphic(box);
        }
    }

    /** Cancel, retry, and the task's tree. */
    private final class ActionsCell extends TableCell<JobRow, JobRow> {
        private final Button cancel = new Button("Cancel");
        private final Button retry = new Button("Retry");
        private final Hyperlink task = new Hyperlink("task");
        private final HBox box = new HBox(4, cancel, retry, task);

        ActionsCell() {
            cancel.getStyleClass().addAll(Css.SMALL, Css.DANGER, Css.BUTTON_OUTLINED);
            retry.getStyleClass().addAll(Css.SMALL, Css.BUTTON_OUTLINED);
            box.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(JobRow row, boolean empty) {
            super.updateItem(row, empty);
            cancel.disableProperty().unbind();
            retry.disableProperty().unbind();
            task.visibleProperty().unbind();
            task.textProperty().unbind();
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            cancel.setId("cancel-" + row.id());
            retry.setId("retry-" + row.id());
            task.setId("task-" + row.id());
            cancel.disableProperty().bind(row.cancellableProperty().not());
            retry.disableProperty().bind(row.retryableProperty().not());
            task.visibleProperty().bind(Bindings.createBooleanBinding(() -> row.taskUuidProperty().get().isPresent(),
                    row.taskUuidProperty()));
            task.textProperty().bind(Bindings.when(row.stateProperty().isEqualTo(JobState.FAILED)).then("why?")
                    .otherwise("task"));
            cancel.setOnAction(event -> viewModel.cancel(row));
            retry.setOnAction(event -> viewModel.retry(row));
            task.setOnAction(event -> viewModel.explain(row));
            setGraphic(box);
        }
    }
}
