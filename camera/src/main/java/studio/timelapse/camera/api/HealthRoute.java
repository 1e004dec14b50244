package studio.timelapse.camera.api;

import io.javalin.config.RoutesConfig;
import io.javalin.security.RouteRole;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import studio.timelapse.shared.protocol.AgentHealth;

/** {@code GET /api/v1/health}: the one route anyone may ask, marked public for the access control. */
final class HealthRoute {
    private final String agentId;
    private final String version;
    private final Instant startedAt;
    private final Clock clock;
    private final RouteRole[] publicRoles;

    HealthRoute(String agentId, String version, Instant startedAt, Clock clock, RouteRole[] publicRoles) {
        this.agentId = agentId;
        this.version = version;
        this.startedAt = startedAt;
        this.clock = clock;
        this.publicRoles = publicRoles.clone();
    }

    void install(RoutesConfig routes) {
        routes.get("/api/v1/health", ctx -> {
            Query.of(ctx, Set.of());
            ctx.header("Cache-Control", "no-store");
            ctx.json(new AgentHealth(AgentHealth.OK, agentId, version, startedAt,
                    Duration.between(startedAt, clock.instant()).toSeconds()));
        }, publicRoles);
    }
}
