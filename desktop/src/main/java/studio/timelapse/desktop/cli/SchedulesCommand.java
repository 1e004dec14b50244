package studio.timelapse.desktop.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import studio.timelapse.desktop.core.StudioCore;
import studio.timelapse.desktop.library.RenderSchedules;
import studio.timelapse.desktop.library.RenderSchedules.RenderSchedule;
import studio.timelapse.desktop.render.RenderRequest;
import studio.timelapse.desktop.render.RenderScheduler;
import studio.timelapse.desktop.render.look.Corner;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.home.AppHome;
import studio.timelapse.shared.job.Job;
import studio.timelapse.shared.refusal.RefusedException;

/** {@code timelapse schedules}: renders that repeat every day, each occurrence an ordinary render job. */
@Command(name = "schedules", description = {
    "Renders that repeat: every day at a time, the frames of the day before (or of several days) rendered as",
    "an ordinary render job, listed in 'timelapse jobs' and among the library's renders. They run while a studio",
    "is open (the window, or 'timelapse sync --watch'); days missed while none was open run when one opens."
}, subcommands = {SchedulesCommand.Add.class, SchedulesCommand.Remove.class})
final class SchedulesCommand implements Callable<Integer> {
    private final AppHome homes;

    @Mixin
    HelpOption help;

    @Mixin
    LibraryOption library;

    @Spec
    CommandSpec spec;

    SchedulesCommand(AppHome homes) {
        this.homes = homes;
    }

    /** Without a subcommand: the schedules, and their next occurrence. */
    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (LibraryOption.OpenLibrary open = library.open(homes)) {
            List<RenderSchedule> schedules = RenderSchedules.of(open.library()).all();
            if (schedules.isEmpty()) {
                out.println("No scheduled renders. Add one with 'timelapse schedules add NAME --sequence ID --at 21:00"
                        + " -o FOLDER'.");
            }
            for (RenderSchedule schedule : schedules) {
                out.printf("%s  every day at %s (%s): sequence %d, %s ending %d day(s) before, into %s%n",
                        schedule.name(), schedule.at(), schedule.zone(), schedule.sequenceId(),
                        schedule.days() == 1 ? "the day" : schedule.days() + " days", schedule.daysBack(),
                        schedule.outputFolder());
            }
            return 0;
        }
    }

    /** {@code timelapse schedules add}. */
    @Command(name = "add", description = "Adds a daily render of a sequence.")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        SchedulesCommand parent;

        @Mixin
        HelpOption help;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "A name for the schedule; videos are called NAME-DATE.mp4.")
        String name;

        @Option(names = "--sequence", paramLabel = "ID", required = true,
                description = "The sequence to render (a camera's stream, or one defined with --daytime).")
        long sequence;

        @Option(names = "--at", paramLabel = "HH:MM", defaultValue = "21:00",
                description = "When, every day, in this machine's time zone (default: ${DEFAULT-VALUE}).")
        String at;

        @Option(names = "--days-back", paramLabel = "N", defaultValue = "1",
                description = "Render the day N days before (default: ${DEFAULT-VALUE}, yesterday; 0: today).")
        int daysBack;

        @Option(names = "--days", paramLabel = "N", defaultValue = "1",
                description = "Days in each video (default: ${DEFAULT-VALUE}; 7 for a week).")
        int days;

        @Option(names = {"-o", "--output"}, paramLabel = "FOLDER", required = true,
                description = "Where the videos go.")
        Path output;

        @Option(names = "--size", paramLabel = "SIZE", defaultValue = "1080p", description = "As for render.")
        String size;

        @Option(names = "--fps", paramLabel = "N", defaultValue = "25", description = "As for render.")
        double fps;

        @Option(names = "--quality", paramLabel = "Q", defaultValue = "70", description = "As for render.")
        int quality;

        @Option(names = "--deflicker", paramLabel = "WINDOW", arity = "0..1", fallbackValue = "15",
                description = "As for render.")
        Integer deflicker;

        @Option(names = "--overlay-time", paramLabel = "FORMAT", description = "As for render.")
        String overlayTime;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            LocalTime time;
            try {
                time = LocalTime.parse(at);
            } catch (DateTimeParseException e) {
                err.println("timelapse schedules add: --at takes a time such as 21:00, not " + at);
                return 2;
            }
            if (daysBack < 0 || days < 1) {
                err.println("timelapse schedules add: --days-back is 0 or more and --days 1 or more");
                return 2;
            }
            Path folder = output.toAbsolutePath().normalize();
            try (ActionLog log = ActionLog.builder("cli").logDirectory(parent.homes.studio().logs()).build();
                    // Queues the renders due; a working engine (the window, 'timelapse render') runs them.
                    StudioCore core = StudioCore.openToLook(parent.library.folder(parent.homes), log,
                            Clock.systemUTC())) {
                RenderRequest template = new RenderRequest(Optional.of(sequence), Optional.empty(), Optional.empty(),
                        Optional.empty(), 1, size, false, fps, quality, Optional.empty(),
                        Optional.ofNullable(deflicker), 1, Optional.ofNullable(overlayTime), Corner.BOTTOM_RIGHT,
                        Optional.empty(), List.of(), false, folder.resolve(name + ".mp4").toString());
                RenderSchedules.of(core.library()).add(name, sequence, time, ZoneId.systemDefault(), daysBack, days,
                        RenderScheduler.settingsOf(template), folder.toString());
                List<Job> jobs = core.renderScheduler().catchUp();
                out.println("Scheduled '" + name + "': every day at " + time + "; " + jobs.size()
                        + " render(s) queued (see 'timelapse jobs').");
                return 0;
            } catch (RefusedException refused) {
                return RefusalText.print("timelapse schedules add", refused, err);
            } catch (java.io.IOException e) {
                err.println("timelapse schedules add: " + e.getMessage());
                return 1;
            }
        }
    }

    /** {@code timelapse schedules remove}. */
    @Command(name = "remove", description = "Removes a schedule (renders already made or queued stay).")
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        SchedulesCommand parent;

        @Mixin
        HelpOption help;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            try (LibraryOption.OpenLibrary open = parent.library.open(parent.homes)) {
                if (RenderSchedules.of(open.library()).remove(name)) {
                    spec.commandLine().getOut().println("Removed the schedule '" + name + "'.");
                    return 0;
                }
                spec.commandLine().getErr().println("timelapse schedules remove: no schedule called '" + name + "'");
                return 1;
            }
        }
    }
}
