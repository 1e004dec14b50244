package studio.timelapse.desktop.ui.log;

import java.util.List;
import studio.timelapse.shared.actionlog.LogMessage;

/**
 * The parts of a task that other processes logged and that are not in the studio's log folders — a camera agent's
 * part of a sync, read from the agent with {@code GET /api/v1/logs/{task}} — to merge into the task's tree.
 */
@FunctionalInterface
public interface RemoteTaskLogs {
    /**
     * The task's messages held elsewhere (none when nobody else took part); may block on the network.
     *
     * @param local what the studio's own logs hold of the task, to see who else took part
     */
    List<LogMessage> messages(String taskUuid, List<LogMessage> local) throws Exception;

    static RemoteTaskLogs none() {
        return (taskUuid, local) -> List.of();
    }
}
