package studio.timelapse.desktop.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import studio.timelapse.desktop.library.Camera;
import studio.timelapse.desktop.library.Cameras;
import studio.timelapse.desktop.library.Daylight;
import studio.timelapse.desktop.library.Frames;
import studio.timelapse.desktop.library.Library;
import studio.timelapse.desktop.library.Page;
import studio.timelapse.desktop.library.Sequence;
import studio.timelapse.desktop.library.SequenceDefinition;
import studio.timelapse.desktop.library.SequenceKind;
import studio.timelapse.desktop.library.Sequences;
import studio.timelapse.desktop.sequences.SequenceCatalog;
import studio.timelapse.desktop.sequences.SequenceView;
import studio.timelapse.shared.home.AppHome;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.refusal.RefusedException;
import studio.timelapse.shared.state.Lifecycle;

/** {@code timelapse sequences …}: list, show, define, archive and delete sequences. */
@Command(name = "sequences", description = {
    "A sequence is an ordered set of frames: each camera's stream and each import is one, and you define more",
    "by rules (cameras, a time range across days, every Nth frame, daytime only, rejected frames left out).",
    "Without a subcommand: the list."
}, subcommands = {SequencesCommand.ListSequences.class, SequencesCommand.Show.class, SequencesCommand.Define.class,
    SequencesCommand.Archive.class, SequencesCommand.Unarchive.class, SequencesCommand.Delete.class})
final class SequencesCommand implements Callable<Integer> {
    /** The transitions a person fires with a subcommand of this command, in the order they are offered. */
    private static final List<String> COMMANDS = List.of("archive", "unarchive", Lifecycle.DELETE);

    private final AppHome homes;
    private final ZoneId zone;

    @Mixin
    HelpOption help;

    @Mixin
    LibraryOption library;

    @Spec
    CommandSpec spec;

    SequencesCommand(AppHome homes, ZoneId zone) {
        this.homes = homes;
        this.zone = zone;
    }

    @Override
    public Integer call() {
        return list(library, spec);
    }

    /** What every subcommand works with: the studio's engine, opened to look, and the catalog asking its locks. */
    private static final class Session implements AutoCloseable {
        final LibraryOption.OpenCore open;
        final SequenceCatalog catalog;

        Session(LibraryOption.OpenCore open) {
            this.open = open;
            this.catalog = new SequenceCatalog(open.core().library(), open.core().locks().asLockCheck("cli"));
        }

        Library library() {
            return open.core().library();
        }

        @Override
        public void close() {
            open.close();
        }
    }

    private Session session(LibraryOption chosen) {
        return new Session((chosen.folder != null ? chosen : library).openCoreToLook(homes));
    }

    private int list(LibraryOption chosen, CommandSpec command) {
        PrintWriter out = command.commandLine().getOut();
        LibraryOption where = chosen.folder != null ? chosen : library;
        if (!where.exists(homes)) {
            out.println("No library yet at " + where.folder(homes) + ": no sequences.");
            return 0;
        }
        try (Session session = session(chosen)) {
            List<SequenceView> views = session.catalog.list();
            out.printf("%-5s %-24s %-8s %-9s %9s  %s%n", "ID", "NAME", "KIND", "STATE", "FRAMES", "WHAT");
            for (SequenceView view : views) {
                Sequence sequence = view.sequence();
                out.printf(Locale.ROOT, "%-5d %-24s %-8s %-9s %,9d  %s%n", sequence.id(), sequence.name(),
                        sequence.kind().name().toLowerCase(Locale.ROOT),
                        view.state().state().name().toLowerCase(Locale.ROOT), session.catalog.countFrames(sequence.id()),
                        describe(sequence, session.library()));
            }
            if (views.isEmpty()) {
                out.println("(no sequences: add a camera or import a folder)");
            }
        }
        return 0;
    }

    /** The rules in words. */
    private static String describe(Sequence sequence, Library library) {
        if (sequence.kind() == SequenceKind.CAMERA) {
            return "the stream of camera " + sequence.cameraId().orElse("?");
        }
        if (sequence.kind() == SequenceKind.IMPORT) {
            return "an import";
        }
        SequenceDefinition rules = sequence.definition().orElseThrow();
        Sequences sequences = Sequences.of(library);
        List<String> words = new ArrayList<>();
        words.add(rules.sources().stream().map(id -> sequences.find(id).map(Sequence::name).orElse("#" + id))
                .collect(Collectors.joining(" + ")));
        rules.from().ifPresent(from -> words.add("from " + from));
        rules.to().ifPresent(to -> words.add("until " + to));
        if (rules.every() > 1) {
            words.add("every " + ordinal(rules.every()) + " frame");
        }
        if (rules.daytimeOnly()) {
            words.add("daytime only");
        }
        words.add(rules.includeRejected() ? "rejected frames included" : "rejected frames left out");
        return String.join(", ", words);
    }

