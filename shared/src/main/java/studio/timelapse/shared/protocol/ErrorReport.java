package studio.timelapse.shared.protocol;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The last thing that went wrong on the agent, as its status shows it.
 *
 * @param taskUuid the task in the agent's log that holds the whole story ({@code GET /api/v1/logs/{taskUuid}})
 */
public record ErrorReport(Instant at, String reason, Optional<String> taskUuid) {
    public ErrorReport {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(reason, "reason");
        taskUuid = taskUuid == null ? Optional.empty() : taskUuid;
    }
}
