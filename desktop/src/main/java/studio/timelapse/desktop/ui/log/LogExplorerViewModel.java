package studio.timelapse.desktop.ui.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import studio.timelapse.desktop.ui.common.Problem;
import studio.timelapse.desktop.ui.common.UiWork;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.actionlog.ActionLogFiles;
import studio.timelapse.shared.actionlog.LogMessage;
import studio.timelapse.shared.actionlog.TaskStatus;
import studio.timelapse.shared.actionlog.TaskTree;

/**
 * The log explorer: every task of the studio's logs (and the camera logs kept under them), filtered by type, state,
 * camera and day; the chosen task as a tree, studio and camera parts merged, with each node's status, duration and
 * fields. The list follows the studio's log live.
 */
public final class LogExplorerViewModel implements AutoCloseable {
    /** Ended tasks kept in the list; older ones are still in the files and open by id. */
    static final int KEEP_TASKS = 200_000;

    /** A choice in the state filter. */
    public enum StateChoice {
        ANY("any state"), RUNNING("running"), SUCCEEDED("succeeded"), FAILED("failed");

        private final String title;

        StateChoice(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }

        Optional<TaskStatus.State> state() {
            return this == ANY ? Optional.empty() : Optional.of(TaskStatus.State.valueOf(name()));
        }
    }

    /** One field of the chosen node. */
    public record Field(String name, String value) {}

    private final Path logs;
    private final ActionLog log;
    private final Clock clock;
    private final ZoneId zone;
    private final UiWork work;
    private final RemoteTaskLogs remote;

    private final StringProperty typeFilter = new SimpleStringProperty(this, "typeFilter", "");
    private final ObjectProperty<StateChoice> stateFilter = new SimpleObjectProperty<>(this, "stateFilter",
            StateChoice.ANY);
    private final StringProperty cameraFilter = new SimpleStringProperty(this, "cameraFilter", "");
    private final ObjectProperty<LocalDate> fromDay = new SimpleObjectProperty<>(this, "fromDay");
    private final ObjectProperty<LocalDate> untilDay = new SimpleObjectProperty<>(this, "untilDay");
    private final ObservableList<TaskSummary> tasks = FXCollections.observableArrayList();
    private final ObservableList<TaskSummary> tasksView = FXCollections.unmodifiableObservableList(tasks);
    private final ObservableList<String> types = FXCollections.observableArrayList();
    private final ObservableList<String> typesView = FXCollections.unmodifiableObservableList(types);
    private final ObservableList<String> cameras = FXCollections.observableArrayList();
    private final ObservableList<String> camerasView = FXCollections.unmodifiableObservableList(cameras);
    private final StringProperty listStatus = new SimpleStringProperty(this, "listStatus", "");
    private final BooleanProperty loading = new SimpleBooleanProperty(this, "loading");
    private final ObjectProperty<Optional<String>> openTask = new SimpleObjectProperty<>(this, "openTask",
            Optional.empty());
    private final ObservableList<TaskNode> tree = FXCollections.observableArrayList();
    private final ObservableList<TaskNode> treeView = FXCollections.unmodifiableObservableList(tree);
    private final StringProperty treeStatus = new SimpleStringProperty(this, "treeStatus", "");
    private final ObjectProperty<Optional<TaskNode>> selectedNode = new SimpleObjectProperty<>(this, "selectedNode",
            Optional.empty());
    private final ObservableList<Field> fields = FXCollections.observableArrayList();
    private final ObservableList<Field> fieldsView = FXCollections.unmodifiableObservableList(fields);
    private final ObjectProperty<Optional<Problem>> problem = new SimpleObjectProperty<>(this, "problem",
            Optional.empty());

    private final AtomicBoolean filtering = new AtomicBoolean();
    private volatile TaskIndex index;
    private AutoCloseable liveSubscription;
    private long shownVersion = -1;
    private TaskFilter shownFilter;

    public LogExplorerViewModel(Path logs, ActionLog log, Clock clock, ZoneId zone, UiWork work,
            RemoteTaskLogs remote) {
        this.logs = logs;
        this.log = log;
        this.clock = clock;
        this.zone = zone;
        this.work = work;
        this.remote = remote;
        typeFilter.addListener((o, before, now) -> update());
        stateFilter.addListener((o, before, now) -> update());
        cameraFilter.addListener((o, before, now) -> update());
        fromDay.addListener((o, before, now) -> update());
        untilDay.addListener((o, before, now) -> update());
        selectedNode.addListener((o, before, now) -> fields.setAll(now.map(LogExplorerViewModel::fieldsOf)
                .orElse(List.of())));
    }