    private static String ordinal(int n) {
        String suffix = n % 100 >= 11 && n % 100 <= 13 ? "th"
                : switch (n % 10) { case 1 -> "st"; case 2 -> "nd"; case 3 -> "rd"; default -> "th"; };
        return n + suffix;
    }

    /** A sequence named on the command line by its id or its name. */
    private static SequenceView find(SequenceCatalog catalog, String idOrName) {
        Optional<SequenceView> byName = catalog.findByName(idOrName);
        if (byName.isPresent()) {
            return byName.get();
        }
        try {
            return catalog.get(Long.parseLong(idOrName));
        } catch (NumberFormatException notANumber) {
            throw new RefusedException(Refusal.of(Refusal.Kind.NOT_FOUND, "sequence.unknown",
                    "there is no sequence named '" + idOrName + "'", "list them with 'timelapse sequences list'"));
        }
    }

    /** What every subcommand has: its parent, --help, --library and its own spec. */
    private abstract static class Subcommand implements Callable<Integer> {
        @ParentCommand
        SequencesCommand parent;

        @Mixin
        HelpOption help;

        @Mixin
        LibraryOption library;

        @Spec
        CommandSpec spec;
    }

    @Command(name = "list", description = "Lists the sequences: id, name, kind, state, frames, rules.")
    static final class ListSequences extends Subcommand {
        @Override
        public Integer call() {
            return parent.list(library, spec);
        }
    }

