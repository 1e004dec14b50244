package studio.timelapse.desktop.ui;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Map;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import studio.timelapse.shared.actionlog.slf4j.LibraryLogBridge;
import studio.timelapse.shared.home.AppHome;
import studio.timelapse.shared.home.DataHome;

/**
 * The studio as a JavaFX application: opens the session (off the JavaFX thread, in {@link #init()}), shows the
 * window, starts the session's background work once the window is on screen, and closes everything when the window
 * closes. Parameters: {@code --home=FOLDER} and
 * {@code --library=FOLDER} (see {@link StudioLauncher}).
 */
public final class StudioApp extends Application {
    private StudioSession session;
    private StudioWindow window;
    private Exception failure;
    private Thread starter;

    @Override
    public void init() {
        Map<String, String> named = getParameters().getNamed();
        DataHome home = new DataHome("studio home", AppHome.STUDIO_HOME_VARIABLE, Path.of(named.get("home")));
        try {
            session = StudioSession.builder(home).library(Path.of(named.get("library"))).discoverOnLan(true).open();
            LibraryLogBridge.route(session.log());
        } catch (Exception e) {
            failure = e;
        }
    }

    @Override
    public void start(Stage stage) {
        if (failure != null) {
            Alert alert = new Alert(Alert.AlertType.ERROR, String.valueOf(failure.getMessage()));
            alert.setHeaderText("The studio could not open its library");
            alert.showAndWait();
            Platform.exit();
            return;
        }
        window = StudioWindow.show(session, stage, video -> getHostServices().showDocument(video.toUri().toString()));
        reportReady(window.scene(), sinceProcessStart());
    }

    /**
     * Starts the session's background work — the cameras' watch, the first ingest, discovery on the LAN — once the
     * window is on screen: the first screen needs none of it, and before then it would only compete with the window
     * for the cores. Off the JavaFX thread, as it reads the library and opens sockets.
     */
    private void startSession() {
        starter = new Thread(() -> {
            try {
                session.start();
            } catch (RuntimeException e) {
                session.log().message("studio:session:start_failed", "reason", String.valueOf(e.getMessage()));
            }
        }, "studio-start");
        starter.setDaemon(true);
        starter.start();
    }

    /**
     * Logs {@code studio:ui:ready} at the first pulse after the window was shown — its first frame is drawn and it
     * takes input from then on — with the times since the process started (the JVM's start time) and the process's
     * CPU time by then: the launch benchmark reads them (docs/benchmarks.md, "Studio window").
     */
    private void reportReady(Scene scene, long shownMs) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            long cpuMs = ManagementFactory.getOperatingSystemMXBean()
                    instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() / 1_000_000 : -1;
            session.log().message("studio:ui:ready", "since_process_start_ms", sinceProcessStart(),
                    "shown_since_process_start_ms", shownMs, "process_cpu_ms", cpuMs);
            startSession();
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    private static long sinceProcessStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    @Override
    public void stop() throws Exception {
        try {
            if (starter != null) {
                starter.join(10_000); // the session closes what it started, so not while it is starting
            }
            if (window != null) {
                window.close();
            }
        } finally {
            if (session != null) {
                session.close();
            }
        }
    }
}
