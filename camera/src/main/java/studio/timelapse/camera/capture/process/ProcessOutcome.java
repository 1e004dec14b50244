package studio.timelapse.camera.capture.process;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How a tool run ended.
 *
 * @param exitCode the exit status; meaningless when {@code killedAtDeadline}
 * @param killedAtDeadline the deadline passed and the tool, with its children, was killed
 * @param stdout what it printed, at most the last {@link ProcessRunner#OUTPUT_LIMIT} bytes
 * @param stderr what it printed as errors, at most the last {@link ProcessRunner#OUTPUT_LIMIT} bytes
 */
public record ProcessOutcome(List<String> command, long pid, int exitCode, boolean killedAtDeadline, Duration duration,
        String stdout, String stderr) {

    public ProcessOutcome {
        command = List.copyOf(command);
    }

    public boolean succeeded() {
        return !killedAtDeadline && exitCode == 0;
    }

    /** The last {@code lines} non-blank lines of stderr, joined with " | " for a one-line message. */
    public String stderrTail(int lines) {
        List<String> all = Arrays.stream(stderr.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return all.subList(Math.max(0, all.size() - lines), all.size()).stream().collect(Collectors.joining(" | "));
    }

    /** Whether stderr or stdout mentions {@code text}, ignoring case. */
    public boolean says(String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        return stderr.toLowerCase(java.util.Locale.ROOT).contains(lower)
                || stdout.toLowerCase(java.util.Locale.ROOT).contains(lower);
    }

    /** The command as one would type it, for logs and messages. */
    public String commandLine() {
        return CommandLine.format(command);
    }
}
