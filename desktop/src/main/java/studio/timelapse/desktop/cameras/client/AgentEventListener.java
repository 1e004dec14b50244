package studio.timelapse.desktop.cameras.client;

import java.time.Duration;
import studio.timelapse.shared.protocol.AgentEvent;

/**
 * What an {@link EventSubscription} tells its owner, on the subscription's own thread, in order. A listener that
 * throws is logged and skipped for that event; the stream goes on.
 */
public interface AgentEventListener {
    /** An event from the agent: a frame captured, a state change, a task update, a heartbeat, events missed. */
    void onEvent(AgentEvent event);

    /** The stream is open (again); events follow. */
    default void onConnected() {}

    /**
     * The stream broke or could not be opened; the subscription tries again after {@code retryIn}.
     *
     * @param cause what happened: a {@link CameraUnreachableException}, an {@link AgentRefusedException} (not paired
     *     any more), an {@link AgentFailedException} ({@code 503}: too many streams), or a stream that went quiet
     */
    default void onDisconnected(Exception cause, Duration retryIn) {}
}
