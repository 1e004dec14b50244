package studio.timelapse.shared.job;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A job's life. {@code interrupted} is a running job whose process died or shut down: the next runner that serves its
 * queue resumes it from its last checkpoint, before any queued job.
 */
public enum JobState {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED,
    INTERRUPTED;

    /** The transitions the runner may make; anything else is a bug and is refused. */
    public Set<JobState> next() {
        return switch (this) {
            case QUEUED -> EnumSet.of(RUNNING, CANCELLED);
            case RUNNING -> EnumSet.of(SUCCEEDED, FAILED, CANCELLED, INTERRUPTED, QUEUED);
            case INTERRUPTED -> EnumSet.of(RUNNING, QUEUED, CANCELLED);
            case SUCCEEDED, FAILED, CANCELLED -> EnumSet.noneOf(JobState.class);
        };
    }

    public boolean finished() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static JobState fromWire(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
