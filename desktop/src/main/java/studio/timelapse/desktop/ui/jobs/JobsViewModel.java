package studio.timelapse.desktop.ui.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import studio.timelapse.desktop.ui.common.DurationText;
import studio.timelapse.desktop.ui.common.Explainer;
import studio.timelapse.desktop.ui.common.Problem;
import studio.timelapse.desktop.ui.common.Refresher;
import studio.timelapse.desktop.ui.common.UiWork;
import studio.timelapse.shared.actionlog.TaskStatus;
import studio.timelapse.shared.actionlog.TaskStatusTracker;
import studio.timelapse.shared.job.Job;
import studio.timelapse.shared.job.JobInsight;
import studio.timelapse.shared.job.JobRunner;
import studio.timelapse.shared.job.JobState;
import studio.timelapse.shared.job.JobType;

/**
 * The jobs screen: each queue's load, every open job and the recent finished ones with progress, ETA, heartbeat and
 * the runner's <em>unusually long</em> and <em>stalled</em> flags, and how long each type of job takes.
 *
 * <p>Queues, flags and durations come from {@link JobRunner#insight()}; progress, rate and ETA of jobs running in
 * this studio come live from the log through the {@link TaskStatusTracker} (jobs run by another process show the
 * progress their last checkpoint stored). Nothing here computes a rule of its own.
 */
public final class JobsViewModel implements AutoCloseable {
    /** Finished jobs listed below the open ones, newest first. */
    static final int RECENT_FINISHED = 100;

    private final JobRunner runner;
    private final TaskStatusTracker tracker;
    private final UiWork work;
    private final Explainer explainer;
    private final JobResubmission resubmission;
    private final Set<String> jobTypeNames;

    private final ObservableList<QueueRow> queues = FXCollections.observableArrayList();
    private final ObservableList<QueueRow> queuesView = FXCollections.unmodifiableObservableList(queues);
    private final ObservableList<JobRow> jobs = FXCollections.observableArrayList();
    private final ObservableList<JobRow> jobsView = FXCollections.unmodifiableObservableList(jobs);
    private final ObservableList<String> chartTypes = FXCollections.observableArrayList();
    private final ObservableList<String> chartTypesView = FXCollections.unmodifiableObservableList(chartTypes);
    private final ObjectProperty<String> chartType = new SimpleObjectProperty<>(this, "chartType");
    private final ObservableList<DurationBar> chart = FXCollections.observableArrayList();
    private final ObservableList<DurationBar> chartView = FXCollections.unmodifiableObservableList(chart);
    private final ObjectProperty<Optional<Problem>> problem = new SimpleObjectProperty<>(this, "problem",
            Optional.empty());
    private final StringProperty summary = new SimpleStringProperty(this, "summary", "");
    private final Map<Long, JobRow> rowsById = new HashMap<>();
    private final Refresher<Snapshot> refresher;
    private List<JobInsight.TypeDurations> durations = List.of();
    private AutoCloseable trackerSubscription;

    public JobsViewModel(JobRunner runner, Map<String, JobType<?, ?>> types, TaskStatusTracker tracker, UiWork work,
            Explainer explainer) {
        this.runner = runner;
        this.tracker = tracker;
        this.work = work;
        this.explainer = explainer;
        this.resubmission = new JobResubmission(runner, types);
        this.jobTypeNames = Set.copyOf(types.keySet());
        this.refresher = new Refresher<>(work, "Read the jobs", this::snapshot, this::apply,
                failure -> problem.set(Optional.of(failure)));
        chartType.addListener((observable, before, now) -> chart.setAll(bars(now)));
    }

    /**
     * Follows the job runs of this studio live: a run that starts or ends triggers a refresh, so the screen does not
     * wait for its next tick to show it.
     */
    public void start() {
        if (trackerSubscription == null) {
            trackerSubscription = tracker.onChange(this::taskChanged);
        }
        refresh();
    }

    private void taskChanged(TaskStatus status) {
        if (jobTypeNames.contains(status.actionType()) && (status.startedAt() != null)
                && (status.endedAt().isPresent() || !knownTask(status.taskUuid()))) {
            refresh();
        }
    }

    private boolean knownTask(String taskUuid) {
        synchronized (rowsById) {
            return rowsById.values().stream().anyMatch(row -> row.taskUuidProperty().get().filter(taskUuid::equals)
                    .isPresent());
        }
    }

    /** Reads the runner's state in the background and updates the screen; at most one refresh runs at a time. */
    public void refresh() {
        refresher.request();
    }


