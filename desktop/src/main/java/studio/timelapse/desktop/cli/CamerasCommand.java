package studio.timelapse.desktop.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import studio.timelapse.desktop.cameras.CameraServices;
import studio.timelapse.desktop.cameras.CameraView;
import studio.timelapse.desktop.library.Library;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.home.AppHome;
import studio.timelapse.shared.protocol.AgentStatus;
import studio.timelapse.shared.protocol.CaptureAvailability;
import studio.timelapse.shared.refusal.RefusedException;

/**
 * {@code timelapse cameras …}: the library's cameras — finding, adding, pairing, unpairing, controlling them and
 * their status. Every subcommand exits 0 when done, 1 when refused or when the camera cannot be reached (with the
 * reason and what to do), 2 for a wrong command line.
 */
@Command(name = "cameras",
        description = {"The library's cameras: find them on the network or add them by address, pair them with the",
            "code they show, control their capture and see their state. Without a subcommand: the list."},
        subcommands = {CamerasCommand.ListCameras.class, CamerasCommandSetup.Discover.class,
            CamerasCommandSetup.Add.class, CamerasCommandSetup.Pair.class, CamerasCommandSetup.Unpair.class,
            CamerasCommandControl.Start.class, CamerasCommandControl.Stop.class, CamerasCommandControl.Pause.class,
            CamerasCommandControl.Resume.class, CamerasCommand.Status.class, CamerasCommandControl.Settings.class})
final class CamerasCommand implements Callable<Integer> {
    final AppHome homes;
    final ZoneId zone;
    final Clock clock;

    @Mixin
    HelpOption help;

    @Mixin
    LibraryOption library;

    @Spec
    CommandSpec spec;

    CamerasCommand(AppHome homes, ZoneId zone, Clock clock) {
        this.homes = homes;
        this.zone = zone;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        return list(spec, library);
    }

    /** What a subcommand does with the cameras of the open library; answers the exit code. */
    @FunctionalInterface
    interface Work {
        int run(CameraServices cameras, PrintWriter out) throws IOException, InterruptedException;
    }

