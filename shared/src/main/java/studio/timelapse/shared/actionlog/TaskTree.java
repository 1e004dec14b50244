package studio.timelapse.shared.actionlog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A task rebuilt from its messages (from any number of files and processes, in any order), as eliot's parser does:
 * a message's parent is its level minus the last element. Used by tests, the {@code log} command and the log
 * explorer.
 */
public final class TaskTree {
    private static final Set<String> IDENTITY_FIELDS = Set.of(LogMessage.ACTION_TYPE, LogMessage.ACTION_STATUS,
            LogMessage.MESSAGE_TYPE);

    private final String taskUuid;
    private final List<Node> roots;

    private TaskTree(String taskUuid, List<Node> roots) {
        this.taskUuid = taskUuid;
        this.roots = roots;
    }

    /** A node of the tree: an action with its children, or a plain message. */
    public sealed interface Node permits ActionNode, MessageNode {
        /** This node's position among its siblings. */
        int ordinal();

        boolean complete();
    }

    /** A plain message. */
    public record MessageNode(LogMessage message) implements Node {
        @Override
        public int ordinal() {
            return message.level().last();
        }

        @Override
        public boolean complete() {
            return true;
        }
    }

    /** An action: its start and end messages (either may be missing while it runs or if a process died). */
    public static final class ActionNode implements Node {
        private final TaskLevel slot;
        private LogMessage start;
        private LogMessage end;
        private final List<Node> children = new ArrayList<>();

        ActionNode(TaskLevel slot) {
            this.slot = slot;
        }

        public TaskLevel slot() {
            return slot;
        }

        public Optional<LogMessage> start() {
            return Optional.ofNullable(start);
        }

        public Optional<LogMessage> end() {
            return Optional.ofNullable(end);
        }

        public String actionType() {
            LogMessage any = start != null ? start : end;
            return any.actionType().orElse("");
        }

        /** started while it runs; succeeded or failed once it ended. */
        public ActionStatus status() {
            return end == null ? ActionStatus.STARTED : end.actionStatus().orElse(ActionStatus.STARTED);
        }

        /** The children between the start and the end, in order of their slots. */
        public List<Node> children() {
            return children;
        }

        /** Child actions only. */
        public List<ActionNode> childActions() {
            return children.stream().filter(ActionNode.class::isInstance).map(ActionNode.class::cast).toList();
        }

        public Optional<Double> durationSeconds() {
            return start == null || end == null ? Optional.empty() : Optional.of(end.timestamp() - start.timestamp());
        }

        @Override
        public int ordinal() {
            return slot.depth() == 0 ? 0 : slot.last();
        }

        /** Ended, with every slot between start and end filled and every child action complete (eliot's rule). */
        @Override
        public boolean complete() {
            return start != null && end != null && children.size() == end.level().last() - 2
                    && children.stream().allMatch(Node::complete);
        }
    }

    /** Groups messages by task and rebuilds each task's tree. */
    public static Map<String, TaskTree> build(Collection<LogMessage> messages) {
        Map<String, List<LogMessage>> byTask = new LinkedHashMap<>();
        for (LogMessage message : messages) {
            byTask.computeIfAbsent(message.taskUuid(), uuid -> new ArrayList<>()).add(message);
        }
        Map<String, TaskTree> trees = new LinkedHashMap<>();
        byTask.forEach((uuid, taskMessages) -> trees.put(uuid, buildOne(uuid, taskMessages)));
        return trees;
    }

    /** Rebuilds one task from its messages (messages of other tasks are ignored). */
    public static TaskTree of(String taskUuid, Collection<LogMessage> messages) {
        return buildOne(taskUuid, messages.stream().filter(m -> m.taskUuid().equals(taskUuid)).toList());
    }

