package studio.timelapse.shared.actionlog;

import java.util.Optional;

/** eliot's {@code action_status}: exactly these three words. */
public enum ActionStatus {
    STARTED("started"),
    SUCCEEDED("succeeded"),
    FAILED("failed");

    private final String wire;

    ActionStatus(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public boolean isEnd() {
        return this != STARTED;
    }

    public static Optional<ActionStatus> parse(String wire) {
        for (ActionStatus status : values()) {
            if (status.wire.equals(wire)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
