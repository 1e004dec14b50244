package studio.timelapse.desktop.cameras.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import studio.timelapse.shared.actionlog.Action;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.protocol.AgentEvent;

/**
 * One agent's event stream ({@code GET /api/v1/events}), kept open on a thread of its own until closed: it
 * reconnects after every break with {@code Last-Event-ID}, so that the agent replays what was missed (or says
 * {@code events_missed} when it cannot), waits longer after each failed attempt (doubling, with jitter, up to a
 * maximum; {@code Retry-After} when the agent asks), and treats a stream without a line for the idle timeout — the
 * agent sends a heartbeat every 15 s — as broken. A heartbeat naming another last event than the last one seen means
 * events were lost on the way: it reconnects at once.
 */
public final class EventSubscription implements AutoCloseable {
    /** How the subscription waits and watches. */
    public record Timing(Duration firstRetry, Duration longestRetry, Duration idleTimeout) {
        /** 0.5 s doubling to 30 s; 45 s without a line (three heartbeats) is a dead stream. */
        public static Timing defaults() {
            return new Timing(Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(45));
        }
    }

    /** Opens the stream, answering its response (2xx) or throwing what the agent or the network said. */
    @FunctionalInterface
    interface Opener {
        HttpResponse<InputStream> open(Optional<String> lastEventId) throws IOException;
    }

    private final String cameraId;
    private final Opener opener;
    private final AgentEventListener listener;
    private final ObjectMapper json;
    private final ActionLog log;
    private final Timing timing;
    private final Optional<Action> parent;
    private final AtomicReference<String> lastEventId;
    private final Thread thread;
    private final ScheduledExecutorService watchdog;
    private volatile boolean closed;
    private volatile boolean connected;
    private volatile InputStream stream;
    private volatile long lastLineNanos;
    private volatile String quietReason;

