package studio.timelapse.shared.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import studio.timelapse.shared.actionlog.EliotJson;
import studio.timelapse.shared.actionlog.LogMessage;

/** Reads action-log files back as a user's tools would: every line must be one whole message. */
public final class LogFiles {
    private LogFiles() {}

    /** Every message in every {@code .jsonl} file under {@code directory}; fails on a torn or foreign line. */
    public static List<LogMessage> readAll(Path directory) {
        EliotJson json = new EliotJson();
        List<LogMessage> messages = new ArrayList<>();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
                int number = 0;
                for (String line : Files.readAllLines(file)) {
                    number++;
                    try {
                        messages.add(json.parse(line));
                    } catch (IllegalArgumentException e) {
                        throw new AssertionError(file + ":" + number + " is not a whole message: " + line, e);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return messages;
    }
}
