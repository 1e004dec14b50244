package studio.timelapse.desktop.ui.log;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import studio.timelapse.shared.actionlog.TaskStatus;

/**
 * One task in the log explorer's list.
 *
 * @param cameras the cameras the task's messages name (fields {@code camera}, {@code camera_id})
 * @param programs the programs whose processes logged part of it ({@code studio}, {@code camera}, {@code cli})
 */
public record TaskSummary(String taskUuid, String actionType, TaskStatus.State state, Instant startedAt,
        Optional<Duration> duration, Optional<String> failure, Set<String> cameras, Set<String> programs) {

    public TaskSummary {
        cameras = Set.copyOf(cameras);
        programs = Set.copyOf(programs);
    }
}
