package studio.timelapse.desktop.cameras.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import studio.timelapse.shared.actionlog.Action;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.protocol.Acknowledgement;
import studio.timelapse.shared.protocol.AcknowledgementReceipt;
import studio.timelapse.shared.protocol.AgentHealth;
import studio.timelapse.shared.protocol.AgentStatus;
import studio.timelapse.shared.protocol.CaptureAvailability;
import studio.timelapse.shared.protocol.CaptureCommand;
import studio.timelapse.shared.protocol.CaptureConfig;
import studio.timelapse.shared.protocol.FrameId;
import studio.timelapse.shared.protocol.FrameInfo;
import studio.timelapse.shared.protocol.FramePage;
import studio.timelapse.shared.protocol.pairing.TokenResponse;

/**
 * The studio's HTTPS client for one paired camera agent ({@code docs/protocol.md}). It trusts only the certificate
 * pinned at pairing, gets and renews ES256 access tokens with the studio key by itself (also when the agent refuses
 * a token it thought good: one new token, one more try), and sends every request as a fresh continuation of the
 * caller's current action ({@code X-Eliot-Task-Id}), so the agent's log of the request joins the studio's task.
 *
 * <p>Every call is an action, {@code studio:camera:request} (camera, method, path; status on success). Failures:
 * <ul>
 *   <li>{@link AgentRefusedException} — a 4xx, with the agent's refusals (kind, code, reason, remedy, details);
 *   <li>{@link AgentFailedException} — a 5xx, or an answer that does not read as the protocol says;
 *   <li>{@link CameraUnreachableException} — no answer at all, or a certificate other than the pinned one.
 * </ul>
 * The last two are {@link IOException}s: they may pass, and a job retries them.
 *
 * <p>Thread-safe: one client per camera, shared by sync, the watch and remote control.
 */
public final class AgentClient implements AutoCloseable {
    private static final String API = "/api/v1";

    private final PairedAgent agent;
    private final AgentTransport transport;
    private final TokenKeeper tokens;
    private final ActionLog log;
    private final Duration requestTimeout;
    private final Duration previewTimeout;
    private final EventSubscription.Timing eventTiming;
    private final List<EventSubscription> subscriptions = new java.util.concurrent.CopyOnWriteArrayList<>();

    private AgentClient(Builder builder) {
        this.agent = builder.agent;
        this.log = builder.log;
        this.requestTimeout = builder.requestTimeout;
        this.previewTimeout = builder.previewTimeout;
        this.eventTiming = builder.eventTiming;
        this.transport = new AgentTransport(agent.describe(), agent.address(), Optional.of(agent.fingerprint()),
                builder.connectTimeout, ProtocolJson.mapper());
        this.tokens = new TokenKeeper(agent, builder.identity, builder.clock, log, this::postTokenRequest,
                builder.firstChallenge);
    }

    /** A client for {@code agent}, signing token requests with {@code identity}; see {@link Builder} for options. */
    public static Builder builder(PairedAgent agent, StudioIdentity identity, ActionLog log) {
        return new Builder(agent, identity, log);
    }

    public PairedAgent agent() {
        return agent;
    }

    /** {@code GET /api/v1/health}: that the agent runs, which one, which version. No token needed. */
    public AgentHealth health() throws IOException {
        AgentTransport.Call call = AgentTransport.Call.get(API + "/health", requestTimeout);
        return exchange(call, false, response -> transport.read(call, response, AgentHealth.class));
    }

    /** {@code GET /api/v1/status}: the capture's state, configuration, free space, counts and last error. */
    public AgentStatus status() throws IOException {
        return getJson(API + "/status", AgentStatus.class);
    }

    /** {@code GET /api/v1/config}: the capture configuration in force. */
    public CaptureConfig config() throws IOException {
        return getJson(API + "/config", CaptureConfig.class);
    }

    /**
     * {@code PUT /api/v1/config}: the configuration in force after the change. Every problem with it comes back at
     * once as refusals (400, each with its {@code field}); a change the agent's state does not allow is a 409.
     */
    public CaptureConfig putConfig(CaptureConfig config) throws IOException {
        return sendJson("PUT", API + "/config", config, CaptureConfig.class);
    }

    /**
     * {@code POST /api/v1/capture/{command}}: the agent's status after the command, or its capture state machine's
     * refusal (409, every reason at once).
     */
    public AgentStatus capture(CaptureCommand command) throws IOException {
        return sendJson("POST", API + "/capture/" + command.wireName(), null, AgentStatus.class);
    }

    /** {@code GET /api/v1/capture/available}: which commands could fire now, and why not the others. */
    public CaptureAvailability available() throws IOException {
        return getJson(API + "/capture/available", CaptureAvailability.class);
    }

    /** {@code GET /api/v1/preview}: a small JPEG taken now, not stored. */
    public byte[] preview() throws IOException {
        AgentTransport.Call call = AgentTransport.Call.get(API + "/preview", previewTimeout);
        return exchange(call, true, response -> {
            try (InputStream body = response.body()) {
                return body.readAllBytes();
            } catch (IOException e) {
                throw transport.unreachable(call, e);
            }
        });
    }

