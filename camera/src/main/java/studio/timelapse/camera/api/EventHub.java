package studio.timelapse.camera.api;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import studio.timelapse.shared.actionlog.Action;
import studio.timelapse.shared.protocol.AgentEvent;

/**
 * The agent's events on their way to every connected studio. {@link #publish} numbers an event, keeps it in a
 * bounded replay buffer and queues it for each client without waiting for any of them; a client that reconnects with
 * {@code Last-Event-ID} gets what it missed from the buffer, or — when that is gone (too old, or the agent restarted)
 * — an {@link AgentEvent.EventsMissed} notice telling it to catch up by polling. Thread-safe.
 *
 * <p>Event ids are {@code <stream>.<number>}: the stream is chosen at random when the hub is made, so an id from
 * before a restart is recognised as such rather than mistaken for a recent one.
 */
public final class EventHub {
    /** Events kept for reconnecting clients. */
    public static final int DEFAULT_REPLAY = 500;
    /** Events a client may fall behind before it is dropped; more than the replay, so a full replay fits. */
    public static final int DEFAULT_CLIENT_QUEUE = 1000;

    private static final Pattern EVENT_ID = Pattern.compile("([a-z0-9]{1,16})\\.([1-9][0-9]{0,17})");

    private final String stream;
    private final Clock clock;
    private final int replayCapacity;
    private final int queueCapacity;
    private final Deque<StreamedEvent> replay = new ArrayDeque<>();
    private final List<EventSubscription> subscriptions = new ArrayList<>();
    private long lastNumber;
    private boolean closed;

    public EventHub(String stream, Clock clock, int replayCapacity, int queueCapacity) {
        if (!stream.matches("[a-z0-9]{1,16}")) {
            throw new IllegalArgumentException("a stream id is 1–16 lower-case letters or digits: " + stream);
        }
        if (replayCapacity < 1 || queueCapacity <= replayCapacity) {
            throw new IllegalArgumentException("a client's queue must hold a whole replay: queue " + queueCapacity
                    + ", replay " + replayCapacity);
        }
        this.stream = stream;
        this.clock = clock;
        this.replayCapacity = replayCapacity;
        this.queueCapacity = queueCapacity;
    }

    /** A hub with a random stream id and the default sizes. */
    public static EventHub create(Clock clock) {
        String stream = Long.toString(new SecureRandom().nextLong() & Long.MAX_VALUE, 36);
        return new EventHub(stream.substring(0, Math.min(8, stream.length())), clock, DEFAULT_REPLAY,
                DEFAULT_CLIENT_QUEUE);
    }

    /** Sends an event to every connected client and keeps it for reconnecting ones. */
    public void publish(AgentEvent event) {
        List<EventSubscription> behind;
        synchronized (this) {
            StreamedEvent numbered = new StreamedEvent(Optional.of(stream + "." + ++lastNumber), event);
            replay.addLast(numbered);
            if (replay.size() > replayCapacity) {
                replay.removeFirst();
            }
            behind = deliver(numbered);
        }
        behind.forEach(EventSubscription::drop); // outside the lock: dropping logs and closes a connection
    }

    /** Sends a {@link AgentEvent.Heartbeat}: not numbered and not kept, since a missed heartbeat needs no replay. */
    public void heartbeat() {
        List<EventSubscription> behind;
        synchronized (this) {
            Optional<String> last = lastNumber == 0 ? Optional.empty() : Optional.of(stream + "." + lastNumber);
            behind = deliver(new StreamedEvent(Optional.empty(), new AgentEvent.Heartbeat(clock.instant(), last)));
        }
        behind.forEach(EventSubscription::drop);
    }

    public synchronized int clients() {
        return subscriptions.size();
    }

    /**
     * Connects a client: its queue starts with what it missed since {@code lastEventId}, if anything.
     *
     * @param request the client's request action, where a drop is logged
     * @param hangUp closes the client's connection
     * @throws studio.timelapse.shared.refusal.RefusedException INVALID when {@code lastEventId} is not an event id
     */
    EventSubscription subscribe(Optional<String> lastEventId, Action request, String client, Runnable hangUp) {
        Optional<Matcher> last = lastEventId.map(id -> {
            Matcher matcher = EVENT_ID.matcher(id);
            if (!matcher.matches()) {
                throw Invalid.refused("Last-Event-ID", "api.event_id", "'" + Query.bounded(id)
                        + "' is not an event id of this agent", "send the id of the last event received, or none");
            }
            return matcher;
        });
        EventSubscription subscription = new EventSubscription(queueCapacity, request, client, hangUp);
        synchronized (this) {
            if (closed) {
                subscription.close("the agent is stopping");
                return subscription;
            }
            last.ifPresent(matcher -> catchUp(subscription, matcher.group(1), Long.parseLong(matcher.group(2))));
            subscriptions.add(subscription);
        }
        return subscription;
    }

    synchronized void unsubscribe(EventSubscription subscription) {
        subscriptions.remove(subscription);
    }

    /** Ends every stream and refuses new ones: the agent is stopping. */
    public void close() {
        List<EventSubscription> all;
        synchronized (this) {
            closed = true;
            all = List.copyOf(subscriptions);
            subscriptions.clear();
        }
        all.forEach(subscription -> subscription.close("the agent is stopping"));
    }

    private void catchUp(EventSubscription subscription, String lastStream, long lastSeen) {
        long oldestKept = replay.isEmpty() ? lastNumber + 1 : number(replay.peekFirst());
        String missed = null;
        if (!lastStream.equals(stream)) {
            missed = "the agent restarted since event " + lastStream + "." + lastSeen + "; earlier events are gone";
        } else if (lastSeen > lastNumber) {
            missed = "event " + lastStream + "." + lastSeen + " was never sent; the last was " + stream + "."
                    + lastNumber;
        } else if (lastSeen < oldestKept - 1) {
            missed = "more than " + replayCapacity + " events followed " + lastStream + "." + lastSeen
                    + "; only the last " + replayCapacity + " are kept";
        }
        if (missed != null) {
            subscription.offer(new StreamedEvent(Optional.empty(), new AgentEvent.EventsMissed(missed)));
            return;
        }
        for (StreamedEvent event : replay) {
            if (number(event) > lastSeen) {
                subscription.offer(event);
            }
        }
    }

    private List<EventSubscription> deliver(StreamedEvent event) {
        List<EventSubscription> behind = new ArrayList<>();
        for (EventSubscription subscription : subscriptions) {
            if (!subscription.offer(event)) {
                behind.add(subscription);
            }
        }
        subscriptions.removeAll(behind);
        return behind;
    }

    private static long number(StreamedEvent event) {
        String id = event.id().orElseThrow();
        return Long.parseLong(id.substring(id.indexOf('.') + 1));
    }
}