    /** What one refresh read, off the UI thread. */
    private record Snapshot(JobInsight insight, List<Job> open, List<Job> finished, Map<String, TaskStatus> live) {}

    private Snapshot snapshot() {
        JobInsight insight = runner.insight();
        List<Job> open = runner.jobs(JobState.RUNNING, JobState.INTERRUPTED, JobState.QUEUED);
        List<Job> finished = runner.jobs(JobState.FAILED, JobState.CANCELLED, JobState.SUCCEEDED).stream()
                .sorted(Comparator.comparing((Job job) -> job.finishedAt().orElse(job.createdAt())).reversed()
                        .thenComparing(Comparator.comparingLong(Job::id).reversed()))
                .limit(RECENT_FINISHED).toList();
        Map<String, TaskStatus> live = new HashMap<>();
        for (Job job : open) {
            job.taskUuid().flatMap(tracker::status).ifPresent(status -> live.put(status.taskUuid(), status));
        }
        return new Snapshot(insight, open, finished, live);
    }

    private void apply(Snapshot snapshot) {
        JobInsight insight = snapshot.insight();
        queues.setAll(insight.queues().stream().map(JobsViewModel::queueRow).toList());
        Map<Long, JobInsight.RunningJob> running = insight.running().stream()
                .collect(Collectors.toMap(JobInsight.RunningJob::jobId, r -> r, (a, b) -> a));
        List<Job> listed = new ArrayList<>(snapshot.open().stream().sorted(OPEN_ORDER).toList());
        listed.addAll(snapshot.finished());
        List<JobRow> rows = new ArrayList<>(listed.size());
        synchronized (rowsById) {
            Map<Long, JobRow> keep = new LinkedHashMap<>();
            for (Job job : listed) {
                JobRow row = rowsById.computeIfAbsent(job.id(), id -> new JobRow(id, job.type(), job.queue()));
                row.apply(facts(job, Optional.ofNullable(running.get(job.id())),
                        job.taskUuid().map(snapshot.live()::get), insight.at()));
                keep.put(job.id(), row);
                rows.add(row);
            }
            rowsById.keySet().retainAll(keep.keySet());
        }
        if (!rows.equals(jobs)) {
            jobs.setAll(rows);
        }
        durations = insight.durations();
        List<String> types = durations.stream().map(JobInsight.TypeDurations::type).distinct().sorted().toList();
        if (!types.equals(chartTypes)) {
            chartTypes.setAll(types);
        }
        if (chartType.get() == null || !types.contains(chartType.get())) {
            chartType.set(types.isEmpty() ? null : types.get(0));
        }
        chart.setAll(bars(chartType.get()));
        long runningCount = insight.queues().stream().mapToLong(JobInsight.QueueLoad::running).sum();
        long waiting = insight.queues().stream().mapToLong(JobInsight.QueueLoad::queued).sum();
        long flagged = insight.running().stream().filter(r -> r.stalled() || r.unusuallyLong()).count();
        summary.set(String.format(Locale.ROOT, "%d running, %d waiting%s", runningCount, waiting,
                flagged == 0 ? "" : ", " + flagged + " need attention"));
    }

    /** Running first, then interrupted (they resume first), then queued by priority and age. */
    private static final Comparator<Job> OPEN_ORDER = Comparator.comparingInt((Job job) -> switch (job.state()) {
        case RUNNING -> 0;
        case INTERRUPTED -> 1;
        default -> 2;
    }).thenComparing(Comparator.comparingInt(Job::priority).reversed()).thenComparingLong(Job::id);

    private static QueueRow queueRow(JobInsight.QueueLoad queue) {
        return new QueueRow(queue.queue(), queue.workers() == 0 ? "-" : String.valueOf(queue.workers()),
                queue.running(), queue.queued(), queue.backlog(),
                queue.oldestWaiting().map(DurationText::of).orElse("—"));
    }

