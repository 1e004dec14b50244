package studio.timelapse.camera.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.json.JavalinJackson;
import io.javalin.security.RouteRole;
import jakarta.servlet.DispatcherType;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import studio.timelapse.shared.actionlog.ActionLog;

/**
 * Builds the agent's HTTP app, the LAN protocol under {@code /api/v1} (docs/protocol.md), from the parts it serves:
 * the frames, the camera's control, the event hub and the log folder. Nothing is static: each build is a separate app,
 * unstarted, for the caller to start on its host and port (or to extend first — authentication and TLS are added as
 * extensions).
 *
 * <pre>{@code
 * Javalin app = AgentApp.builder(log)
 *         .agent("cam-7f3a", "0.4.0")
 *         .frames(frameSource).camera(cameraControl).events(hub).logFolder(home.logs())
 *         .publicRole(AccessControl.Access.PUBLIC).extension(accessControl::install)
 *         .build();
 * app.start("0.0.0.0", 8443);
 * }</pre>
 */
public final class AgentApp {
    /** The largest request body accepted (413 beyond): protocol bodies are a few kilobytes. */
    public static final long MAX_REQUEST_BYTES = 64 * 1024;
    /** Event streams served at once (503 beyond). */
    public static final int DEFAULT_MAX_EVENT_CLIENTS = 16;

    private AgentApp() {}

    public static Builder builder(ActionLog log) {
        return new Builder(log);
    }

    /** Registers {@code handler} for GET and for HEAD, where Jetty sends the same headers and drops the body. */
    static void getAndHead(RoutesConfig routes, String path, Handler handler) {
        routes.get(path, handler);
        routes.head(path, handler);
    }

    /** The parts and settings of one app. */
    public static final class Builder {
        private final ActionLog log;
        private FrameSource frames;
        private CameraControl camera;
        private EventHub events;
        private final List<Path> logFolders = new ArrayList<>();
        private String agentId;
        private String version;
        private Clock clock = Clock.systemUTC();
        private LongSupplier nanoTime = System::nanoTime;
        private Duration heartbeatEvery = Duration.ofSeconds(15);
        private int maxEventClients = DEFAULT_MAX_EVENT_CLIENTS;
        private final List<RouteRole> publicRoles = new ArrayList<>();
        private final List<Consumer<JavalinConfig>> extensions = new ArrayList<>();

        private Builder(ActionLog log) {
            this.log = Objects.requireNonNull(log, "log");
        }

        /** Who this agent is, for the health route. */
        public Builder agent(String id, String agentVersion) {
            this.agentId = id;
            this.version = agentVersion;
            return this;
        }

        public Builder frames(FrameSource source) {
            this.frames = source;
            return this;
        }

        public Builder camera(CameraControl control) {
            this.camera = control;
            return this;
        }

        public Builder events(EventHub hub) {
            this.events = hub;
            return this;
        }

        /** The folder of the agent's action log, which {@code GET /api/v1/logs/{task}} reads. */
        public Builder logFolder(Path folder) {
            logFolders.add(folder);
            return this;
        }

        public Builder clock(Clock wallClock, LongSupplier monotonicNanos) {
            this.clock = wallClock;
            this.nanoTime = monotonicNanos;
            return this;
        }

        /**
         * How often the event stream carries a heartbeat (15 s); zero for none (tests send them by hand). Keep it well
         * under the connectors' idle timeout (Jetty's 30 s), which would otherwise cut quiet streams.
         */
        public Builder heartbeatEvery(Duration interval) {
            this.heartbeatEvery = interval;
            return this;
        }

        public Builder maxEventClients(int clients) {
            this.maxEventClients = clients;
            return this;
        }

        /** The route role that marks the health route public for the access control. */
        public Builder publicRole(RouteRole role) {
            publicRoles.add(role);
            return this;
        }

        /** Further configuration — authentication, TLS connectors, pairing routes — applied after the API's own. */
        public Builder extension(Consumer<JavalinConfig> extension) {
            extensions.add(extension);
            return this;
        }

        public Javalin build() {
            Objects.requireNonNull(frames, "frames");
            Objects.requireNonNull(camera, "camera");
            Objects.requireNonNull(events, "events");
            Objects.requireNonNull(agentId, "agent id");
            ObjectMapper json = ApiJson.mapper();
            JsonBody body = new JsonBody(json);
            HealthRoute health = new HealthRoute(agentId, version, clock.instant(), clock,
                    publicRoles.toArray(RouteRole[]::new));
            FrameRoutes frameRoutes = new FrameRoutes(frames, new FrameDownload(clock), body);
            ControlRoutes control = new ControlRoutes(camera, body);
            EventStream stream = new EventStream(events, json, maxEventClients);
            LogRoutes logs = new LogRoutes(logFolders);
            RequestLog requests = new RequestLog(log, nanoTime);
            HeartbeatTicker ticker = new HeartbeatTicker(events, heartbeatEvery);
            return Javalin.create(config -> {
                config.startup.showJavalinBanner = false;
                config.startup.showOldJavalinVersionWarning = false;
                config.http.maxRequestSize = MAX_REQUEST_BYTES;
                config.http.prefer405over404 = true;
                config.http.compressionStrategy = CompressionStrategy.NONE; // JPEGs do not shrink; a Pi's CPU is small
                config.jsonMapper(new JavalinJackson(json, false));
                config.jetty.modifyServletContextHandler(context -> context.addFilter(requests, "/*",
                        EnumSet.of(DispatcherType.REQUEST)));
                config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorPages(log, json)));
                new ApiErrors(log, json).install(config);
                health.install(config.routes);
                control.install(config.routes);
                frameRoutes.install(config.routes);
                stream.install(config.routes);
                logs.install(config.routes);
                config.events.serverStarted(ticker::start);
                config.events.serverStopping(() -> {
                    ticker.stop();
                    events.close();
                });
                extensions.forEach(extension -> extension.accept(config));
            });
        }
    }
}