    @Command(name = "show", description = "Shows one sequence: its rules, frames, state and what can be done with it.")
    static final class Show extends Subcommand {
        @Parameters(paramLabel = "SEQUENCE", description = "The sequence's id or name.")
        String sequence;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Session session = parent.session(library)) {
                SequenceView view = find(session.catalog, sequence);
                Sequence shown = view.sequence();
                out.println("Sequence " + shown.id() + ": " + shown.name());
                out.println("  kind:     " + shown.kind().name().toLowerCase(Locale.ROOT));
                out.println("  state:    " + view.state().state().name().toLowerCase(Locale.ROOT) + " (version "
                        + view.state().version() + ", since " + view.state().since() + ")");
                out.println("  rules:    " + describe(shown, session.library()));
                out.printf(Locale.ROOT, "  frames:   %,d%n", session.catalog.countFrames(shown.id()));
                Page first = Frames.of(session.library()).ofSequence(shown.id(), Optional.empty(), 1);
                first.frames().stream().findFirst().ifPresent(frame -> out.println("  first:    " + frame.capturedAt()
                        + " (" + frame.path() + ")"));
                if (shown.definition().map(SequenceDefinition::daytimeOnly).orElse(false)) {
                    out.println("  daytime:  by the sun where a camera's location is known, else by exposure and"
                            + " brightness once ingested; frames not judged yet are kept (day from "
                            + Daylight.DAY_SCENE_EV + " EV, or a mean luminance of " + Daylight.DAY_MEAN_LUMA + ")");
                }
                out.println("  created:  " + shown.createdAt());
                List<String> available = session.catalog.available(shown.id());
                out.println("  can:      " + String.join(", ", COMMANDS.stream().filter(available::contains).toList()));
                for (Refusal refusal : session.catalog.explain(shown.id(), Lifecycle.DELETE)) {
                    out.println("  cannot delete: " + refusal.reason() + refusal.remedy().map(r -> " (" + r + ")")
                            .orElse(""));
                }
                return 0;
            } catch (RefusedException refused) {
                return RefusalText.print(spec.qualifiedName(), refused, spec.commandLine().getErr());
            }
        }
    }

    @Command(name = "define", description = {
        "Defines a sequence by rules over cameras' streams and imports. Times: 2024-06-21 (a whole day),",
        "2024-06-21T05:30 (local time) or 2024-06-21T05:30:00Z; --to is where the range ends (a date: that day's end)."
    })
    static final class Define extends Subcommand {
        @Parameters(paramLabel = "NAME", description = "The new sequence's name.")
        String name;

        @Option(names = "--camera", paramLabel = "CAMERA", description = "A camera (id or name) whose frames it takes;"
                + " repeat for several.")
        List<String> cameras = new ArrayList<>();

        @Option(names = "--import", paramLabel = "IMPORT", description = "An import (id or name) whose frames it takes;"
                + " repeat for several.")
        List<String> imports = new ArrayList<>();

        @Option(names = "--from", paramLabel = "TIME", description = "Frames captured from this time on.")
        String from;

        @Option(names = "--to", paramLabel = "TIME", description = "Frames captured before this time.")
        String to;

        @Option(names = "--every", paramLabel = "N", defaultValue = "1",
                description = "Every Nth frame (default: ${DEFAULT-VALUE}, every frame).")
        int every;

        @Option(names = "--daytime", description = "Daytime frames only.")
        boolean daytime;

        @Option(names = "--include-rejected", description = "Keep frames marked rejected.")
        boolean includeRejected;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            if (cameras.isEmpty() && imports.isEmpty()) {
                spec.commandLine().getErr().println(spec.qualifiedName() + ": name at least one --camera or --import");
                return 2;
            }
            Instant start;
            Instant end;
            try {
                start = from == null ? null : CaptureTimeArgument.parse(from, false, parent.zone);
                end = to == null ? null : CaptureTimeArgument.parse(to, true, parent.zone);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println(spec.qualifiedName() + ": " + e.getMessage());
                return 2;
            }
            try (Session session = parent.session(library)) {
                List<Long> sources = new ArrayList<>();
                for (String camera : cameras) {
                    sources.add(streamOf(session.library(), camera));
                }
                for (String dump : imports) {
                    sources.add(importNamed(session.library(), dump));
                }
                SequenceDefinition definition = new SequenceDefinition(sources, Optional.ofNullable(start),
                        Optional.ofNullable(end), every, daytime, includeRejected);
                SequenceView view = session.catalog.define(name, definition, "defined on the command line");
                out.printf(Locale.ROOT, "Sequence %d '%s': %,d frames (%s).%n", view.id(), view.sequence().name(),
                        session.catalog.countFrames(view.id()), describe(view.sequence(), session.library()));
                return 0;
            } catch (RefusedException refused) {
                return RefusalText.print(spec.qualifiedName(), refused, spec.commandLine().getErr());
            }
        }

        private static long streamOf(Library library, String camera) {
            List<Camera> known = Cameras.of(library).all();
            Camera found = known.stream().filter(c -> c.id().equals(camera)).findFirst()
                    .or(() -> known.stream().filter(c -> c.name().equals(camera)).findFirst())
                    .orElseThrow(() -> new RefusedException(Refusal.of(Refusal.Kind.NOT_FOUND, "camera.unknown",
                            "the library knows no camera '" + camera + "'", known.isEmpty() ? "add one first"
                                    : "known cameras: " + known.stream().map(c -> c.id() + " (" + c.name() + ")")
                                            .collect(Collectors.joining(", ")))));
            return Sequences.of(library).streamOf(found.id()).map(Sequence::id).orElseThrow();
        }

        private static long importNamed(Library library, String name) {
            Sequences sequences = Sequences.of(library);
            Optional<Sequence> found = sequences.findByName(name);
            if (found.isEmpty() && name.matches("\\d+")) {
                found = sequences.find(Long.parseLong(name));
            }
            return found.filter(s -> s.kind() == SequenceKind.IMPORT).map(Sequence::id).orElseThrow(
                    () -> new RefusedException(Refusal.of(Refusal.Kind.NOT_FOUND, "sequence.not_an_import",
                            "there is no import '" + name + "'", "list them with 'timelapse sequences list'")));
        }
    }

    /** The one-transition subcommands: name a sequence, fire. */
    private abstract static class Transition extends Subcommand {
        @Parameters(paramLabel = "SEQUENCE", description = "The sequence's id or name.")
        String sequence;

        @Option(names = "--why", paramLabel = "TEXT", defaultValue = "from the command line",
                description = "Recorded in the sequence's history.")
        String why;

        abstract String fire(SequenceCatalog catalog, SequenceView view, String why);

        @Override
        public Integer call() {
            try (Session session = parent.session(library)) {
                SequenceView view = find(session.catalog, sequence);
                spec.commandLine().getOut().println(fire(session.catalog, view, why));
                return 0;
            } catch (RefusedException refused) {
                return RefusalText.print(spec.qualifiedName(), refused, spec.commandLine().getErr());
            }
        }
    }

    @Command(name = "archive", description = "Archives a sequence: kept, out of the way.")
    static final class Archive extends Transition {
        @Override
        String fire(SequenceCatalog catalog, SequenceView view, String why) {
            catalog.archive(view.id(), why);
            return "Sequence " + view.id() + " '" + view.sequence().name() + "' is archived.";
        }
    }

    @Command(name = "unarchive", description = "Makes an archived sequence active again.")
    static final class Unarchive extends Transition {
        @Override
        String fire(SequenceCatalog catalog, SequenceView view, String why) {
            catalog.unarchive(view.id(), why);
            return "Sequence " + view.id() + " '" + view.sequence().name() + "' is active.";
        }
    }

    @Command(name = "delete", description = {
        "Deletes a sequence defined by rules. Its frames stay with their cameras and imports; renders keep their",
        "files. Refused while the sequence is being rendered."
    })
    static final class Delete extends Transition {
        @Override
        String fire(SequenceCatalog catalog, SequenceView view, String why) {
            catalog.delete(view.id(), why);
            return "Sequence " + view.id() + " '" + view.sequence().name() + "' is deleted.";
        }
    }
}
