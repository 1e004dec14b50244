package studio.timelapse.shared.actionlog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Reads action-log folders back: every {@code .jsonl} file, oldest generation first. A line that is not a message
 * (a file cut by a power failure, a foreign file) is counted and skipped, never fatal.
 */
public final class ActionLogFiles {
    private final EliotJson json = new EliotJson();
    private long unreadableLines;

    /** The log files in {@code folder}, the oldest rotated generation first and the current file last. */
    public static List<Path> files(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jsonl"))
                    .sorted((a, b) -> Integer.compare(generation(b), generation(a)) != 0
                            ? Integer.compare(generation(b), generation(a)) : a.compareTo(b))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the logs in " + folder, e);
        }
    }

    /** {@code studio.3.jsonl} is generation 3; the current {@code studio.jsonl} is 0. */
    private static int generation(Path file) {
        String[] parts = file.getFileName().toString().split("\\.");
        if (parts.length >= 3) {
            try {
                return Integer.parseInt(parts[parts.length - 2]);
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    /**
     * Streams the messages of every log file in {@code folders} to {@code sink}. {@code lineFilter} sees each raw
     * line first, so a search for one task parses only the lines that mention it.
     */
    public void read(Collection<Path> folders, Predicate<String> lineFilter, Consumer<LogMessage> sink) {
        for (Path folder : folders) {
            for (Path file : files(folder)) {
                try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    String line;
                    while ((line = reader.readLine()) != null) {
                        if (line.isBlank() || !lineFilter.test(line)) {
                            continue;
                        }
                        try {
                            sink.accept(json.parse(line));
                        } catch (IllegalArgumentException e) {
                            unreadableLines++;
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + file, e);
                }
            }
        }
    }

    public List<LogMessage> readAll(Collection<Path> folders, Predicate<String> lineFilter) {
        List<LogMessage> messages = new ArrayList<>();
        read(folders, lineFilter, messages::add);
        return messages;
    }

    /** Lines skipped so far because they were not messages. */
    public long unreadableLines() {
        return unreadableLines;
    }
}
