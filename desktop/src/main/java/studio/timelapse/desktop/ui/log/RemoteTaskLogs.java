package studio.timelapse.desktop.ui.log;

import java.util.List;
import studio.timelapse.shared.actionlog.LogMessage;

/**
 * The parts of a task that other processes logged and that are not in the studio's log folders — a camera agent's
 * part of a sync, read from the agent with {@code GET /api/v1/logs/{task}} — to merge into the task's tree.
 */
@FunctionalInterface
public interface RemoteTaskLogs {
    /** The task's messages held elsewhere (none when nobody else took part); may block on the network. */
    List<LogMessage> messages(String taskUuid) throws Exception;

    static RemoteTaskLogs none() {
        return taskUuid -> List.of();
    }
}
