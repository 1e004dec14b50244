package studio.timelapse.desktop.ui.jobs;

import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import studio.timelapse.shared.job.JobState;

/**
 * One job on the jobs screen. The row object stays while the job is listed and its properties change as the job
 * moves, so the table keeps its selection and scroll position across refreshes.
 */
public final class JobRow {
    private final long id;
    private final String type;
    private final String queue;
    private final ObjectProperty<JobState> state = new SimpleObjectProperty<>(this, "state");
    /** 0–1, or -1 while the job does not know how much there is to do. */
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", -1);
    private final StringProperty progressText = new SimpleStringProperty(this, "progressText", "");
    private final StringProperty eta = new SimpleStringProperty(this, "eta", "");
    private final StringProperty heartbeat = new SimpleStringProperty(this, "heartbeat", "");
    private final StringProperty elapsed = new SimpleStringProperty(this, "elapsed", "");
    private final BooleanProperty unusuallyLong = new SimpleBooleanProperty(this, "unusuallyLong");
    private final BooleanProperty stalled = new SimpleBooleanProperty(this, "stalled");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final StringProperty attempts = new SimpleStringProperty(this, "attempts", "");
    private final ObjectProperty<Optional<String>> taskUuid = new SimpleObjectProperty<>(this, "taskUuid",
            Optional.empty());
    private final BooleanProperty cancellable = new SimpleBooleanProperty(this, "cancellable");
    private final BooleanProperty retryable = new SimpleBooleanProperty(this, "retryable");

    JobRow(long id, String type, String queue) {
        this.id = id;
        this.type = type;
        this.queue = queue;
    }

    /** Everything a refresh found out about the job, applied in one go on the UI thread. */
    record Facts(JobState state, double progress, String progressText, String eta, String heartbeat, String elapsed,
            boolean unusuallyLong, boolean stalled, String error, String attempts, Optional<String> taskUuid) {}

    void apply(Facts facts) {
        state.set(facts.state());
        progress.set(facts.progress());
        progressText.set(facts.progressText());
        eta.set(facts.eta());
        heartbeat.set(facts.heartbeat());
        elapsed.set(facts.elapsed());
        unusuallyLong.set(facts.unusuallyLong());
        stalled.set(facts.stalled());
        error.set(facts.error());
        attempts.set(facts.attempts());
        taskUuid.set(facts.taskUuid());
        // The runner refuses to cancel a finished job and reruns only failed or cancelled ones.
        cancellable.set(!facts.state().finished());
        retryable.set(facts.state() == JobState.FAILED || facts.state() == JobState.CANCELLED);
    }

    public long id() {
        return id;
    }

    public String type() {
        return type;
    }

    public String queue() {
        return queue;
    }

    public ReadOnlyObjectProperty<JobState> stateProperty() {
        return state;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText;
    }

    public ReadOnlyStringProperty etaProperty() {
        return eta;
    }

    public ReadOnlyStringProperty heartbeatProperty() {
        return heartbeat;
    }

    public ReadOnlyStringProperty elapsedProperty() {
        return elapsed;
    }

    public ReadOnlyBooleanProperty unusuallyLongProperty() {
        return unusuallyLong;
    }

    public ReadOnlyBooleanProperty stalledProperty() {
        return stalled;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyStringProperty attemptsProperty() {
        return attempts;
    }

    public ReadOnlyObjectProperty<Optional<String>> taskUuidProperty() {
        return taskUuid;
    }

    public ReadOnlyBooleanProperty cancellableProperty() {
        return cancellable;
    }

    public ReadOnlyBooleanProperty retryableProperty() {
        return retryable;
    }

    @Override
    public String toString() {
        return "job " + id + " " + type + " " + state.get();
    }
}
