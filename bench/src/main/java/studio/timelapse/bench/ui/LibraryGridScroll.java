package studio.timelapse.bench.ui;

import com.sun.javafx.perf.PerformanceTracker;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.util.Callback;
import org.controlsfx.control.GridCell;
import org.controlsfx.control.GridView;
import studio.timelapse.desktop.library.Sequence;
import studio.timelapse.desktop.library.SequenceDefinition;
import studio.timelapse.desktop.library.Sequences;
import studio.timelapse.desktop.ui.StudioSession;
import studio.timelapse.desktop.ui.StudioWindow;
import studio.timelapse.desktop.ui.library.SequenceItem;
import studio.timelapse.desktop.ui.shell.Screen;
import studio.timelapse.shared.home.AppHome;
import studio.timelapse.shared.home.DataHome;

/**
 * Frame rate of the Library screen's thumbnail grid while it scrolls through a sequence of 100,000 frames (a library
 * made by {@code SyntheticLibrary}, with real JPEG thumbnails in it), in the real window on a real display (run it
 * under Xvfb: {@code bench/run-studio-window.sh}).
 *
 * <p>The window opens on the library, shows the sequence of all its cameras' frames, then scrolls the grid at a steady
 * rate, moved by an {@link AnimationTimer} on every pulse by the time since the last one, so a slow pulse scrolls
 * farther rather than slowing the scroll. Two kinds of scroll: a steady reading pace ({@code px/s}) and a sweep through
 * the whole grid (its scroll position from top to bottom over a fixed time). Each runs twice, first over the floor —
 * the same grid with empty cells of the same size and background, what the grid itself costs to lay out and paint —
 * then with the thumbnails. Each run reports the pulses the timer saw, the frames JavaFX rendered
 * ({@link PerformanceTracker}), the dropped frames (a gap between pulses longer than 1.5 frames of 60 Hz counts the
 * frames it skipped), the worst gap, the process's CPU time, and the CPU time per pulse of the JavaFX thread and of
 * the renderer thread. Before scrolling it reports how soon the grid showed its first thumbnail after the sequence was
 * chosen, and when every frame was listed.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar studio.timelapse.bench.ui.LibraryGridScroll LIBRARY [SECONDS]
 * [PX_PER_S]}
 */
public final class LibraryGridScroll {
    static final String SEQUENCE = "All cameras";
    private static final double FRAME_NANOS = 1e9 / 60;

    private StudioSession session;
    private StudioWindow window;

