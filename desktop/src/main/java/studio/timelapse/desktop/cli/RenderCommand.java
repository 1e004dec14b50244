package studio.timelapse.desktop.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import studio.timelapse.desktop.core.StudioCore;
import studio.timelapse.desktop.render.RenderJob;
import studio.timelapse.desktop.render.RenderRequest;
import studio.timelapse.desktop.render.look.Corner;
import studio.timelapse.shared.home.AppHome;
import studio.timelapse.shared.job.Job;
import studio.timelapse.shared.job.JobState;
import studio.timelapse.shared.job.SubmitOptions;
import studio.timelapse.shared.refusal.RefusedException;

/**
 * {@code timelapse render}: a sequence or a folder of JPEGs to an MP4, as a render job. Run again after a crash or a
 * Ctrl-C with the same options, it resumes the unfinished render instead of starting over.
 */
@Command(name = "render", description = {
    "Renders a sequence of the library, or a folder of JPEGs, to an H.264 MP4 video.",
    "The render is a job: Ctrl-C or a crash loses at most one segment of a few seconds; run the same",
    "command again to resume it. 'timelapse jobs' shows it, 'timelapse jobs cancel ID' stops it."
})
final class RenderCommand implements Callable<Integer> {
    private final AppHome homes;
    private final ZoneId zone;

    @Mixin
    HelpOption help;

    @Mixin
    LibraryOption library;

    @Spec
    CommandSpec spec;

    @ArgGroup(multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--sequence", paramLabel = "ID", description = "The library sequence to render.")
        Long sequence;

        @Parameters(paramLabel = "DIR", description = "A folder of JPEG files to render, in capture order.")
        Path folder;
    }

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.mp4", required = true, description = "The video to write.")
    Path output;

    @Option(names = "--size", paramLabel = "SIZE", defaultValue = "1080p",
            description = "480p, 720p, 1080p, 1440p, 2160p or original (default: ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--crop", description = "Fill the frame and crop what does not fit (default: fit, with bars).")
    boolean crop;

    @Option(names = "--fps", paramLabel = "N", defaultValue = "25",
            description = "Frames per second of the video (default: ${DEFAULT-VALUE}).")
    double fps;

    @Option(names = "--quality", paramLabel = "Q", defaultValue = "70",
            description = "0 (smallest) to 100 (best), the same scale for every encoder (default: ${DEFAULT-VALUE}).")
    int quality;

    @Option(names = "--encoder", paramLabel = "NAME",
            description = "jcodec or x264 (default: x264 where available, else jcodec).")
    String encoder;

    @Option(names = "--deflicker", paramLabel = "WINDOW", arity = "0..1", fallbackValue = "15",
            description = "Smooth out flicker over a rolling window of frames (default window: 15).")
    Integer deflicker;

    @Option(names = "--every", paramLabel = "N", defaultValue = "1", description = "Take every Nth frame.")
    int every;

