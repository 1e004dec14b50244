package studio.timelapse.desktop.ui;

import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import studio.timelapse.desktop.ui.cameras.CameraTaskLogs;
import studio.timelapse.desktop.ui.cameras.CamerasView;
import studio.timelapse.desktop.ui.cameras.CamerasViewModel;
import studio.timelapse.desktop.ui.common.UiWork;
import studio.timelapse.desktop.ui.library.LibraryView;
import studio.timelapse.desktop.ui.library.LibraryViewModel;
import studio.timelapse.desktop.ui.render.RenderView;
import studio.timelapse.desktop.ui.render.RenderViewModel;
import studio.timelapse.desktop.ui.jobs.JobsView;
import studio.timelapse.desktop.ui.jobs.JobsViewModel;
import studio.timelapse.desktop.ui.log.LogExplorerView;
import studio.timelapse.desktop.ui.log.LogExplorerViewModel;
import studio.timelapse.desktop.ui.shell.MainWindow;
import studio.timelapse.desktop.ui.shell.MainWindowViewModel;
import studio.timelapse.desktop.ui.shell.Screen;
import studio.timelapse.desktop.ui.shell.ShellSettingsFile;
import studio.timelapse.shared.process.LocalProcess;

/**
 * The studio window assembled over a {@link StudioSession}: the view-models with their background executor, the
 * views, and the stage. What {@link StudioApp} shows, and what UI tests open on a stage of their own.
 */
public final class StudioWindow implements AutoCloseable {
    private final ExecutorService background;
    private final MainWindowViewModel shell;
    private final JobsViewModel jobs;
    private final LogExplorerViewModel log;
    private final CamerasViewModel cameras;
    private final LibraryViewModel library;
    private final RenderViewModel render;
    private LibraryView libraryView;
    private final MainWindow window;
    private Scene scene;

    private StudioWindow(StudioSession session, java.util.function.Consumer<java.nio.file.Path> player) {
        AtomicInteger threads = new AtomicInteger();
        this.background = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "studio-ui-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        UiWork work = new UiWork(session.log(), background, Platform::runLater);
        ShellSettingsFile settings = new ShellSettingsFile(session.windowSettingsFile(), session.log());
        this.shell = new MainWindowViewModel(settings, settings.load(), background);
        ZoneId zone = ZoneId.systemDefault();
        this.log = new LogExplorerViewModel(session.logs(), session.log(), session.clock(), zone, work,
                new CameraTaskLogs(session.cameras()));
        shell.onExplain(log::open);
        this.jobs = new JobsViewModel(session.jobs(), session.jobTypes(), session.tracker(), work, shell);
        this.render = new RenderViewModel(session.library(), session.sequences(), session.jobs(), session.renderJob(),
                session.videos(), work, shell, player, zone, session.clock());
        this.library = new LibraryViewModel(session.library(), session.sequences(), session.tracker(), work, shell,
                folder -> session.importFolder(folder, java.util.Optional.empty(), zone), zone);
        this.cameras = new CamerasViewModel(session.cameras(), session.library(), session.sync(), session.demoCameraHome(),
                "Timelapse Studio on " + LocalProcess.hostName(), zone, work, shell);

        Map<Screen, Supplier<Parent>> screens = new EnumMap<>(Screen.class);
        screens.put(Screen.JOBS, () -> {
            jobs.start();
            return new JobsView(jobs).root();
        });
        screens.put(Screen.LOG, () -> {
            // Reading every log file is for the Log screen alone: not at launch, unless it is the first screen.
            log.load();
            return new LogExplorerView(log, zone).root();
        });
        screens.put(Screen.CAMERAS, () -> {
            cameras.start();
            return new CamerasView(cameras).root();
        });
        screens.put(Screen.LIBRARY, () -> {
            library.start();
            libraryView = new LibraryView(library);
            return libraryView.root();
        });
        screens.put(Screen.RENDER, () -> new RenderView(render).root());
        this.window = new MainWindow(shell, screens);
    }

    /**
     * Builds the window over {@code session} and shows it on {@code stage}. Call on the JavaFX thread.
     *
     * @param player opens a video in the system's player
     */
    public static StudioWindow show(StudioSession session, Stage stage, java.util.function.Consumer<java.nio.file.Path>
            player) {
        StudioWindow studio = new StudioWindow(session, player);
        studio.scene = studio.window.showOn(stage);
        return studio;
    }

    public Scene scene() {
        return scene;
    }

    public MainWindowViewModel shell() {
        return shell;
    }

    public JobsViewModel jobs() {
        return jobs;
    }

    public LogExplorerViewModel log() {
        return log;
    }

    public CamerasViewModel cameras() {
        return cameras;
    }

    public LibraryViewModel library() {
        return library;
    }

    public RenderViewModel render() {
        return render;
    }

    @Override
    public void close() throws Exception {
        jobs.close();
        log.close();
        cameras.close();
        library.close();
        if (libraryView != null) {
            libraryView.close();
        }
        background.shutdown();
        background.awaitTermination(5, TimeUnit.SECONDS);
    }
}
