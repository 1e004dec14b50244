package studio.timelapse.desktop.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import studio.timelapse.shared.actionlog.ActionLogFiles;
import studio.timelapse.shared.actionlog.LogMessage;
import studio.timelapse.shared.actionlog.TaskStatus;
import studio.timelapse.shared.actionlog.TaskStatusTracker;
import studio.timelapse.shared.actionlog.TaskTree;
import studio.timelapse.shared.home.AppHome;

/** Reads the action log: the recent tasks, or one task as a tree with every process's part merged. */
@Command(
        name = "log",
        description = {
            "Without TASK: the most recent tasks in the studio's log, newest last.",
            "With TASK (a task uuid, or its first 8 or more characters): that task as a tree, merged from every",
            "log folder given (studio and camera logs alike)."
        })
final class LogCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final AppHome homes;
    private final Clock clock;

    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "TASK", description = "A task uuid or a prefix of one (8+ characters).")
    String task;

    @Option(names = "--dir", paramLabel = "FOLDER",
            description = "Read the logs in FOLDER instead of the studio's (repeat to merge several).")
    List<Path> folders = new ArrayList<>();

    @Option(names = "--failed", description = "List failed tasks only.")
    boolean failedOnly;

    @Option(names = {"-n", "--limit"}, paramLabel = "N", defaultValue = "20", description = "How many tasks to list (default: ${DEFAULT-VALUE}).")
    int limit;

    LogCommand(AppHome homes, Clock clock) {
        this.homes = homes;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        List<Path> sources = folders.isEmpty() ? List.of(homes.studio().logs()) : folders;
        PrintWriter out = spec.commandLine().getOut();
        ActionLogFiles files = new ActionLogFiles();
        int exit = task == null ? list(files, sources, out) : tree(files, sources, out);
        if (files.unreadableLines() > 0) {
            spec.commandLine().getErr().println("log: skipped " + files.unreadableLines() + " unreadable lines");
        }
        return exit;
    }

    private int tree(ActionLogFiles files, List<Path> sources, PrintWriter out) {
        if (task.length() < 8) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "TASK needs at least 8 characters of the uuid, got '" + task + "'");
        }
        List<LogMessage> messages = files.readAll(sources, line -> line.contains(task));
        Set<String> uuids = new TreeSet<>();
        messages.stream().map(LogMessage::taskUuid).filter(uuid -> uuid.startsWith(task)).forEach(uuids::add);
        if (uuids.isEmpty()) {
            spec.commandLine().getErr().println("log: no task " + task + " in " + describe(sources));
            return 1;
        }
        if (uuids.size() > 1) {
            spec.commandLine().getErr().println("log: " + task + " matches " + uuids.size() + " tasks: "
                    + String.join(", ", uuids) + "; give more of the uuid");
            return 1;
        }
        TaskTree tree = TaskTree.of(uuids.iterator().next(), messages);
        out.print(tree.render());
        if (!tree.complete()) {
            out.println("(incomplete: part of this task is still running, or is in a log not read here)");
        }
        return 0;
    }

    private int list(ActionLogFiles files, List<Path> sources, PrintWriter out) {
        TaskStatusTracker tracker = new TaskStatusTracker(clock, Integer.MAX_VALUE);
        files.read(sources, line -> true, tracker);
        List<TaskStatus> tasks = tracker.all().stream()
                .filter(status -> !failedOnly || status.state() == TaskStatus.State.FAILED)
                .sorted(Comparator.comparing(TaskStatus::startedAt))
                .toList();
        List<TaskStatus> shown = tasks.subList(Math.max(0, tasks.size() - limit), tasks.size());
        if (shown.isEmpty()) {
            out.println("No tasks in " + describe(sources) + ".");
            return 0;
        }
        ZoneId zone = ZoneId.systemDefault();
        for (TaskStatus status : shown) {
            String took = status.endedAt().map(end -> seconds(Duration.between(status.startedAt(), end))).orElse("…");
            out.printf("%s  %-9s %8s  %-36s  %s%s%n", TIME.format(status.startedAt().atZone(zone)),
                    status.state().name().toLowerCase(java.util.Locale.ROOT), took, status.taskUuid(),
                    status.actionType(), status.failure().map(reason -> "  (" + reason + ")").orElse(""));
        }
        return 0;
    }

    private static String seconds(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.3fs", duration.toNanos() / 1e9);
    }

    private static String describe(List<Path> sources) {
        return String.join(", ", sources.stream().map(Path::toString).toList());
    }
}
