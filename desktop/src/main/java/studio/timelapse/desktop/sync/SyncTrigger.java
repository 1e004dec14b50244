package studio.timelapse.desktop.sync;

import java.time.Duration;
import studio.timelapse.desktop.cameras.CameraWatch;
import studio.timelapse.desktop.cameras.client.AgentEventListener;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.protocol.AgentEvent;
import studio.timelapse.shared.protocol.FrameInfo;

/**
 * Starts syncs when cameras have something new: for each frame a camera announces (so an online studio has it
 * within a second of its capture), and to catch up whenever a camera's event stream opens again after events may
 * have been missed (the camera was offline, the stream broke, the agent could not replay). A camera that does not
 * answer is then retried by the sync job itself, with backoff.
 */
public final class SyncTrigger implements CameraWatch.Listener {
    private final SyncScheduler scheduler;
    private final ActionLog log;

    public SyncTrigger(SyncScheduler scheduler, ActionLog log) {
        this.scheduler = scheduler;
        this.log = log;
    }

    /** A frame is stored on the camera: sync through it. */
    @Override
    public void onFrameCaptured(String cameraId, FrameInfo frame) {
        try {
            scheduler.captured(cameraId, frame.id());
        } catch (RuntimeException e) {
            log.message("studio:sync:trigger_failed", "camera", cameraId, "frame", frame.id().toString(),
                    "exception", e.getClass().getName(), "reason", e.getMessage());
        }
    }

    /** The camera's stream (re)opened and events may have been lost: sync whatever is new. */
    @Override
    public void onCatchUp(String cameraId) {
        try {
            scheduler.request(cameraId);
        } catch (RuntimeException e) {
            log.message("studio:sync:trigger_failed", "camera", cameraId, "exception", e.getClass().getName(),
                    "reason", e.getMessage());
        }
    }

    /**
     * Listens to one camera's event stream directly ({@code AgentClient.events}), for a process that follows sync
     * without the studio's {@link CameraWatch} (which calls {@link #onFrameCaptured} and {@link #onCatchUp} itself).
     */
    public AgentEventListener listenerFor(String cameraId) {
        return new AgentEventListener() {
            @Override
            public void onConnected() {
                onCatchUp(cameraId);
            }

            @Override
            public void onEvent(AgentEvent event) {
                if (event instanceof AgentEvent.FrameCaptured captured) {
                    onFrameCaptured(cameraId, captured.frame());
                } else if (event instanceof AgentEvent.EventsMissed) {
                    onCatchUp(cameraId);
                }
            }

            @Override
            public void onDisconnected(Exception cause, Duration retryIn) {
                log.message("studio:sync:camera_stream_lost", "camera", cameraId, "reason", cause.getMessage(),
                        "retry_in_s", retryIn.toMillis() / 1000.0);
            }
        };
    }
}
