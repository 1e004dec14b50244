package studio.timelapse.shared.actionlog.slf4j;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.event.Level;
import studio.timelapse.shared.actionlog.ActionLog;

/**
 * Where libraries' SLF4J records go: the process's {@link ActionLog}, as {@code eliot:stdlib} messages of the
 * current action (eliot's name and fields for records from a non-eliot logging library), so that one stream holds
 * everything.
 *
 * <p>SLF4J finds its provider through {@link java.util.ServiceLoader} and keeps it for the life of the process, so
 * the route is the one process-wide value in the code base. Each program routes its log once at start-up with
 * {@link #route}; until then, warnings and errors go to standard error and the rest is dropped.
 */
public final class LibraryLogBridge {
    public static final String MESSAGE_TYPE = "eliot:stdlib";
    /** System property for the least level forwarded from libraries (default INFO). */
    public static final String LEVEL_PROPERTY = "timelapse.log.libraries";

    private static final AtomicReference<ActionLog> ROUTE = new AtomicReference<>();

    private LibraryLogBridge() {}

    /** From now on, libraries' records go into {@code log}. Returns a handle that undoes this. */
    public static AutoCloseable route(ActionLog log) {
        ROUTE.set(log);
        return () -> ROUTE.compareAndSet(log, null);
    }

    static Level threshold() {
        String configured = System.getProperty(LEVEL_PROPERTY, "INFO");
        try {
            return Level.valueOf(configured.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Level.INFO;
        }
    }

    static void record(String logger, Level level, String text, Throwable error) {
        ActionLog log = ROUTE.get();
        if (log == null) {
            if (level.toInt() >= Level.WARN.toInt()) {
                System.err.println(level + " " + logger + ": " + text);
            }
            return;
        }
        if (error == null) {
            log.message(MESSAGE_TYPE, "log_level", level.name(), "logger", logger, "message", text);
        } else {
            StringWriter trace = new StringWriter();
            error.printStackTrace(new PrintWriter(trace));
            log.message(MESSAGE_TYPE, "log_level", level.name(), "logger", logger, "message", text,
                    "exception", error.getClass().getName(), "reason", String.valueOf(error.getMessage()),
                    "traceback", trace.toString());
        }
    }
}
