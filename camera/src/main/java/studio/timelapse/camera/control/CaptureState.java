package studio.timelapse.camera.control;

import java.util.EnumSet;
import java.util.Set;

/**
 * The agent's camera, as the studio, the LED and the log show it. {@code WAITING} (outside the capture window),
 * {@code HELD} (paused by itself: the disk holds only unsynced frames) and {@code ERROR} (repeated failures) are
 * states of a running capture: it goes on by itself when the reason goes away.
 */
public enum CaptureState {
    INITIALISING,
    IDLE,
    CAPTURING,
    WAITING,
    HELD,
    ERROR,
    PAUSED,
    DELETING,
    DELETED,
    FAILED;

    /** States in which the capture loop runs. */
    public static final Set<CaptureState> RUNNING = EnumSet.of(CAPTURING, WAITING, HELD, ERROR);

    public boolean running() {
        return RUNNING.contains(this);
    }
}
