package studio.timelapse.shared.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import studio.timelapse.shared.actionlog.TaskStatus;

/**
 * What the agent's event stream ({@code GET /api/v1/events}, server-sent events) tells an online studio. Each event's
 * JSON carries its {@code type}, which is also the SSE event name.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = AgentEvent.FrameCaptured.class, name = AgentEvent.FrameCaptured.TYPE),
    @JsonSubTypes.Type(value = AgentEvent.StateChanged.class, name = AgentEvent.StateChanged.TYPE),
    @JsonSubTypes.Type(value = AgentEvent.TaskUpdate.class, name = AgentEvent.TaskUpdate.TYPE),
    @JsonSubTypes.Type(value = AgentEvent.Heartbeat.class, name = AgentEvent.Heartbeat.TYPE),
    @JsonSubTypes.Type(value = AgentEvent.EventsMissed.class, name = AgentEvent.EventsMissed.TYPE)
})
public sealed interface AgentEvent {

    /** The event's name in the stream and its JSON {@code type}. */
    String type();

    /** A frame is stored and can be downloaded. */
    record FrameCaptured(FrameInfo frame) implements AgentEvent {
        public static final String TYPE = "frame_captured";

        public FrameCaptured {
            Objects.requireNonNull(frame, "frame");
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    /**
     * The capture state machine moved.
     *
     * @param transition the transition that fired ({@code start}, {@code pause}, {@code fail}, …)
     * @param why the cause the firing named ("pressed pause", "disk full")
     */
    record StateChanged(String from, String to, String transition, String why, Instant at) implements AgentEvent {
        public static final String TYPE = "state_changed";

        public StateChanged {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(transition, "transition");
            Objects.requireNonNull(why, "why");
            Objects.requireNonNull(at, "at");
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    /**
     * A long task on the agent moved on: its progress, its heartbeat, or its end, as the agent's task tracker folds
     * them from the log.
     *
     * @param state {@code RUNNING}, {@code SUCCEEDED} or {@code FAILED}
     * @param heartbeatAgeSeconds time since the task's last heartbeat, if it beats
     * @param stalled running, and no heartbeat for three of its intervals
     * @param failure the exception and reason of a failed task
     */
    record TaskUpdate(String taskUuid, String actionType, String state, Optional<Long> done, Optional<Long> total,
            Optional<String> unit, Optional<Double> percent, Optional<Double> rate, Optional<Double> etaSeconds,
            Optional<Double> heartbeatAgeSeconds, boolean stalled, Optional<String> failure) implements AgentEvent {
        public static final String TYPE = "task_update";

        public TaskUpdate {
            Objects.requireNonNull(taskUuid, "taskUuid");
            Objects.requireNonNull(actionType, "actionType");
            Objects.requireNonNull(state, "state");
            done = done == null ? Optional.empty() : done;
            total = total == null ? Optional.empty() : total;
            unit = unit == null ? Optional.empty() : unit;
            percent = percent == null ? Optional.empty() : percent;
            rate = rate == null ? Optional.empty() : rate;
            etaSeconds = etaSeconds == null ? Optional.empty() : etaSeconds;
            heartbeatAgeSeconds = heartbeatAgeSeconds == null ? Optional.empty() : heartbeatAgeSeconds;
            failure = failure == null ? Optional.empty() : failure;
        }

        /** The event for a task's live status. */
        public static TaskUpdate of(TaskStatus status) {
            return new TaskUpdate(status.taskUuid(), status.actionType(), status.state().name(), status.done(),
                    status.total(), status.unit(), boxed(status.percent()), boxed(status.rate()),
                    boxed(status.etaSeconds()), status.heartbeatAge().map(age -> age.toMillis() / 1000.0),
                    status.stalled(), status.failure());
        }

        private static Optional<Double> boxed(java.util.OptionalDouble value) {
            return value.isPresent() ? Optional.of(value.getAsDouble()) : Optional.empty();
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    /**
     * The agent is alive; sent every 15 s whether or not anything happened, so a client notices a dead stream.
     *
     * @param lastEventId the id of the last event sent with an id, if any: a client that saw another one missed
     *     events and should reconnect with its own last id
     */
    record Heartbeat(Instant at, Optional<String> lastEventId) implements AgentEvent {
        public static final String TYPE = "heartbeat";

        public Heartbeat {
            Objects.requireNonNull(at, "at");
            lastEventId = lastEventId == null ? Optional.empty() : lastEventId;
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    /**
     * Sent first to a reconnecting client whose {@code Last-Event-ID} the agent can no longer replay from (too old,
     * or from before the agent restarted): it missed events and should catch up by polling
     * ({@code GET /api/v1/frames}, {@code GET /api/v1/status}).
     */
    record EventsMissed(String reason) implements AgentEvent {
        public static final String TYPE = "events_missed";

        public EventsMissed {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String type() {
            return TYPE;
        }
    }
}
