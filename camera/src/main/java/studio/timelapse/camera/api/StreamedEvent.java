package studio.timelapse.camera.api;

import java.util.Optional;
import studio.timelapse.shared.protocol.AgentEvent;

/**
 * An event as the stream sends it: with its id ({@code <stream>.<number>}) when a reconnecting client can ask for
 * what followed it, without one for heartbeats and the notice of missed events.
 */
record StreamedEvent(Optional<String> id, AgentEvent event) {}
