package studio.timelapse.desktop.sync;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import studio.timelapse.shared.actionlog.ActionStatus;
import studio.timelapse.shared.actionlog.LogMessage;
import studio.timelapse.shared.actionlog.TaskLevel;

/**
 * How long the actions of each type took in all, read from an action log's messages (an action's start and end
 * share its task and the parent of their levels): where a benchmarked job spent its time.
 */
final class ActionTimes {
    private final Map<String, Double> seconds;
    private final Map<String, Integer> counts;

    private ActionTimes(Map<String, Double> seconds, Map<String, Integer> counts) {
        this.seconds = seconds;
        this.counts = counts;
    }

    static ActionTimes of(List<LogMessage> messages) {
        Map<String, Double> startedAt = new HashMap<>();
        Map<String, Double> seconds = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (LogMessage message : messages) {
            if (!message.isAction()) {
                continue;
            }
            String key = message.taskUuid() + "@" + message.level().parent();
            if (message.actionStatus().orElseThrow() == ActionStatus.STARTED) {
                startedAt.put(key, message.timestamp());
                continue;
            }
            Double start = startedAt.remove(key);
            if (start != null) {
                seconds.merge(message.type(), message.timestamp() - start, Double::sum);
                counts.merge(message.type(), 1, Integer::sum);
            }
        }
        return new ActionTimes(seconds, counts);
    }

    /** "store_chunk 12 × 0.40 s, acknowledge …, the rest (waiting for downloads) 1.2 s" for the given types. */
    String describe(double wallSeconds, String... types) {
        double accounted = 0;
        StringBuilder text = new StringBuilder();
        for (String type : types) {
            double total = seconds.getOrDefault(type, 0.0);
            accounted += total;
            text.append(String.format(Locale.ROOT, "%s %d × %.1f ms = %.2f s, ", type.substring(type.lastIndexOf(':') + 1),
                    counts.getOrDefault(type, 0), 1000 * total / Math.max(1, counts.getOrDefault(type, 0)), total));
        }
        return text.append(String.format(Locale.ROOT, "rest (waiting for downloads, start, finish) %.2f s",
                wallSeconds - accounted)).toString();
    }
}
