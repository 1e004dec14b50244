package studio.timelapse.bench.ui;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The reference for the studio's launch time: a JavaFX window with one label, measured the way the studio measures
 * itself ({@code studio:ui:ready}): from the JVM's start to the first pulse after the stage is shown. It prints one
 * line and exits. What JavaFX alone costs on this machine and display, run interleaved with the studio's launches by
 * {@code bench/run-studio-window.sh}.
 */
public final class EmptyWindowLaunch {
    private EmptyWindowLaunch() {}

    /** The main class must not be an {@link Application} itself: Java's launcher then insists on JavaFX modules. */
    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** The window. */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            show(stage);
        }
    }

    private static void show(Stage stage) {
        Scene scene = new Scene(new StackPane(new Label("Timelapse Studio")), 1200, 780);
        stage.setScene(scene);
        stage.show();
        long shown = sinceProcessStart();
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            long cpuMs = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime() / 1_000_000;
            System.out.printf(Locale.ROOT, "ready since_process_start_ms=%d shown_since_process_start_ms=%d"
                    + " process_cpu_ms=%d%n", sinceProcessStart(), shown, cpuMs);
            Platform.exit();
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    private static long sinceProcessStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }
}