    EventSubscription(String cameraId, Opener opener, AgentEventListener listener, ObjectMapper json, ActionLog log,
            Timing timing, Optional<String> lastEventId) {
        this.cameraId = cameraId;
        this.opener = opener;
        this.listener = listener;
        this.json = json;
        this.log = log;
        this.timing = timing;
        this.parent = log.current();
        this.lastEventId = new AtomicReference<>(lastEventId.orElse(null));
        this.thread = new Thread(this::run, "camera-events-" + cameraId);
        this.thread.setDaemon(true);
        this.watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread watch = new Thread(runnable, "camera-events-watchdog-" + cameraId);
            watch.setDaemon(true);
            return watch;
        });
    }

    EventSubscription start() {
        long period = Math.max(50, timing.idleTimeout().toMillis() / 4);
        watchdog.scheduleAtFixedRate(this::closeIfQuiet, period, period, TimeUnit.MILLISECONDS);
        thread.start();
        return this;
    }

    /** The id of the last event received, to resume from after a restart of the studio. */
    public Optional<String> lastEventId() {
        return Optional.ofNullable(lastEventId.get());
    }

    /** Whether the stream is open now. */
    public boolean connected() {
        return connected;
    }

    /** Stops the stream and its thread; no listener call follows once this returns. */
    @Override
    public void close() {
        closed = true;
        watchdog.shutdownNow();
        closeStream();
        thread.interrupt();
        if (Thread.currentThread() != thread) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        try (Action subscription = parent.map(p -> p.startChild("studio:camera:events", "camera", cameraId))
                .orElseGet(() -> log.startTask("studio:camera:events", "camera", cameraId))) {
            int failures = 0;
            while (!closed) {
                Exception cause;
                quietReason = null;
                try {
                    HttpResponse<InputStream> response = opener.open(Optional.ofNullable(lastEventId.get()));
                    failures = 0;
                    read(response.body());
                    cause = new IOException(quietReason != null ? quietReason : "the camera ended the event stream");
                } catch (IOException | RuntimeException e) {
                    cause = quietReason != null ? new IOException(quietReason, e) : e;
                } finally {
                    connected = false;
                    closeStream();
                }
                if (closed) {
                    break;
                }
                Duration wait = delay(failures++, cause);
                subscription.log("studio:camera:events_lost", "reason", String.valueOf(cause.getMessage()),
                        "retry_in_ms", wait.toMillis(), "last_event_id", lastEventId.get());
                Exception reported = cause;
                tell(() -> listener.onDisconnected(reported, wait));
                sleep(wait);
            }
        }
    }

    /** One open stream: events until it ends, breaks, goes quiet or shows a gap. */
    private void read(InputStream body) throws IOException {
        stream = body;
        lastLineNanos = System.nanoTime();
        if (closed) {
            return;
        }
        connected = true;
        log.message("studio:camera:events_connected", "last_event_id", lastEventId.get());
        tell(listener::onConnected);
        ServerSentEvents events = new ServerSentEvents(new BufferedReader(new InputStreamReader(stream,
                StandardCharsets.UTF_8)), () -> lastLineNanos = System.nanoTime());
        for (Optional<ServerSentEvents.Event> next = events.next(); next.isPresent() && !closed; next = events.next()) {
            ServerSentEvents.Event event = next.get();
            Optional<AgentEvent> parsed = parse(event);
            parsed.ifPresent(agentEvent -> tell(() -> listener.onEvent(agentEvent)));
            // The id counts once the listener has seen the event: a replay after a break starts after it.
            event.id().ifPresent(lastEventId::set);
            if (parsed.orElse(null) instanceof AgentEvent.Heartbeat heartbeat && missedSome(heartbeat)) {
                quietReason = "the heartbeat names event " + heartbeat.lastEventId().orElse("?") + " but the last one"
                        + " received was " + lastEventId.get();
                return;
            }
        }
    }

    private boolean missedSome(AgentEvent.Heartbeat heartbeat) {
        String seen = lastEventId.get();
        return seen != null && heartbeat.lastEventId().isPresent() && !heartbeat.lastEventId().get().equals(seen);
    }

    private Optional<AgentEvent> parse(ServerSentEvents.Event event) {
        try {
            return Optional.of(json.readValue(event.data(), AgentEvent.class));
        } catch (com.fasterxml.jackson.databind.exc.InvalidTypeIdException e) {
            log.message("studio:camera:event_skipped", "event", event.name(), "reason", "a type this studio does not"
                    + " know (a newer agent?)");
        } catch (IOException e) {
            log.message("studio:camera:event_skipped", "event", event.name(), "reason", "unreadable: "
                    + e.getMessage());
        }
        return Optional.empty();
    }

    private void tell(Runnable call) {
        if (closed) {
            return;
        }
        try {
            call.run();
        } catch (RuntimeException e) {
            log.message("studio:camera:event_listener_failed", "exception", e.getClass().getName(), "reason",
                    String.valueOf(e.getMessage()));
        }
    }

    private Duration delay(int failures, Exception cause) {
        long first = timing.firstRetry().toMillis();
        long longest = timing.longestRetry().toMillis();
        long millis = failures >= 30 ? longest : Math.min(longest, first << failures);
        millis = Math.round(millis * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble())); // apart, not in step
        if (cause instanceof AgentFailedException failed && failed.retryAfter().isPresent()) {
            millis = Math.max(millis, failed.retryAfter().get().toMillis());
        }
        return Duration.ofMillis(millis);
    }

    private void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            // close() interrupts the wait; the loop sees closed.
        }
    }

    private void closeIfQuiet() {
        InputStream open = stream;
        if (open != null && connected
                && System.nanoTime() - lastLineNanos > timing.idleTimeout().toNanos()) {
            quietReason = "no heartbeat from the camera for " + timing.idleTimeout().toSeconds() + " s";
            closeStream();
        }
    }

    private void closeStream() {
        InputStream open = stream;
        stream = null;
        if (open != null) {
            try {
                open.close();
            } catch (IOException e) {
                // Closing to stop reading: nothing left to save.
            }
        }
    }
}