    /** The main class must not be an {@link Application} itself: Java's launcher then insists on JavaFX modules. */
    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** The benchmark as a JavaFX application. */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) throws Exception {
            new LibraryGridScroll().start(stage, getParameters().getRaw());
        }
    }

    private void start(Stage stage, List<String> args) throws Exception {
        Path library = Path.of(args.get(0)).toAbsolutePath();
        double seconds = args.size() > 1 ? Double.parseDouble(args.get(1)) : 20;
        double pixelsPerSecond = args.size() > 2 ? Double.parseDouble(args.get(2)) : 2000;
        Path home = Files.createTempDirectory("timelapse-bench-window");
        session = StudioSession.builder(new DataHome("studio home", AppHome.STUDIO_HOME_VARIABLE, home))
                .library(library).open();
        defineAllCameras();
        session.start();
        window = StudioWindow.show(session, stage, video -> { });
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(1360);
        stage.setHeight(860);
        window.shell().screenProperty().set(Screen.LIBRARY);
        Thread driver = new Thread(() -> {
            try {
                run(seconds, pixelsPerSecond);
                System.exit(0);
            } catch (Throwable e) {
                e.printStackTrace();
                System.exit(1);
            }
        }, "scroll-benchmark");
        driver.setDaemon(true);
        driver.start();
    }

    /** The sequence of every camera's stream, all frames: as many as the library holds. */
    private void defineAllCameras() {
        if (session.sequences().findByName(SEQUENCE).isPresent()) {
            return;
        }
        List<Long> streams = Sequences.of(session.library()).all().stream()
                .filter(sequence -> sequence.kind() == studio.timelapse.desktop.library.SequenceKind.CAMERA)
                .map(Sequence::id).toList();
        session.sequences().define(SEQUENCE, SequenceDefinition.of(streams), "benchmark");
    }

    @SuppressWarnings("unchecked")
    private void run(double seconds, double pixelsPerSecond) throws Exception {
        await("the sequence is listed", () -> onFx(() -> window.library().sequences().stream()
                .anyMatch(item -> item.name().equals(SEQUENCE))), Duration.ofMinutes(2));
        long frames = onFx(() -> {
            SequenceItem all = window.library().sequences().stream().filter(item -> item.name().equals(SEQUENCE))
                    .findFirst().orElseThrow();
            window.library().selectedSequenceProperty().set(all);
            return all.frames();
        });
        long loadStarted = System.nanoTime();
        GridView<Integer> grid = onFx(() -> (GridView<Integer>) window.scene().lookup("#frame-grid"));
        await("the grid shows its first thumbnail", () -> onFx(() -> grid.getItems().size() > 0
                && grid.lookupAll(".grid-cell .image-view").stream()
                        .anyMatch(node -> node instanceof ImageView view && view.getImage() != null)),
                Duration.ofMinutes(5));
        double usable = (System.nanoTime() - loadStarted) / 1e9;
        int gridItems = onFx(() -> grid.getItems().size());
        await("every frame is in the grid", () -> onFx(() -> window.library().frameCountProperty().get() >= frames
                && !window.library().loadingFramesProperty().get()), Duration.ofMinutes(5));
        System.out.printf(Locale.ROOT, "sequence of %,d frames: the grid showed its first thumbnail after %.1f s"
                + " (with %,d items), every frame listed after %.1f s%n", frames, usable, gridItems,
                (System.nanoTime() - loadStarted) / 1e9);
        VirtualFlow<?> flow = onFx(() -> {
            Node found = window.scene().lookup("#frame-grid .virtual-flow");
            return (VirtualFlow<?>) found;
        });
        System.out.println("rendering: " + com.sun.prism.GraphicsPipeline.getPipeline().getClass().getSimpleName());
        Callback<GridView<Integer>, GridCell<Integer>> thumbnails = onFx(grid::getCellFactory);
        Callback<GridView<Integer>, GridCell<Integer>> empty = g -> new EmptyCell();
        // Warm up: the JIT, the cells, the thumbnail cache.
        scroll(flow, 5, pixelsPerSecond, false);
        String steadyName = String.format(Locale.ROOT, "steady scroll at %,.0f px/s", pixelsPerSecond);
        String sweepName = String.format(Locale.ROOT, "sweep through all %,d frames", frames);
        // The floor first, then with thumbnails, for each kind of scroll: the same window, cells and rows.
        for (boolean sweep : new boolean[] {false, true}) {
            for (boolean withThumbnails : new boolean[] {false, true}) {
                onFx(() -> {
                    grid.setCellFactory(withThumbnails ? thumbnails : empty);
                    flow.setPosition(0);
                    return null;
                });
                Result result = scroll(flow, seconds, sweep ? 0 : pixelsPerSecond, sweep);
                System.out.println(result.describe((sweep ? sweepName : steadyName)
                        + (withThumbnails ? ", thumbnails" : ", floor (empty cells)")));
            }
        }
    }

    /**
     * The floor: a cell of the same size and background as a thumbnail's, with nothing in it — what drawing the
     * grid itself costs at this window size, without thumbnails to fetch, decode and draw.
     */
    private static final class EmptyCell extends GridCell<Integer> {
        private final StackPane box = new StackPane();

        EmptyCell() {
            box.setStyle("-fx-background-color: -color-bg-inset;");
            box.setPrefSize(160, 90);
            setGraphic(box);
        }

        @Override
        protected void updateItem(Integer index, boolean empty) {
            super.updateItem(index, empty);
            box.setVisible(!empty && index != null);
        }
    }

    /** Scrolls for {@code seconds}: by {@code pixelsPerSecond}, or (sweep) from the top to the bottom of the grid. */
    private Result scroll(VirtualFlow<?> flow, double seconds, double pixelsPerSecond, boolean sweep)
            throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        List<Long> pulses = new ArrayList<>();
        PerformanceTracker tracker = onFx(() -> PerformanceTracker.getSceneTracker(window.scene()));
        long fxThread = onFx(() -> Thread.currentThread().getId());
        long renderThread = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("QuantumRenderer")).mapToLong(Thread::getId)
                .findFirst().orElse(-1);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long fxBefore = threads.getThreadCpuTime(fxThread);
        long renderBefore = renderThread < 0 ? 0 : threads.getThreadCpuTime(renderThread);
        long cpuBefore = cpuNanos();
        AnimationTimer timer = new AnimationTimer() {
            private long first = -1;
            private long previous = -1;

            @Override
            public void handle(long now) {
                if (first < 0) {
                    first = now;
                    previous = now;
                    tracker.resetAverageFPS();
                }
                pulses.add(now);
                double elapsed = (now - first) / 1e9;
                if (sweep) {
                    flow.setPosition(Math.min(1, elapsed / seconds));
                } else {
                    flow.scrollPixels(pixelsPerSecond * (now - previous) / 1e9);
                }
                previous = now;
                if (elapsed >= seconds) {
                    stop();
                    done.countDown();
                }
            }
        };
        onFx(() -> {
            timer.start();
            return null;
        });
        if (!done.await((long) seconds + 60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the scroll did not end");
        }
        double fps = onFx(tracker::getAverageFPS);
        long cpu = cpuNanos() - cpuBefore;
        long fx = threads.getThreadCpuTime(fxThread) - fxBefore;
        long render = renderThread < 0 ? 0 : threads.getThreadCpuTime(renderThread) - renderBefore;
        return Result.of(pulses, fps, cpu, fx, render);
    }

    /**
     * One scroll: pulses, frames, drops, and CPU time — the process's, and per pulse the JavaFX thread's (layout, CSS,
     * cell updates) and the renderer thread's (painting in software): what the scroll costs whatever the load.
     */
    record Result(int pulses, double seconds, double renderedFps, int dropped, double worstGapMs, double cpuSeconds,
            double fxMsPerPulse, double renderMsPerPulse) {
        static Result of(List<Long> pulses, double renderedFps, long cpuNanos, long fxNanos, long renderNanos) {
            int dropped = 0;
            long worst = 0;
            for (int i = 1; i < pulses.size(); i++) {
                long gap = pulses.get(i) - pulses.get(i - 1);
                worst = Math.max(worst, gap);
                if (gap > 1.5 * FRAME_NANOS) {
                    dropped += (int) Math.round(gap / FRAME_NANOS) - 1;
                }
            }
            double seconds = (pulses.get(pulses.size() - 1) - pulses.get(0)) / 1e9;
            return new Result(pulses.size(), seconds, renderedFps, dropped, worst / 1e6, cpuNanos / 1e9,
                    fxNanos / 1e6 / pulses.size(), renderNanos / 1e6 / pulses.size());
        }

        String describe(String what) {
            return String.format(Locale.ROOT, "%s: %d pulses in %.1f s = %.1f pulses/s; rendered %.1f fps;"
                    + " dropped %d of %d frames at 60 Hz (%.1f %%); worst gap %.0f ms; process CPU %.1f s (%.0f %% of"
                    + " one core); CPU per pulse: JavaFX thread %.1f ms, renderer %.1f ms", what, pulses, seconds,
                    (pulses - 1) / seconds, renderedFps, dropped, Math.round(seconds * 60),
                    100.0 * dropped / Math.max(1, Math.round(seconds * 60)), worstGapMs, cpuSeconds,
                    100 * cpuSeconds / seconds, fxMsPerPulse, renderMsPerPulse);
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(2, TimeUnit.MINUTES);
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static void await(String what, Check check, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting until " + what);
            }
            Thread.sleep(100);
        }
    }
}