    /**
     * Reads every log file into a fresh index, following the studio's log from before the first file is read, so no
     * message falls between the files and the live stream.
     */
    public void load() {
        TaskIndex fresh = new TaskIndex(clock, KEEP_TASKS);
        closeLive();
        liveSubscription = log.subscribe(fresh);
        loading.set(true);
        listStatus.set("Reading the logs…");
        work.query("Read the logs in " + logs, () -> {
            ActionLogFiles files = new ActionLogFiles();
            files.read(folders(), line -> true, fresh);
            return files.unreadableLines();
        }, unreadable -> {
            index = fresh;
            loading.set(false);
            shownVersion = -1;
            update();
            if (unreadable > 0) {
                log.message("studio:ui:log_lines_skipped", "lines", unreadable);
            }
        }, failure -> {
            loading.set(false);
            problem.set(Optional.of(failure));
        });
    }

    /** The studio's log folder and every folder under it (camera logs are kept there, one folder per camera). */
    private List<Path> folders() {
        if (!Files.isDirectory(logs)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(logs)) {
            return walk.filter(Files::isDirectory).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the log folders under " + logs, e);
        }
    }

    /** Re-filters the list if anything changed since it was shown: new messages or another filter. */
    public void update() {
        TaskIndex current = index;
        TaskFilter filter = filter();
        if (current == null || (current.version() == shownVersion && filter.equals(shownFilter))) {
            return;
        }
        if (!filtering.compareAndSet(false, true)) {
            return;
        }
        long version = current.version();
        work.query("Filter the tasks", () -> new Listing(current.tasks(filter), current.types(), current.cameras()),
                listing -> {
                    filtering.set(false);
                    shownVersion = version;
                    shownFilter = filter;
                    tasks.setAll(listing.tasks());
                    if (!types.equals(listing.types())) {
                        types.setAll(listing.types());
                    }
                    if (!cameras.equals(listing.cameras())) {
                        cameras.setAll(listing.cameras());
                    }
                    listStatus.set(listing.tasks().size() + " tasks" + (filter.equals(TaskFilter.all()) ? ""
                            : " match the filter"));
                    if (!filter.equals(filter())) {
                        update();
                    }
                }, failure -> {
                    filtering.set(false);
                    problem.set(Optional.of(failure));
                });
    }

    private record Listing(List<TaskSummary> tasks, List<String> types, List<String> cameras) {}

    private TaskFilter filter() {
        String type = typeFilter.get() == null ? "" : typeFilter.get().trim();
        String camera = cameraFilter.get() == null ? "" : cameraFilter.get().trim();
        return new TaskFilter(type.isEmpty() ? Optional.empty() : Optional.of(type),
                stateFilter.get() == null ? Optional.empty() : stateFilter.get().state(),
                camera.isEmpty() ? Optional.empty() : Optional.of(camera),
                Optional.ofNullable(fromDay.get()).map(day -> day.atStartOfDay(zone).toInstant()),
                Optional.ofNullable(untilDay.get()).map(day -> day.plusDays(1).atStartOfDay(zone).toInstant()));
    }

    /** Clears every filter. */
    public void clearFilters() {
        typeFilter.set("");
        stateFilter.set(StateChoice.ANY);
        cameraFilter.set("");
        fromDay.set(null);
        untilDay.set(null);
    }

