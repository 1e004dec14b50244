package studio.timelapse.shared.actionlog;

/**
 * The progress and heartbeat convention: the message types and field names every long action uses, and that
 * {@link TaskStatusTracker} folds into live status. See docs/conventions.md.
 */
public final class Convention {
    /** {@code done}, {@code total} (absent when unknown), {@code unit}, {@code rate} (units/s), {@code eta_s}. */
    public static final String PROGRESS = "progress";
    /** {@code beat} (1, 2, …), {@code interval_s}, and {@code idle_s} (seconds since the last progress, if any). */
    public static final String HEARTBEAT = "heartbeat";

    public static final String DONE = "done";
    public static final String TOTAL = "total";
    public static final String UNIT = "unit";
    public static final String RATE = "rate";
    public static final String ETA_S = "eta_s";
    public static final String BEAT = "beat";
    public static final String INTERVAL_S = "interval_s";
    public static final String IDLE_S = "idle_s";

    private Convention() {}
}
