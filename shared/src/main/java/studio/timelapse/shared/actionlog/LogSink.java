package studio.timelapse.shared.actionlog;

/**
 * Where finished log lines go. A sink never throws into the logging caller: on failure it drops the message and
 * counts it.
 */
public interface LogSink extends AutoCloseable {

    /** Takes one message; {@code line} is its complete JSON line (newline included, UTF-8). */
    void accept(LogMessage message, byte[] line);

    /** Messages this sink could not keep. */
    default long dropped() {
        return 0;
    }

    @Override
    default void close() {}
}