    /** Opens a task's tree: the studio's parts from the log files, any camera's part from the camera. */
    public void open(String taskUuid) {
        openTask.set(Optional.of(taskUuid));
        tree.clear();
        selectedNode.set(Optional.empty());
        treeStatus.set("Reading task " + taskUuid + "…");
        work.query("Read task " + taskUuid, () -> {
            List<LogMessage> messages = new ArrayList<>(new ActionLogFiles().readAll(folders(),
                    line -> line.contains(taskUuid)));
            String remoteNote = "";
            try {
                messages.addAll(remote.messages(taskUuid, List.copyOf(messages)));
            } catch (Exception e) {
                remoteNote = " (a camera's part could not be read: " + e.getMessage() + ")";
            }
            return new Opened(TaskTree.of(taskUuid, messages), remoteNote);
        }, opened -> {
            if (!openTask.get().equals(Optional.of(taskUuid))) {
                return;
            }
            List<TaskNode> roots = TaskNode.of(opened.tree());
            tree.setAll(roots);
            treeStatus.set(describe(opened.tree(), roots) + opened.remoteNote());
            selectedNode.set(firstFailure(roots).or(() -> roots.stream().findFirst()));
        }, failure -> problem.set(Optional.of(failure)));
    }

    private record Opened(TaskTree tree, String remoteNote) {}

    private static String describe(TaskTree tree, List<TaskNode> roots) {
        if (roots.isEmpty()) {
            return "No messages of this task in the logs (rotated away, or logged by a process whose log is not here).";
        }
        return tree.complete() ? "Complete." : "Incomplete: part of this task is still running, or was logged by a"
                + " process whose log is not here.";
    }

    /** The deepest failed node under the first failed root: where the failure started. */
    private static Optional<TaskNode> firstFailure(List<TaskNode> nodes) {
        for (TaskNode node : nodes) {
            if (node.failed()) {
                return firstFailure(node.children()).or(() -> Optional.of(node));
            }
        }
        return Optional.empty();
    }

    private static List<Field> fieldsOf(TaskNode node) {
        List<Field> all = new ArrayList<>();
        all.add(new Field("type", node.type()));
        if (node.action()) {
            all.add(new Field("status", node.status()));
            node.durationSeconds().ifPresent(s -> all.add(new Field("duration", String.format(Locale.ROOT, "%.3f s", s))));
        }
        all.add(new Field("level", node.level().isEmpty() ? "/" : node.level()));
        all.add(new Field("process", node.process()));
        node.at().ifPresent(at -> all.add(new Field("at", at.toString())));
        for (Map.Entry<String, Object> field : node.fields().entrySet()) {
            all.add(new Field(field.getKey(), String.valueOf(field.getValue())));
        }
        return all;
    }

    public void select(TaskNode node) {
        selectedNode.set(Optional.ofNullable(node));
    }

    public void dismissProblem() {
        problem.set(Optional.empty());
    }

    /** Explains a problem of the explorer itself: opens its task. */
    public void explain(Problem shown) {
        shown.taskUuid().ifPresent(this::open);
    }

    public StringProperty typeFilterProperty() {
        return typeFilter;
    }

    public ObjectProperty<StateChoice> stateFilterProperty() {
        return stateFilter;
    }

    public StringProperty cameraFilterProperty() {
        return cameraFilter;
    }

    public ObjectProperty<LocalDate> fromDayProperty() {
        return fromDay;
    }

    public ObjectProperty<LocalDate> untilDayProperty() {
        return untilDay;
    }

    public ObservableList<TaskSummary> tasks() {
        return tasksView;
    }

    /** Root action types seen, for the type filter's suggestions. */
    public ObservableList<String> types() {
        return typesView;
    }

    public ObservableList<String> cameras() {
        return camerasView;
    }

    public ReadOnlyStringProperty listStatusProperty() {
        return listStatus;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    public ReadOnlyObjectProperty<Optional<String>> openTaskProperty() {
        return openTask;
    }

    /** The open task's top-level nodes. */
    public ObservableList<TaskNode> tree() {
        return treeView;
    }

    public ReadOnlyStringProperty treeStatusProperty() {
        return treeStatus;
    }

    public ReadOnlyObjectProperty<Optional<TaskNode>> selectedNodeProperty() {
        return selectedNode;
    }

    public ObservableList<Field> fields() {
        return fieldsView;
    }

    public ReadOnlyObjectProperty<Optional<Problem>> problemProperty() {
        return problem;
    }

    private void closeLive() {
        if (liveSubscription != null) {
            try {
                liveSubscription.close();
            } catch (Exception e) {
                log.message("studio:ui:unsubscribe_failed", "exception", e.getClass().getName(), "reason",
                        String.valueOf(e.getMessage()));
            }
            liveSubscription = null;
        }
    }

    @Override
    public void close() {
        closeLive();
    }
}
