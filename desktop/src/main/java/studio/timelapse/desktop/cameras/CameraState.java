package studio.timelapse.desktop.cameras;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A camera as the studio sees it. Its working states, between discovered and deleting: pairing, paired (not reached
 * since), online (reached, not capturing), capturing, paused, error (the agent reports repeated failures, or refuses
 * this studio) and offline (paired, not reachable now). Stored by constant name: renaming one needs a migration.
 */
public enum CameraState {
    INITIALISING,
    DISCOVERED,
    PAIRING,
    PAIRED,
    ONLINE,
    CAPTURING,
    PAUSED,
    ERROR,
    OFFLINE,
    DELETING,
    DELETED,
    FAILED;

    /** States of a camera this studio is paired with. */
    public static final Set<CameraState> PAIRED_STATES = EnumSet.of(PAIRED, ONLINE, CAPTURING, PAUSED, ERROR, OFFLINE);

    /** States in which the camera answered last time the studio looked. */
    public static final Set<CameraState> REACHED = EnumSet.of(ONLINE, CAPTURING, PAUSED, ERROR);

    public boolean paired() {
        return PAIRED_STATES.contains(this);
    }

    /** "capturing", as people read it. */
    public String words() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /**
     * The studio's state for the agent's capture state, as its status and events name it (in any case):
     * {@code idle} → online; {@code capturing}, {@code waiting} (outside the capture window) and {@code held}
     * (paused by itself until there is room) → capturing; {@code paused} → paused; {@code error} and {@code failed}
     * → error. A state this studio does not know yet counts as online: the agent answered. The agent's status may
     * follow the state with its reason ({@code "paused: pause requested by …"}); only the state counts here.
     */
    public static CameraState ofAgentState(String agentState) {
        return switch (agentStateName(agentState)) {
            case "CAPTURING", "WAITING", "HELD" -> CAPTURING;
            case "PAUSED" -> PAUSED;
            case "ERROR", "FAILED" -> ERROR;
            default -> ONLINE;
        };
    }

    /** The agent's state constant from its status text: {@code "held: disk full"} → {@code HELD}. */
    public static String agentStateName(String agentState) {
        int colon = agentState.indexOf(':');
        return (colon < 0 ? agentState : agentState.substring(0, colon)).strip().toUpperCase(Locale.ROOT);
    }
}
