package studio.timelapse.camera.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import studio.timelapse.shared.protocol.CaptureAvailability;
import studio.timelapse.shared.protocol.CaptureCommand;
import studio.timelapse.shared.protocol.CaptureConfig;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.refusal.RefusedException;

/**
 * Status, configuration and capture control. Commands go through the capture state machine; a refusal comes back as
 * it is — 409 with every {@code explain()} reason and remedy — and {@code /capture/available} gives clients the same
 * answers before they ask.
 */
final class ControlRoutes {
    private final CameraControl camera;
    private final JsonBody body;

    ControlRoutes(CameraControl camera, JsonBody body) {
        this.camera = camera;
        this.body = body;
    }

    void install(RoutesConfig routes) {
        AgentApp.getAndHead(routes, "/api/v1/status", ctx -> {
            Query.of(ctx, Set.of());
            ctx.json(camera.status());
        });
        AgentApp.getAndHead(routes, "/api/v1/config", ctx -> {
            Query.of(ctx, Set.of());
            ctx.json(camera.config());
        });
        routes.put("/api/v1/config", this::configure);
        AgentApp.getAndHead(routes, "/api/v1/capture/available", this::available);
        routes.post("/api/v1/capture/{command}", this::command);
        routes.get("/api/v1/preview", this::preview);
    }

    private void configure(Context ctx) {
        Query.of(ctx, Set.of());
        CaptureConfig config = body.read(ctx, CaptureConfig.class);
        List<Refusal> problems = config.problems();
        if (!problems.isEmpty()) {
            throw new RefusedException(problems);
        }
        ctx.json(camera.configure(config, "configuration sent by " + ctx.ip()));
    }

    private void available(Context ctx) {
        Query.of(ctx, Set.of());
        List<String> available = new ArrayList<>();
        Map<String, List<Map<String, Object>>> refused = new LinkedHashMap<>();
        for (CaptureCommand command : CaptureCommand.values()) {
            List<Refusal> reasons = camera.explain(command);
            if (reasons.isEmpty()) {
                available.add(command.wireName());
            } else {
                refused.put(command.wireName(), reasons.stream().map(Refusal::toFields).toList());
            }
        }
        ctx.json(new CaptureAvailability(available, refused));
    }

    private void command(Context ctx) {
        Query.of(ctx, Set.of());
        String name = ctx.pathParam("command");
        CaptureCommand command = CaptureCommand.fromWireName(name).orElseThrow(() -> new RefusedException(
                Refusal.of(Refusal.Kind.NOT_FOUND, "api.unknown_command", "There is no capture command '"
                        + Query.bounded(name) + "'", "use one of " + Arrays.stream(CaptureCommand.values())
                                .map(CaptureCommand::wireName).collect(Collectors.joining(", ")))
                        .withDetails(Map.of("field", "command"))));
        ctx.json(camera.perform(command, command.wireName() + " requested by " + ctx.ip()));
    }

    private void preview(Context ctx) {
        Query.of(ctx, Set.of());
        byte[] jpeg = camera.preview();
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("image/jpeg").result(jpeg);
    }
}
