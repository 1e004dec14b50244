package studio.timelapse.shared.protocol;

import java.util.Objects;
import java.util.Optional;

/**
 * The agent at a glance ({@code GET /api/v1/status}, and the answer to every capture command).
 *
 * @param state the capture state machine's state, as its enum constant's name ({@code CAPTURING}, {@code PAUSED}, …)
 * @param config the capture configuration in force
 * @param freeBytes free space on the volume that holds the frame store
 * @param framesCaptured frames in the store
 * @param framesUnsynced frames the studio has not acknowledged yet (retention never deletes these by default)
 * @param temperatureCelsius the board's temperature, where the agent can read one
 */
public record AgentStatus(String state, CaptureConfig config, long freeBytes, long framesCaptured, long framesUnsynced,
        Optional<ErrorReport> lastError, Optional<Double> temperatureCelsius) {
    public AgentStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(config, "config");
        lastError = lastError == null ? Optional.empty() : lastError;
        temperatureCelsius = temperatureCelsius == null ? Optional.empty() : temperatureCelsius;
    }
}
