package studio.timelapse.shared.actionlog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of the action log: eliot's three identifying fields plus everything else the message carries
 * ({@code action_type}, {@code action_status}, {@code message_type}, {@code process} and the caller's fields).
 */
public record LogMessage(String taskUuid, TaskLevel level, double timestamp, Map<String, Object> fields) {

    public static final String TASK_UUID = "task_uuid";
    public static final String TASK_LEVEL = "task_level";
    public static final String TIMESTAMP = "timestamp";
    public static final String ACTION_TYPE = "action_type";
    public static final String ACTION_STATUS = "action_status";
    public static final String MESSAGE_TYPE = "message_type";
    public static final String PROCESS = "process";
    public static final String EXCEPTION = "exception";
    public static final String REASON = "reason";

    public LogMessage {
        Objects.requireNonNull(taskUuid, "taskUuid");
        Objects.requireNonNull(level, "level");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public Optional<String> actionType() {
        return Optional.ofNullable((String) fields.get(ACTION_TYPE));
    }

    public Optional<ActionStatus> actionStatus() {
        Object status = fields.get(ACTION_STATUS);
        return status == null ? Optional.empty() : ActionStatus.parse(status.toString());
    }

    public Optional<String> messageType() {
        return Optional.ofNullable((String) fields.get(MESSAGE_TYPE));
    }

    /** The action type for action messages, the message type for plain ones. */
    public String type() {
        return actionType().or(this::messageType).orElse("");
    }

    public boolean isAction() {
        return fields.containsKey(ACTION_TYPE);
    }

    public Object get(String field) {
        return fields.get(field);
    }

    /** A number field, or empty when absent or not a number. */
    public Optional<Double> number(String field) {
        return fields.get(field) instanceof Number n ? Optional.of(n.doubleValue()) : Optional.empty();
    }

    public Optional<String> text(String field) {
        Object value = fields.get(field);
        return value == null ? Optional.empty() : Optional.of(value.toString());
    }
}
