package studio.timelapse.shared.protocol;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What the studio can ask of the capture: each one a transition of the agent's capture state machine, refused with
 * its {@code explain()} reasons when it cannot fire. In URLs and JSON a command is its lower-case name:
 * {@code POST /api/v1/capture/start}.
 */
public enum CaptureCommand {
    START,
    STOP,
    PAUSE,
    RESUME,
    /** One frame now, outside the schedule. */
    NOW;

    /** The name in URLs and JSON, and of the state machine's transition. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The command with this wire name, if there is one. */
    public static Optional<CaptureCommand> fromWireName(String name) {
        return Arrays.stream(values()).filter(command -> command.wireName().equals(name)).findFirst();
    }
}
