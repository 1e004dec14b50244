package studio.timelapse.shared.protocol;

import java.time.Instant;
import java.util.Objects;

/**
 * The agent's answer to {@code GET /api/v1/health}, the one route that needs no token: that it runs, which agent it
 * is, which version, and since when.
 *
 * @param agentId the agent's stable id (the same one its mDNS announcement and pairing use)
 * @param uptimeSeconds whole seconds since {@code startedAt}
 */
public record AgentHealth(String status, String agentId, String version, Instant startedAt, long uptimeSeconds) {
    public static final String OK = "ok";

    public AgentHealth {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(startedAt, "startedAt");
    }
}
