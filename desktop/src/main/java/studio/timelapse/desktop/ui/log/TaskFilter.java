package studio.timelapse.desktop.ui.log;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import studio.timelapse.shared.actionlog.TaskStatus;

/**
 * Which tasks the log explorer lists.
 *
 * @param type part of the action type, any case ("sync" finds {@code studio:sync:download_frame})
 * @param state only tasks in this state
 * @param camera only tasks that name this camera
 * @param from only tasks started at or after this
 * @param until only tasks started before this
 */
public record TaskFilter(Optional<String> type, Optional<TaskStatus.State> state, Optional<String> camera,
        Optional<Instant> from, Optional<Instant> until) {

    public static TaskFilter all() {
        return new TaskFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public boolean matches(TaskSummary task) {
        return type.map(t -> task.actionType().toLowerCase(Locale.ROOT).contains(t.toLowerCase(Locale.ROOT)))
                .orElse(true)
                && state.map(s -> task.state() == s).orElse(true)
                && camera.map(task.cameras()::contains).orElse(true)
                && from.map(f -> !task.startedAt().isBefore(f)).orElse(true)
                && until.map(u -> task.startedAt().isBefore(u)).orElse(true);
    }
}