    private static TaskTree buildOne(String taskUuid, List<LogMessage> messages) {
        Map<TaskLevel, ActionNode> actions = new HashMap<>();
        List<MessageNode> plain = new ArrayList<>();
        for (LogMessage message : messages) {
            if (message.isAction() && message.level().depth() > 0) {
                ActionNode action = actions.computeIfAbsent(message.level().parent(), ActionNode::new);
                if (message.actionStatus().map(ActionStatus::isEnd).orElse(false)) {
                    action.end = message;
                } else {
                    action.start = message;
                }
            } else {
                plain.add(new MessageNode(message));
            }
        }
        List<Node> roots = new ArrayList<>();
        for (ActionNode action : actions.values()) {
            ActionNode container = action.slot.depth() == 0 ? null : actions.get(action.slot.parent());
            (container == null ? roots : container.children).add(action);
        }
        for (MessageNode message : plain) {
            ActionNode container = message.message().level().depth() == 0 ? null
                    : actions.get(message.message().level().parent());
            (container == null ? roots : container.children).add(message);
        }
        Comparator<Node> bySlot = Comparator.comparing(TaskTree::position);
        actions.values().forEach(action -> action.children.sort(bySlot));
        roots.sort(bySlot);
        return new TaskTree(taskUuid, roots);
    }

    private static TaskLevel position(Node node) {
        return node instanceof ActionNode action ? action.slot : ((MessageNode) node).message().level();
    }

    public String taskUuid() {
        return taskUuid;
    }

    /** Top-level nodes: normally one root action; several for a task seen only in part. */
    public List<Node> roots() {
        return roots;
    }

    /** The first top-level action, if any. */
    public Optional<ActionNode> rootAction() {
        return roots.stream().filter(ActionNode.class::isInstance).map(ActionNode.class::cast).findFirst();
    }

    public boolean complete() {
        return !roots.isEmpty() && roots.stream().allMatch(Node::complete);
    }

    /** Every action in the tree, depth first. */
    public List<ActionNode> actions() {
        List<ActionNode> all = new ArrayList<>();
        collect(roots, all);
        return all;
    }

    private static void collect(List<Node> nodes, List<ActionNode> into) {
        for (Node node : nodes) {
            if (node instanceof ActionNode action) {
                into.add(action);
                collect(action.children, into);
            }
        }
    }

    /** The tree as indented text, one line per action or message, for terminals. */
    public String render() {
        StringBuilder out = new StringBuilder(taskUuid).append('\n');
        renderAll(roots, "", out);
        return out.toString();
    }

    private static void renderAll(List<Node> nodes, String indent, StringBuilder out) {
        for (int i = 0; i < nodes.size(); i++) {
            boolean last = i == nodes.size() - 1;
            out.append(indent).append(last ? "└── " : "├── ");
            Node node = nodes.get(i);
            if (node instanceof ActionNode action) {
                out.append(action.actionType());
                if (action.slot.depth() > 0) {
                    out.append(' ').append(action.slot.serialize());
                }
                out.append(" ⇒ ").append(action.status().wire());
                action.durationSeconds().ifPresent(s -> out.append(String.format(java.util.Locale.ROOT, " in %.3f s", s)));
                action.start().ifPresent(m -> appendFields(m, Map.of(), out));
                action.end().ifPresent(m -> appendFields(m, action.start().map(LogMessage::fields).orElse(Map.of()), out));
                out.append('\n');
                renderAll(action.children, indent + (last ? "    " : "│   "), out);
            } else {
                LogMessage message = ((MessageNode) node).message();
                out.append(message.type()).append(' ').append(message.level().serialize());
                appendFields(message, Map.of(), out);
                out.append('\n');
            }
        }
    }

    /** Appends the message's own fields, leaving out those {@code shown} already with the same value. */
    private static void appendFields(LogMessage message, Map<String, Object> shown, StringBuilder out) {
        message.fields().forEach((key, value) -> {
            if (!IDENTITY_FIELDS.contains(key) && !key.equals("traceback")
                    && !java.util.Objects.equals(shown.get(key), value)) {
                out.append(' ').append(key).append('=').append(value);
            }
        });
    }
}
