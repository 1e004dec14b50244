package studio.timelapse.desktop.cameras.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Optional;

/**
 * Reads a {@code text/event-stream} (the WHATWG server-sent events format) one event at a time: {@code id:},
 * {@code event:} and {@code data:} fields up to a blank line; comments ({@code :…}) and unknown fields are skipped;
 * CR, LF and CRLF all end a line. Every line read counts as a sign of life.
 */
final class ServerSentEvents {
    /** One dispatched event: its own {@code id} field if it had one, its name, and its data lines joined. */
    record Event(Optional<String> id, String name, String data) {}

    /** Told of every line, so that a watchdog can see the stream is alive. */
    @FunctionalInterface
    interface Activity {
        void lineRead();
    }

    private final BufferedReader reader;
    private final Activity activity;

    ServerSentEvents(BufferedReader reader, Activity activity) {
        this.reader = reader;
        this.activity = activity;
    }

    /** The next event, or empty at the end of the stream (a partial event at the end is dropped, as the spec says). */
    Optional<Event> next() throws IOException {
        String id = null;
        String name = null;
        StringBuilder data = null;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            activity.lineRead();
            if (line.isEmpty()) {
                if (data != null) {
                    return Optional.of(new Event(Optional.ofNullable(id), name == null ? "message" : name,
                            data.toString()));
                }
                id = null;
                name = null;
                continue;
            }
            if (line.startsWith(":")) {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            switch (field) {
                case "id" -> id = value.indexOf('\0') >= 0 ? id : value;
                case "event" -> name = value;
                case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                default -> { } // retry, and fields from the future
            }
        }
        return Optional.empty();
    }
}
