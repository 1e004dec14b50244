package studio.timelapse.camera.api;

import java.util.List;
import studio.timelapse.shared.protocol.AgentStatus;
import studio.timelapse.shared.protocol.CaptureCommand;
import studio.timelapse.shared.protocol.CaptureConfig;
import studio.timelapse.shared.refusal.Refusal;

/**
 * What the status, configuration and capture routes need of the agent: its status, its configuration, and its
 * capture state machine's commands. Every "no" is a {@link studio.timelapse.shared.refusal.RefusedException} with
 * every reason; the routes answer it as it is.
 */
public interface CameraControl {

    AgentStatus status();

    CaptureConfig config();

    /**
     * Puts a configuration in force, already free of {@link CaptureConfig#problems()}; refuses (e.g. a backend that is
     * not there, or a change the current state does not allow) with the reasons.
     *
     * @param why the cause for the log and the state history ("edited in the studio")
     * @return the configuration now in force
     */
    CaptureConfig configure(CaptureConfig config, String why);

    /** Every reason {@code command} cannot fire now — the state machine's {@code explain()}; empty when it can. */
    List<Refusal> explain(CaptureCommand command);

    /**
     * Fires the command's transition; refused with the same reasons {@link #explain} gives (409 for state and guard
     * refusals, 403 for permissions).
     *
     * @return the status after the command
     */
    AgentStatus perform(CaptureCommand command, String why);

    /** A small JPEG taken now, outside the schedule and not stored; refused while the camera cannot take one. */
    byte[] preview();
}