    private static JobRow.Facts facts(Job job, Optional<JobInsight.RunningJob> running, Optional<TaskStatus> live,
            Instant now) {
        // The log's progress messages are throttled (one per 500 ms) while every checkpoint is stored: show whichever
        // source is further along; only the log knows the rate and the ETA.
        Optional<TaskStatus> ahead = live.filter(s -> s.done().orElse(-1L) >= job.progressDone().orElse(0L));
        Optional<Long> done = ahead.isPresent() ? ahead.get().done() : job.progressDone();
        Optional<Long> total = ahead.isPresent() ? ahead.get().total() : job.progressTotal();
        Optional<String> unit = ahead.flatMap(TaskStatus::unit).or(job::progressUnit);
        Optional<Double> percent = ahead.isPresent() && ahead.get().percent().isPresent()
                ? Optional.of(ahead.get().percent().getAsDouble())
                : running.flatMap(JobInsight.RunningJob::percent).or(job::percent);
        double progress = percent.map(p -> p / 100.0).orElse(job.state() == JobState.RUNNING ? -1.0 : 0.0);
        String progressText = done.map(d -> total.map(t -> d + " / " + t).orElse(String.valueOf(d))
                + unit.map(u -> " " + u).orElse("")).orElse(job.chunksDone() > 0 ? job.chunksDone() + " chunks" : "");
        String eta = job.state() == JobState.RUNNING
                ? live.filter(s -> s.etaSeconds().isPresent()).map(s -> DurationText.ofSeconds(s.etaSeconds()
                        .getAsDouble())).orElse("—")
                : "";
        String heartbeat = job.state() == JobState.RUNNING
                ? running.flatMap(JobInsight.RunningJob::heartbeatAge).or(() -> live.flatMap(TaskStatus::heartbeatAge))
                        .map(age -> DurationText.of(age) + " ago").orElse("none yet")
                : "";
        String elapsed = running.map(r -> DurationText.of(r.runningFor()))
                .or(() -> job.startedAt().map(start -> DurationText.of(Duration.between(start,
                        job.finishedAt().orElse(now)))))
                .orElse("");
        String attempts = job.attempts() + " of " + job.maxAttempts();
        return new JobRow.Facts(job.state(), progress, progressText, eta, heartbeat, elapsed,
                running.map(JobInsight.RunningJob::unusuallyLong).orElse(false),
                running.map(JobInsight.RunningJob::stalled).orElse(false), job.lastError().orElse(""), attempts,
                job.taskUuid());
    }

    private List<DurationBar> bars(String type) {
        if (type == null) {
            return List.of();
        }
        List<DurationBar> bars = new ArrayList<>();
        for (String window : List.of("7d", "24h", "1h")) {
            durations.stream().filter(d -> d.type().equals(type) && d.window().equals(window)).findFirst()
                    .ifPresent(d -> bars.add(new DurationBar(window, d.count(), seconds(d.min()), seconds(d.avg()),
                            seconds(d.p95()), seconds(d.max()))));
        }
        return bars;
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    /** Cancels the job: a waiting one at once, a running one at its next chunk. */
    public void cancel(JobRow row) {
        work.command("studio:ui:cancel_job", Map.of("job_id", row.id()), "Could not cancel job " + row.id(),
                () -> runner.cancel(row.id(), "pressed cancel in the studio"), job -> {
                    problem.set(Optional.empty());
                    refresh();
                }, this::failed);
    }

    /** Submits a failed or cancelled job again, as a new job. */
    public void retry(JobRow row) {
        work.command("studio:ui:retry_job", Map.of("job_id", row.id()), "Could not run job " + row.id() + " again",
                () -> resubmission.retry(row.id()), job -> {
                    problem.set(Optional.empty());
                    refresh();
                }, this::failed);
    }

    /** Opens the job's task (its last run) in the log explorer. */
    public void explain(JobRow row) {
        row.taskUuidProperty().get().ifPresent(explainer::explain);
    }

    public void explain(Problem shown) {
        shown.taskUuid().ifPresent(explainer::explain);
    }

    public void dismissProblem() {
        problem.set(Optional.empty());
    }

    private void failed(Problem failure) {
        problem.set(Optional.of(failure));
        refresh();
    }

    public ObservableList<QueueRow> queues() {
        return queuesView;
    }

    public ObservableList<JobRow> jobs() {
        return jobsView;
    }

    /** The job types with finished runs, for the chart's choice. */
    public ObservableList<String> chartTypes() {
        return chartTypesView;
    }

    public ObjectProperty<String> chartTypeProperty() {
        return chartType;
    }

    /** The chosen type's durations per window. */
    public ObservableList<DurationBar> chart() {
        return chartView;
    }

    public ReadOnlyObjectProperty<Optional<Problem>> problemProperty() {
        return problem;
    }

    /** "2 running, 5 waiting, 1 needs attention". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    @Override
    public void close() throws Exception {
        if (trackerSubscription != null) {
            trackerSubscription.close();
            trackerSubscription = null;
        }
    }
}