    /**
     * {@code GET /api/v1/frames}: up to {@code limit} (1–1000) frames after {@code after}, in sequence order. A cursor
     * of another epoch (the camera's store was made anew) lists the current epoch from its start.
     */
    public FramePage frames(Optional<FrameId> after, int limit) throws IOException {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("a page holds 1–1000 frames, not " + limit);
        }
        String query = after.map(id -> "after=" + id + "&").orElse("") + "limit=" + limit;
        AgentTransport.Call call = AgentTransport.Call.get(API + "/frames", requestTimeout).withQuery(query);
        return exchange(call, true, response -> transport.read(call, response, FramePage.class));
    }

    /** {@code GET /api/v1/frames/latest}: the newest frame, or empty before the first. */
    public Optional<FrameInfo> latest() throws IOException {
        try {
            return Optional.of(getJson(API + "/frames/latest", FrameInfo.class));
        } catch (AgentRefusedException refused) {
            if (refused.status() == 404 && refused.hasCode("frame.none")) {
                return Optional.empty();
            }
            throw refused;
        }
    }

    /**
     * {@code GET /api/v1/frames/{id}}, streamed. With {@code fromByte} > 0 it asks for the rest of the file
     * ({@code Range: bytes=<fromByte>-}), and with {@code ifRangeEtag} only if the file is still the one with that tag
     * ({@code If-Range}); otherwise the agent sends the whole file with {@code 200}. Close the answer.
     *
     * @param ifRangeEtag the {@code ETag} of the earlier download, or the frame's sha256 (quoted if needed)
     * @throws AgentRefusedException 404 when the frame is unknown or no longer on the camera; 416 when
     *     {@code fromByte} is at or past its end
     */
    public FrameDownload download(FrameId id, long fromByte, Optional<String> ifRangeEtag) throws IOException {
        if (fromByte < 0) {
            throw new IllegalArgumentException("a download starts at byte 0 or later, not " + fromByte);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "image/jpeg");
        if (fromByte > 0) {
            headers.put("Range", "bytes=" + fromByte + "-");
            ifRangeEtag.map(tag -> tag.startsWith("\"") ? tag : "\"" + tag + "\"")
                    .ifPresent(tag -> headers.put("If-Range", tag));
        }
        AgentTransport.Call call = AgentTransport.Call.get(API + "/frames/" + id, requestTimeout).withHeaders(headers);
        return exchange(call, true, response -> new FrameDownload(id, response.statusCode(), response.headers(),
                new CutAware(response.body(), call)));
    }

    /**
     * {@code POST /api/v1/frames/ack}: the studio has stored these frames safely, so the agent's retention may delete
     * them. Safe to repeat: {@code newlyAcknowledged} is 0 then.
     */
    public AcknowledgementReceipt acknowledge(Acknowledgement acknowledgement) throws IOException {
        return sendJson("POST", API + "/frames/ack", Objects.requireNonNull(acknowledgement, "acknowledgement"),
                AcknowledgementReceipt.class);
    }

    /**
     * Subscribes to the agent's events ({@code GET /api/v1/events}) on a thread of its own, reconnecting after every
     * break; see {@link EventSubscription}. Close the subscription (or this client) to stop.
     *
     * @param lastEventId where a previous subscription stopped, to have the agent replay what followed
     */
    public EventSubscription events(Optional<String> lastEventId, AgentEventListener listener) {
        EventSubscription subscription = new EventSubscription(agent.cameraId(), this::openEvents, listener,
                transport.json(), log, eventTiming, lastEventId);
        subscriptions.add(subscription);
        return subscription.start();
    }

    /** {@link #events(Optional, AgentEventListener)} for a caller that wants only the events. */
    public EventSubscription events(Optional<String> lastEventId, Consumer<studio.timelapse.shared.protocol.AgentEvent>
            consumer) {
        return events(lastEventId, (AgentEventListener) consumer::accept);
    }

    /**
     * {@code GET /api/v1/logs/{taskUuid}}: the agent's messages of one task, as eliot JSON lines, to merge with the
     * studio's own; empty when the agent's logs do not hold it.
     */
    public List<String> taskLog(String taskUuid) throws IOException {
        AgentTransport.Call call = AgentTransport.Call.get(API + "/logs/" + taskUuid, requestTimeout);
        try {
            return exchange(call, true, response -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(),
                        StandardCharsets.UTF_8))) {
                    return lines.lines().filter(line -> !line.isBlank()).toList();
                } catch (java.io.UncheckedIOException e) {
                    throw transport.unreachable(call, e.getCause());
                }
            });
        } catch (AgentRefusedException refused) {
            if (refused.status() == 404 && refused.hasCode("log.no_task")) {
                return List.of();
            }
            throw refused;
        }
    }

    /** {@code DELETE /api/v1/pairing}: the agent forgets this studio; its tokens stop working at once. */
    public void unpair() throws IOException {
        AgentTransport.Call call = new AgentTransport.Call("DELETE", API + "/pairing", Optional.empty(),
                Optional.empty(), Map.of(), requestTimeout);
        exchange(call, true, response -> {
            response.body().close();
            return null;
        });
    }

    /** The client's token keeper (tests hand it a token the agent will refuse). */
    TokenKeeper tokens() {
        return tokens;
    }

    /** Stops every event subscription of this client. */
    @Override
    public void close() {
        subscriptions.forEach(EventSubscription::close);
        subscriptions.clear();
    }

    // --- the one path every request takes ---

    @FunctionalInterface
    private interface Reader<T> {
        T read(HttpResponse<InputStream> response) throws IOException;
    }

    private <T> T getJson(String path, Class<T> type) throws IOException {
        AgentTransport.Call call = AgentTransport.Call.get(path, requestTimeout);
        return exchange(call, true, response -> transport.read(call, response, type));
    }

    private <T> T sendJson(String method, String path, Object body, Class<T> type) throws IOException {
        AgentTransport.Call call = new AgentTransport.Call(method, path, Optional.empty(),
                Optional.ofNullable(body).map(transport::write), Map.of(), requestTimeout);
        return exchange(call, true, response -> transport.read(call, response, type));
    }

    /**
     * One call as one action: a fresh task id for each attempt; with a token when {@code authenticated}, and once
     * more with a new token when the agent refuses the one sent.
     */
    private <T> T exchange(AgentTransport.Call call, boolean authenticated, Reader<T> reader) throws IOException {
        try (Action action = log.start("studio:camera:request", "camera", agent.cameraId(), "method", call.method(),
                "path", call.path())) {
            try {
                HttpResponse<InputStream> response = authenticated ? sendWithToken(call, action)
                        : transport.send(call, action.serializeTaskId(), Optional.empty());
                action.addSuccessFields("status", response.statusCode());
                return reader.read(response);
            } catch (IOException e) {
                throw action.fail(e);
            } catch (RuntimeException e) {
                throw action.fail(e);
            }
        }
    }

    private HttpResponse<InputStream> sendWithToken(AgentTransport.Call call, Action action) throws IOException {
        String token = tokens.token();
        try {
            return transport.send(call, action.serializeTaskId(), Optional.of(token));
        } catch (AgentRefusedException refused) {
            if (!TokenKeeper.renewable(refused)) {
                throw refused;
            }
            action.log("studio:camera:token_refused", "code", refused.code());
            tokens.discard(token);
            return transport.send(call, action.serializeTaskId(), Optional.of(tokens.token()));
        }
    }

    private TokenResponse postTokenRequest(studio.timelapse.shared.protocol.pairing.TokenRequest request)
            throws IOException {
        AgentTransport.Call call = new AgentTransport.Call("POST", API + "/token", Optional.empty(),
                Optional.of(transport.write(request)), Map.of(), requestTimeout);
        return exchange(call, false, response -> transport.read(call, response, TokenResponse.class));
    }

    private HttpResponse<InputStream> openEvents(Optional<String> lastEventId) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "text/event-stream");
        lastEventId.ifPresent(id -> headers.put("Last-Event-ID", id));
        AgentTransport.Call call = AgentTransport.Call.get(API + "/events", requestTimeout).withHeaders(headers);
        return exchange(call, true, response -> response);
    }

    /** A download body whose broken connection says which camera and frame it was. */
    private final class CutAware extends FilterInputStream {
        private final AgentTransport.Call call;

        CutAware(InputStream body, AgentTransport.Call call) {
            super(body);
            this.call = call;
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                throw transport.unreachable(call, e);
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return super.read(buffer, offset, length);
            } catch (IOException e) {
                throw transport.unreachable(call, e);
            }
        }
    }

    /** Options of a client; the defaults suit a camera on the LAN. */
    public static final class Builder {
        private final PairedAgent agent;
        private final StudioIdentity identity;
        private final ActionLog log;
        private Clock clock = Clock.systemUTC();
        private Optional<String> firstChallenge = Optional.empty();
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private Duration previewTimeout = Duration.ofSeconds(60);
        private EventSubscription.Timing eventTiming = EventSubscription.Timing.defaults();

        private Builder(PairedAgent agent, StudioIdentity identity, ActionLog log) {
            this.agent = Objects.requireNonNull(agent, "agent");
            this.identity = Objects.requireNonNull(identity, "identity");
            this.log = Objects.requireNonNull(log, "log");
        }

        /** The studio's clock, which decides when a token is due for renewal. */
        public Builder clock(Clock newClock) {
            clock = Objects.requireNonNull(newClock, "clock");
            return this;
        }

        /** The challenge from the pairing answer, which saves the first token request a round trip. */
        public Builder firstChallenge(String challenge) {
            firstChallenge = Optional.ofNullable(challenge).filter(text -> !text.isBlank());
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            connectTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** How long to wait for an answer's headers (a download's body may take longer). */
        public Builder requestTimeout(Duration timeout) {
            requestTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        public Builder previewTimeout(Duration timeout) {
            previewTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        public Builder eventTiming(EventSubscription.Timing timing) {
            eventTiming = Objects.requireNonNull(timing, "timing");
            return this;
        }

        public AgentClient build() {
            return new AgentClient(this);
        }
    }
}