    /**
     * Opens the library ({@code create}: making it if there is none) with the cameras feature, runs {@code work},
     * and turns refusals and failures into their messages and exit code 1.
     */
    int run(CommandSpec command, LibraryOption option, boolean create, Work work) {
        LibraryOption where = option.folder != null ? option : library;
        String name = command.qualifiedName();
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        try (LibraryOption.OpenLibrary open = create ? openOrCreate(where) : where.open(homes);
                CameraServices cameras = CameraServices.open(open.library())) {
            return work.run(cameras, out);
        } catch (RefusedException refused) {
            return RefusalText.print(name, refused, err);
        } catch (IOException e) {
            err.println(name + ": " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println(name + ": interrupted");
            return 1;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private LibraryOption.OpenLibrary openOrCreate(LibraryOption where) {
        ActionLog log = ActionLog.builder("cli").logDirectory(homes.studio().logs()).build();
        try {
            return new LibraryOption.OpenLibrary(log, Library.open(where.folder(homes), log, clock));
        } catch (RuntimeException e) {
            log.close();
            throw e;
        }
    }

    int list(CommandSpec command, LibraryOption option) {
        LibraryOption where = option.folder != null ? option : library;
        if (!where.exists(homes)) {
            command.commandLine().getOut().println("No library at " + where.folder(homes) + " yet, so no cameras:"
                    + " find some with 'timelapse cameras discover' or add one with"
                    + " 'timelapse cameras add HOST:PORT'.");
            return 0;
        }
        return run(command, option, false, (cameras, out) -> {
            List<CameraView> all = cameras.directory().all();
            if (all.isEmpty()) {
                out.println("No cameras yet: find some with 'timelapse cameras discover' or add one with"
                        + " 'timelapse cameras add HOST:PORT'.");
                return 0;
            }
            TextTable table = new TextTable("ID", "NAME", "ADDRESS", "STATE", "FINGERPRINT");
            for (CameraView view : all) {
                table.row(view.camera().id(), view.camera().name(), address(view), stateWords(view),
                        view.fingerprintShort().orElse("(not paired)"));
            }
            table.print(out);
            return 0;
        });
    }

    static String address(CameraView view) {
        String host = view.camera().host();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + view.camera().port();
    }

    /** "offline since 14:02", "capturing since 2026-06-20 09:30". */
    String stateWords(CameraView view) {
        return view.state().words() + " since " + time(view.since());
    }

    String time(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        boolean today = local.toLocalDate().equals(clock.instant().atZone(zone).toLocalDate());
        return local.format(DateTimeFormatter.ofPattern(today ? "HH:mm" : "yyyy-MM-dd HH:mm"));
    }

    static String bytes(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        if (bytes < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (1024.0 * 1024 * 1024));
    }

    /** What every {@code cameras} subcommand has: its parent, help, {@code --library} and its spec. */
    abstract static class Subcommand implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        CamerasCommand parent;

        @Mixin
        HelpOption help;

        @Mixin
        LibraryOption library;

        @Spec
        CommandSpec spec;

        /** Runs {@code work} on the open library; see {@link CamerasCommand#run}. */
        int run(boolean create, Work work) {
            return parent.run(spec, library, create, work);
        }
    }

    /** A subcommand about one camera, named by its id. */
    abstract static class OneCamera extends Subcommand {
        @Parameters(paramLabel = "ID", description = "The camera's id, as 'timelapse cameras list' shows it.")
        String cameraId;
    }

    /** {@code timelapse cameras list}. */
    @Command(name = "list", description = "Lists the library's cameras with their state and pinned fingerprint.")
    static final class ListCameras extends Subcommand {
        @Override
        public Integer call() {
            return parent.list(spec, library);
        }
    }

    /** {@code timelapse cameras status ID}. */
    @Command(name = "status", description = {"Asks the camera how it is: its capture state, frames, free space, last",
        "error and settings, and which commands it would accept now. Exit code 1 when it cannot be reached."})
    static final class Status extends OneCamera {
        @Override
        public Integer call() {
            return run(false, (cameras, out) -> {
                AgentStatus status = cameras.control().status(cameraId);
                CameraView view = cameras.directory().find(cameraId).orElseThrow();
                out.println("Camera '" + view.camera().name() + "' (" + cameraId + ") at " + address(view));
                out.println("  state:      " + parent.stateWords(view));
                out.println("  capture:    " + status.state());
                out.println("  frames:     " + status.framesCaptured() + " on the camera, " + status.framesUnsynced()
                        + " not synced yet");
                out.println("  free space: " + bytes(status.freeBytes()));
                status.temperatureCelsius().ifPresent(celsius -> out.printf(Locale.ROOT, "  temperature: %.1f °C%n",
                        celsius));
                status.lastError().ifPresent(error -> out.println("  last error: " + error.reason() + " ("
                        + parent.time(error.at()) + error.taskUuid().map(task -> ", task " + task).orElse("") + ")"));
                out.printf(Locale.ROOT, "  settings:   %s, %s, every %s s%n", status.config().backend(),
                        status.config().frame().width() == 0 ? "full resolution"
                                : status.config().frame().width() + "x" + status.config().frame().height(),
                        CamerasCommandControl.seconds(status.config().schedule().intervalSeconds()));
                CaptureAvailability available = cameras.control().available(cameraId);
                out.println("  commands:   " + (available.available().isEmpty() ? "none now"
                        : String.join(", ", available.available())));
                for (Map.Entry<String, List<Map<String, Object>>> refused : available.refused().entrySet()) {
                    refused.getValue().stream().findFirst().ifPresent(refusal -> out.println("    " + refused.getKey()
                            + ": " + refusal.getOrDefault("reason", "refused")));
                }
                return 0;
            });
        }
    }
}
