package studio.timelapse.desktop.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import studio.timelapse.desktop.demo.Demo;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.home.AppHome;
import studio.timelapse.shared.refusal.RefusedException;

/** {@code timelapse demo}: capture, sync and render a simulated day end to end, on this machine only. */
@Command(name = "demo", description = {
    "Runs the whole studio once without any hardware: starts a camera agent with the synthetic camera on this",
    "machine (loopback only), pairs with it, captures a simulated day, syncs every frame into the library and",
    "renders the day to an MP4. Prints where everything is. Data goes under TIMELAPSE_HOME."
})
final class DemoCommand implements Callable<Integer> {
    private final AppHome homes;

    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Option(names = "--day", paramLabel = "DURATION", defaultValue = "2m",
            description = "How long the simulated day lasts, e.g. 90s or 2m (default: ${DEFAULT-VALUE}).")
    String day;

    @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "0.5",
            description = "Seconds from one frame to the next, 0.5 or more (default: ${DEFAULT-VALUE}).")
    double interval;

    @Option(names = "--no-render", description = "Stop after capture and sync.")
    boolean noRender;

    DemoCommand(AppHome homes) {
        this.homes = homes;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<Duration> dayLength = Demo.parseDuration(day);
        if (dayLength.isEmpty()) {
            err.println("timelapse demo: --day takes a duration such as 90s or 2m, not " + day);
            return 2;
        }
        if (!(interval >= 0.5)) {
            err.println("timelapse demo: --interval is 0.5 seconds or more, not " + interval);
            return 2;
        }
        Demo.Options defaults = Demo.Options.defaults(homes.studio().root());
        Demo.Options options = new Demo.Options(defaults.home(), dayLength.get(), interval, defaults.width(),
                defaults.height(), !noRender);
        try (ActionLog log = ActionLog.builder("studio").logDirectory(homes.studio().logs()).build()) {
            new Demo(options, out).run(log);
            return 0;
        } catch (RefusedException refused) {
            return RefusalText.print("timelapse demo", refused, err);
        }
    }
}
