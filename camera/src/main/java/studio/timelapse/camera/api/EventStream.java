package studio.timelapse.camera.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.camera.http.HttpRefusal;

/**
 * {@code GET /api/v1/events}: the agent's events as server-sent events (framed by Javalin's {@link SseClient}), one
 * writer per client taking from the client's own queue, so that a slow client holds up nobody else. The request's
 * action stays open while the stream does and ends with how many events went out and why the stream ended.
 */
final class EventStream {
    private final EventHub hub;
    private final ObjectMapper json;
    private final int maxClients;

    EventStream(EventHub hub, ObjectMapper json, int maxClients) {
        this.hub = hub;
        this.json = json;
        this.maxClients = maxClients;
    }

    void install(RoutesConfig routes) {
        routes.get("/api/v1/events", this::open);
    }

    private void open(Context ctx) {
        Query.of(ctx, Set.of());
        String accept = ctx.header("Accept");
        if (accept == null || !accept.contains("text/event-stream")) {
            throw HttpRefusal.withStatus(406, Invalid.input("Accept", "api.not_event_stream",
                    "The event stream is sent as text/event-stream only", "send Accept: text/event-stream"));
        }
        if (hub.clients() >= maxClients) {
            throw HttpRefusal.withStatus(503, Refusal.of(Refusal.Kind.LOCKED, "api.too_many_streams",
                    "The agent already serves " + maxClients + " event streams", "close one, or poll instead"),
                    Map.of("Retry-After", "10"));
        }
        RequestScope scope = RequestScope.of(ctx);
        EventSubscription subscription = hub.subscribe(Optional.ofNullable(ctx.header("Last-Event-ID")),
                scope.action(), ctx.ip(), () -> hangUp(ctx));
        ctx.status(200);
        ctx.res().setCharacterEncoding("UTF-8");
        ctx.res().setContentType("text/event-stream");
        ctx.header("Cache-Control", "no-cache");
        ctx.header("X-Accel-Buffering", "no");
        try {
            ctx.res().flushBuffer();
        } catch (IOException clientGone) {
            hub.unsubscribe(subscription);
            scope.addEndFields("events_sent", 0, "ended", "the client went away");
            return;
        }
        pump(new SseClient(ctx), subscription, scope);
    }

    /**
     * Writes the client's events until it goes away or the hub ends its stream. On this request's own thread, not
     * Javalin's async executor: the request then stays whole until the writer has finished, even when the hub hangs
     * up on a client that stopped reading (an asynchronous response would be recycled under the writer's feet).
     */
    private void pump(SseClient client, EventSubscription subscription, RequestScope scope) {
        long sent = 0;
        String ended = "the client went away";
        try {
            while (true) {
                Optional<StreamedEvent> next = subscription.next();
                if (next.isEmpty()) {
                    break;
                }
                StreamedEvent event = next.get();
                client.sendEvent(event.event().type(), json.writeValueAsString(event.event()), event.id().orElse(null));
                if (client.terminated()) {
                    break;
                }
                sent++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event could not be written as JSON", e);
        } finally {
            hub.unsubscribe(subscription);
            scope.addEndFields("events_sent", sent, "ended", subscription.endedBecause().orElse(ended));
        }
    }

    /**
     * Makes a writer stuck on this client's full socket give up: the connection's idle timeout drops to a millisecond,
     * so Jetty itself fails the pending write on its own thread (closing the endpoint from the publisher's thread
     * races with Jetty's write callbacks). Best effort, and never an exception for the publisher.
     */
    private static void hangUp(Context ctx) {
        try {
            ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
            if (request != null) {
                request.getConnectionMetaData().getConnection().getEndPoint().setIdleTimeout(1);
            }
        } catch (RuntimeException e) {
            // The connection is already gone.
        }
    }
}
