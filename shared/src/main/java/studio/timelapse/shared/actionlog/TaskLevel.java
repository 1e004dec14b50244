package studio.timelapse.shared.actionlog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A message's place in its task's tree, eliot's {@code task_level}: a path of child slots such as [3, 2, 1].
 * A message's parent is its level without the last element.
 */
public final class TaskLevel implements Comparable<TaskLevel> {
    private static final TaskLevel ROOT = new TaskLevel(new int[0]);

    private final int[] path;

    private TaskLevel(int[] path) {
        this.path = path;
    }

    /** The level of a new task's root action, whose own messages are [1], [2], … */
    public static TaskLevel root() {
        return ROOT;
    }

    public static TaskLevel of(int... path) {
        for (int slot : path) {
            if (slot < 1) {
                throw new IllegalArgumentException("task level slots start at 1: " + Arrays.toString(path));
            }
        }
        return new TaskLevel(path.clone());
    }

    public static TaskLevel of(List<Integer> path) {
        return of(path.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Parses eliot's serialized form {@code /3/2} (the empty string is the root). */
    public static TaskLevel parse(String serialized) {
        if (serialized.isEmpty() || serialized.equals("/")) {
            return ROOT;
        }
        if (!serialized.startsWith("/")) {
            throw new IllegalArgumentException("a task level starts with '/': " + serialized);
        }
        String[] parts = serialized.substring(1).split("/", -1);
        int[] path = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                path[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a task level: " + serialized, e);
            }
        }
        return of(path);
    }

    public TaskLevel child(int slot) {
        int[] next = Arrays.copyOf(path, path.length + 1);
        next[path.length] = slot;
        return of(next);
    }

    public TaskLevel parent() {
        if (path.length == 0) {
            throw new IllegalStateException("the root level has no parent");
        }
        return new TaskLevel(Arrays.copyOf(path, path.length - 1));
    }

    public int depth() {
        return path.length;
    }

    public int last() {
        if (path.length == 0) {
            throw new IllegalStateException("the root level has no slot");
        }
        return path[path.length - 1];
    }

    public int slot(int index) {
        return path[index];
    }

    public List<Integer> toList() {
        List<Integer> list = new ArrayList<>(path.length);
        for (int slot : path) {
            list.add(slot);
        }
        return list;
    }

    /** eliot's serialized form, as in a task id: {@code /3/2}. */
    public String serialize() {
        StringBuilder out = new StringBuilder();
        for (int slot : path) {
            out.append('/').append(slot);
        }
        return out.toString();
    }

    @Override
    public int compareTo(TaskLevel other) {
        return Arrays.compare(path, other.path);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TaskLevel other && Arrays.equals(path, other.path);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(path);
    }

    @Override
    public String toString() {
        return Arrays.toString(path);
    }
}
