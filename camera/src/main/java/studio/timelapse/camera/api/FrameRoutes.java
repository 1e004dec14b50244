package studio.timelapse.camera.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import studio.timelapse.shared.protocol.Acknowledgement;
import studio.timelapse.shared.protocol.AcknowledgementReceipt;
import studio.timelapse.shared.protocol.FrameId;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.refusal.RefusedException;

/** The frame routes: pages after a cursor, the newest frame, each frame's JPEG, and acknowledgements. */
final class FrameRoutes {
    static final int DEFAULT_PAGE = 100;

    private final FrameSource frames;
    private final FrameDownload download;
    private final JsonBody body;

    FrameRoutes(FrameSource frames, FrameDownload download, JsonBody body) {
        this.frames = frames;
        this.download = download;
        this.body = body;
    }

    void install(RoutesConfig routes) {
        AgentApp.getAndHead(routes, "/api/v1/frames", this::list);
        AgentApp.getAndHead(routes, "/api/v1/frames/latest", this::latest);
        routes.post("/api/v1/frames/ack", this::acknowledge);
        AgentApp.getAndHead(routes, "/api/v1/frames/{id}", this::frame);
    }

    private void list(Context ctx) {
        Query query = Query.of(ctx, Set.of("after", "limit"));
        Optional<FrameId> after = query.single("after").map(text -> FrameIds.parse(text, "after"));
        int limit = query.integer("limit", 1, FrameSource.MAX_PAGE, DEFAULT_PAGE);
        ctx.json(frames.after(after, limit));
    }

    private void latest(Context ctx) {
        Query.of(ctx, Set.of());
        ctx.json(frames.latest().orElseThrow(() -> new RefusedException(Refusal.of(Refusal.Kind.NOT_FOUND,
                "frame.none", "The camera holds no frames yet", "start capturing, or wait for the first frame"))));
    }

    private void frame(Context ctx) throws IOException {
        Query.of(ctx, Set.of());
        FrameId id = FrameIds.parse(ctx.pathParam("id"), "id");
        FrameSource.FrameFile frame = frames.download(id)
                .orElseThrow(() -> notFound(id, "The camera has no frame " + id));
        Path file = frame.file().orElseThrow(() -> notFound(id, "Frame " + id + " is no longer on the camera"));
        download.send(ctx, frame, file);
    }

    private void acknowledge(Context ctx) {
        Query.of(ctx, Set.of());
        Acknowledgement acknowledgement = body.read(ctx, Acknowledgement.class);
        ctx.json(new AcknowledgementReceipt(acknowledgement, frames.acknowledge(acknowledgement)));
    }

    private static RefusedException notFound(FrameId id, String reason) {
        return new RefusedException(Refusal.of(Refusal.Kind.NOT_FOUND, "frame.not_found", reason,
                "list the frames again: GET /api/v1/frames").withDetails(Map.of("id", id.toString())));
    }
}
