package studio.timelapse.desktop.ui.log;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import studio.timelapse.shared.actionlog.ActionStatus;
import studio.timelapse.shared.actionlog.LogMessage;
import studio.timelapse.shared.actionlog.TaskTree;

/**
 * One node of a task's tree as the log explorer shows it: an action (with its status and duration) or a plain
 * message, the process that logged it, and its fields — an action's start and end fields together.
 *
 * @param status {@code started}, {@code succeeded} or {@code failed} for actions; empty for messages
 * @param level the node's eliot task level, {@code /2/1}
 */
public record TaskNode(String type, boolean action, String status, Optional<Double> durationSeconds, String level,
        String process, Optional<Instant> at, Map<String, Object> fields, List<TaskNode> children) {

    /** Fields every message has, shown elsewhere on the node. */
    private static final Set<String> SHOWN_ELSEWHERE = Set.of(LogMessage.ACTION_TYPE, LogMessage.ACTION_STATUS,
            LogMessage.MESSAGE_TYPE, LogMessage.PROCESS);

    public TaskNode {
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        children = List.copyOf(children);
    }

    public boolean failed() {
        return status.equals(ActionStatus.FAILED.wire());
    }

    /** The task's top-level nodes: normally one root action. */
    public static List<TaskNode> of(TaskTree tree) {
        return tree.roots().stream().map(TaskNode::of).toList();
    }

    private static TaskNode of(TaskTree.Node node) {
        if (node instanceof TaskTree.ActionNode action) {
            Map<String, Object> fields = new LinkedHashMap<>();
            action.start().ifPresent(start -> fields.putAll(own(start)));
            action.end().ifPresent(end -> fields.putAll(own(end)));
            LogMessage any = action.start().or(action::end).orElseThrow();
            List<TaskNode> children = new ArrayList<>();
            action.children().forEach(child -> children.add(of(child)));
            return new TaskNode(action.actionType(), true, action.status().wire(), action.durationSeconds(),
                    action.slot().serialize(), any.text(LogMessage.PROCESS).orElse(""), Optional.of(instant(any)),
                    fields, children);
        }
        LogMessage message = ((TaskTree.MessageNode) node).message();
        return new TaskNode(message.type(), false, "", Optional.empty(), message.level().serialize(),
                message.text(LogMessage.PROCESS).orElse(""), Optional.of(instant(message)), own(message), List.of());
    }

    private static Map<String, Object> own(LogMessage message) {
        Map<String, Object> fields = new LinkedHashMap<>();
        message.fields().forEach((key, value) -> {
            if (!SHOWN_ELSEWHERE.contains(key)) {
                fields.put(key, value);
            }
        });
        return fields;
    }

    private static Instant instant(LogMessage message) {
        long micros = Math.round(message.timestamp() * 1_000_000d);
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
    }
}
