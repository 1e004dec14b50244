package studio.timelapse.camera.capture.process;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A command written the way one would type it in a shell, for logs: arguments with spaces or quotes get quoted. */
public final class CommandLine {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private CommandLine() {}

    public static String format(List<String> command) {
        return command.stream().map(CommandLine::quote).collect(Collectors.joining(" "));
    }

    private static String quote(String argument) {
        if (PLAIN.matcher(argument).matches()) {
            return argument;
        }
        return "'" + argument.replace("'", "'\\''") + "'";
    }
}