    @Option(names = "--from", paramLabel = "TIME", description = "Only frames captured from then (a date or time).")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "Only frames captured before then (a date: its end).")
    String to;

    @Option(names = "--overlay-time", paramLabel = "FORMAT",
            description = "Show each frame's capture time, e.g. 'yyyy-MM-dd HH:mm'.")
    String overlayTime;

    @Option(names = "--overlay-corner", paramLabel = "CORNER", defaultValue = "bottom-right",
            description = "top-left, top-right, bottom-left or bottom-right (default: ${DEFAULT-VALUE}).")
    String overlayCorner;

    @Option(names = "--title", paramLabel = "TEXT", description = "A title shown at the start.")
    String title;

    @Option(names = "--blend", paramLabel = "N", defaultValue = "1",
            description = "Average N neighbouring frames into each, for motion blur (default: none).")
    int blend;

    @Option(names = "--pan", paramLabel = "T:X,Y,ZOOM", split = ";",
            description = "Crop, pan and zoom keyframes: at T (0 = start, 1 = end) centre on X,Y (0-1) at ZOOM (1 ="
                    + " whole frame), e.g. '0:0.5,0.5,1;1:0.3,0.4,2'.")
    List<String> pan;

    @Option(names = "--preview", description = "A quick low-resolution look (480p, fast decoding, a few hundred frames).")
    boolean preview;

    RenderCommand(AppHome homes, ZoneId zone) {
        this.homes = homes;
        this.zone = zone;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RenderRequest request;
        try {
            request = request();
        } catch (RefusedException refused) {
            return RefusalText.print("timelapse render", refused, err);
        } catch (IllegalArgumentException e) {
            err.println("timelapse render: " + e.getMessage());
            return 2;
        }
        StudioCore.Settings settings = StudioCore.Settings.defaults();
        try (LibraryOption.OpenCore open = library.openOrCreateRenderCore(homes, settings);
                ProgressPrinter progress = ProgressPrinter.follow(open.log(), RenderJob.NAME, out)) {
            StudioCore core = open.core();
            RenderPreload.encoder(settings.encoders(), request.encoder());
            RenderPreload.queries(core.library());
            core.renderJob().refuseUnlessRenderable(request); // nothing is queued for a sequence that cannot render
            Job job = resumableOrNew(core, request);
            out.println((job.state() == JobState.QUEUED && job.chunksDone() == 0 ? "Rendering " : "Resuming ")
                    + request.describeSource() + " to " + request.output() + " (job " + job.id() + ")");
            out.flush();
            Job finished = core.jobs().awaitFinished(job.id(), Duration.ofDays(30));
            progress.close();
            out.println();
            if (finished.state() == JobState.SUCCEEDED) {
                out.println("Video: " + request.output());
                out.println("Details: timelapse log " + finished.taskUuid().orElse(""));
                return 0;
            }
            err.println("timelapse render: the render " + finished.state().wire() + finished.lastError()
                    .map(e -> ": " + e).orElse(""));
            err.println("  -> see why with 'timelapse log --failed'");
            return 1;
        } catch (RefusedException refused) {
            return RefusalText.print("timelapse render", refused, err);
        }
    }

    /** The unfinished render with exactly these settings (resumed), or a new one. */
    private static Job resumableOrNew(StudioCore core, RenderRequest request) {
        for (Job job : core.jobs().jobs(JobState.QUEUED, JobState.RUNNING, JobState.INTERRUPTED)) {
            if (RenderJob.requestOf(job).filter(request::equals).isPresent()) {
                return job;
            }
        }
        return core.jobs().submit(core.renderJob(), request, SubmitOptions.defaults());
    }

    private RenderRequest request() {
        Optional<Instant> fromTime = Optional.ofNullable(from).map(t -> CaptureTimeArgument.parse(t, false, zone));
        Optional<Instant> toTime = Optional.ofNullable(to).map(t -> CaptureTimeArgument.parse(t, true, zone));
        return new RenderRequest(Optional.ofNullable(source.sequence),
                Optional.ofNullable(source.folder).map(f -> f.toAbsolutePath().normalize().toString()), fromTime,
                toTime, every, size, crop, fps, quality, Optional.ofNullable(encoder), Optional.ofNullable(deflicker),
                blend, Optional.ofNullable(overlayTime), corner(overlayCorner), Optional.ofNullable(title),
                viewport(pan), preview, output.toAbsolutePath().normalize().toString());
    }

    private static Corner corner(String text) {
        try {
            return Corner.valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--overlay-corner takes top-left, top-right, bottom-left or "
                    + "bottom-right, not " + text);
        }
    }

    static List<RenderRequest.ViewportStop> viewport(List<String> stops) {
        List<RenderRequest.ViewportStop> out = new ArrayList<>();
        if (stops == null) {
            return out;
        }
        for (String stop : stops) {
            String[] timeAndView = stop.trim().split(":");
            String[] view = timeAndView.length == 2 ? timeAndView[1].split(",") : new String[0];
            if (view.length != 3) {
                throw new IllegalArgumentException("--pan takes keyframes like 0:0.5,0.5,1 (time:x,y,zoom), not "
                        + stop);
            }
            try {
                out.add(new RenderRequest.ViewportStop(Double.parseDouble(timeAndView[0]),
                        Double.parseDouble(view[0]), Double.parseDouble(view[1]), Double.parseDouble(view[2])));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--pan takes numbers (time:x,y,zoom), not " + stop);
            }
        }
        return out;
    }
}
