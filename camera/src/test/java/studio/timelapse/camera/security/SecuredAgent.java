package studio.timelapse.camera.security;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import studio.timelapse.camera.pairing.Opener;
import studio.timelapse.shared.db.SqliteDatabase;
import studio.timelapse.shared.testing.ManualClock;
import studio.timelapse.shared.testing.RecordingLog;

/**
 * A camera agent's security on real HTTPS on 127.0.0.1: its identity and database in {@code home}, a manual clock
 * for windows, challenges and tokens, and a few routes as the agent's app would add them — a public health route and
 * protected ones, among them one with a path parameter and a WebSocket.
 */
final class SecuredAgent implements AutoCloseable, PairableAgent {
    static final String WHOAMI = "/api/v1/whoami";

    final ManualClock clock;
    final RecordingLog recording;
    final SqliteDatabase db;
    final AgentSecurity security;
    final Javalin app;

    private SecuredAgent(Path home, ManualClock clock, Consumer<JavalinConfig> moreRoutes,
            UnaryOperator<AgentSecurity.Builder> options) {
        this.clock = clock;
        this.recording = new RecordingLog(clock, clock);
        this.db = SqliteDatabase.open(home.resolve("agent.db"));
        this.security = options.apply(AgentSecurity.builder(home.resolve("identity"), db, recording.log())
                .clock(clock).hostName("campi")).build();
        Javalin created = Javalin.create(config -> {
            security.install(config, "127.0.0.1", 0);
            moreRoutes.accept(config);
            config.routes.get("/api/v1/health", ctx -> ctx.json(java.util.Map.of("status", "ok")),
                    AccessControl.Access.PUBLIC);
            config.routes.get(WHOAMI, ctx -> ctx.result(AccessControl.studio(ctx).studioId()));
            config.routes.get("/api/v1/frames", ctx -> ctx.result("[]"));
            config.routes.get("/api/v1/frames/{id}", ctx -> ctx.result("frame " + ctx.pathParam("id")));
            config.routes.post("/api/v1/capture", ctx -> ctx.status(202));
            config.routes.put("/api/v1/settings", ctx -> ctx.status(204));
            config.routes.ws("/api/v1/events", ws -> ws.onConnect(connection -> connection.send("hello")));
        });
        try {
            this.app = created.start();
        } catch (RuntimeException e) {
            db.close();
            recording.close();
            throw e;
        }
    }

    static SecuredAgent start(Path home) {
        return start(home, config -> { });
    }

    static SecuredAgent start(Path home, Consumer<JavalinConfig> moreRoutes) {
        return start(home, moreRoutes, UnaryOperator.identity());
    }

    /** With {@code options} applied to the security's builder (a cipher order, a token cache size, …). */
    static SecuredAgent startWith(Path home, UnaryOperator<AgentSecurity.Builder> options) {
        return start(home, config -> { }, options);
    }

    private static SecuredAgent start(Path home, Consumer<JavalinConfig> moreRoutes,
            UnaryOperator<AgentSecurity.Builder> options) {
        return new SecuredAgent(home, new ManualClock(Instant.parse("2025-03-01T10:00:00Z")), moreRoutes, options);
    }

    @Override
    public URI uri(String path) {
        return URI.create("https://127.0.0.1:" + app.port() + path);
    }

    /** Opens a pairing window as the console command does, and returns its code. */
    @Override
    public String openWindow() {
        return security.pairingWindows().open(Opener.CONSOLE).code().digits();
    }

    @Override
    public void close() {
        app.stop();
        db.close();
        recording.close();
    }
}
