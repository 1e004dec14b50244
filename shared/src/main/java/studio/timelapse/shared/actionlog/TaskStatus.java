package studio.timelapse.shared.actionlog;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A task's live status as {@link TaskStatusTracker} folds it from the task's messages: what screens, the command
 * line and the agent's event stream show.
 *
 * @param actionType the task's outermost action
 * @param percent 0–100 when the latest progress has a total
 * @param etaSeconds from the latest progress message
 * @param heartbeatAge time since the last heartbeat, when the task has a heartbeat
 * @param stalled running, with a heartbeat, and no beat for three of its intervals
 * @param failure the exception and reason of a failed task
 */
public record TaskStatus(
        String taskUuid,
        String actionType,
        State state,
        Instant startedAt,
        Optional<Instant> endedAt,
        Optional<Long> done,
        Optional<Long> total,
        Optional<String> unit,
        OptionalDouble percent,
        OptionalDouble rate,
        OptionalDouble etaSeconds,
        Optional<Duration> heartbeatAge,
        boolean stalled,
        Optional<String> failure) {

    /** Where a task stands. */
    public enum State {
        RUNNING,
        SUCCEEDED,
        FAILED
    }

    public boolean running() {
        return state == State.RUNNING;
    }
}
