package studio.timelapse.shared.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * eliot's own tools (Debian's python3-eliot, run with /usr/bin/python3) reading our logs. On CI they must be there
 * (.ci/run installs them); on a developer's machine without them the checks are skipped.
 */
public final class EliotTools {
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    /**
     * Prints one line per task: "<task_uuid> <complete|incomplete> <type>", parsed by eliot.parse.Parser (the type of
     * the root action, or the message type of a task that is one plain message).
     */
    private static final String PARSE = String.join("\n",
            "import json, sys",
            "from eliot.parse import Parser",
            "parser, completed = Parser(), []",
            "for path in sys.argv[1:]:",
            "    for line in open(path):",
            "        if line.strip():",
            "            finished, parser = parser.add(json.loads(line))",
            "            completed.extend(finished)",
            "def kind(root):",
            "    return getattr(root, 'action_type', None) or root.contents.get('message_type', '-')",
            "for task in completed:",
            "    print(task.root().task_uuid, 'complete', kind(task.root()))",
            "for task in parser.incomplete_tasks():",
            "    print(task.root().task_uuid, 'incomplete', kind(task.root()))");

    private EliotTools() {}

    public static void assumeAvailable() {
        boolean available = Files.isExecutable(PYTHON) && run(List.of(PYTHON.toString(), "-c", "import eliot.parse")).exitCode == 0;
        if (!available && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI must have eliot's own parser: apt-get install python3-eliot");
        }
        assumeTrue(available, "python3-eliot is not installed; eliot's own parser was not run");
    }

    /** eliot.parse.Parser's verdict on each task in the files: uuid → "complete"/"incomplete". */
    public static List<String> parse(Path... files) {
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), "-c", PARSE));
        for (Path file : files) {
            command.add(file.toString());
        }
        Result result = run(command);
        assertThat(result.exitCode).as("eliot's parser failed:\n" + result.output).isZero();
        return result.output.lines().toList();
    }

    /** eliot-prettyprint's rendering of the files (it reads standard input). */
    public static String prettyPrint(Path file) {
        Result result = run(List.of(PYTHON.toString(), "-c", "from eliot.prettyprint import _main; _main()"), file);
        assertThat(result.exitCode).as("eliot-prettyprint failed:\n" + result.output).isZero();
        return result.output;
    }

    private record Result(int exitCode, String output) {}

    private static Result run(List<String> command) {
        return run(command, null);
    }

    private static Result run(List<String> command, Path input) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            if (input != null) {
                builder.redirectInput(input.toFile());
            }
            Process process = builder.start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "timed out");
            }
            return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, e.toString());
        }
    }
}
