package studio.timelapse.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import studio.timelapse.desktop.library.Frames;
import studio.timelapse.desktop.ui.library.SequenceItem;
import studio.timelapse.desktop.ui.shell.Screen;
import studio.timelapse.desktop.ui.shell.Theme;
import studio.timelapse.shared.job.JobState;

/**
 * The user guide's screenshots, taken of the real window: the demo camera (a real agent with the synthetic camera)
 * captures a simulated day, the studio syncs, ingests and renders a preview, and each screen is photographed.
 * Runs only when asked: {@code ./mvnw -pl desktop -am verify -Dtest=ScreenshotsTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dscreenshots.dir=$PWD/docs/images} (see docs/images/README.md).
 */
@EnabledIfSystemProperty(named = "screenshots.dir", matches = ".+")
@ExtendWith(ApplicationExtension.class)
class ScreenshotsTest {
    private static final Duration WAIT = Duration.ofMinutes(3);

    @TempDir
    Path home;

    private StudioSession session;
    private StudioWindow window;
    private Stage stage;

    @Start
    void start(Stage primary) throws Exception {
        this.stage = primary;
        session = TestStudio.open(home, Clock.systemUTC());
        window = StudioWindow.show(session, primary, path -> { });
        primary.setWidth(1360);
        primary.setHeight(860);
    }

    @AfterEach
    void close() throws Exception {
        window.close();
        session.close();
    }

    @Test
    void everyScreenIsPhotographed(FxRobot robot) throws Exception {
        Path folder = Path.of(System.getProperty("screenshots.dir"));
        Files.createDirectories(folder);
        show(robot, Screen.CAMERAS);
        shoot(robot, folder.resolve("first-run.png"));

        robot.interact(() -> window.cameras().startDemo());
        Frames frames = Frames.of(session.library());
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> frames.count() >= 45);
        assertThat(session.jobs().awaitFinished(session.ingestEverything().id(), WAIT).state())
                .isEqualTo(JobState.SUCCEEDED);
        robot.interact(() -> {
            window.cameras().refresh();
            window.cameras().livePreviewProperty().set(true);
            window.cameras().previewTick();
        });
        Thread.sleep(3_000);
        shoot(robot, folder.resolve("cameras.png"));

        show(robot, Screen.LIBRARY);
        await().atMost(WAIT).until(() -> window.library().frameCountProperty().get() >= 45);
        robot.interact(() -> window.library().show(window.library().frameCountProperty().get() / 2));
        Thread.sleep(2_000);
        shoot(robot, folder.resolve("library.png"));

        show(robot, Screen.RENDER);
        robot.interact(() -> {
            window.render().showTimeProperty().set(true);
            window.render().addKeyframe();
            window.render().addKeyframe();
            window.render().selectedKeyframeProperty().get().zoomProperty().set(1.8);
            window.render().selectedKeyframeProperty().get().centreXProperty().set(0.62);
            window.render().preview();
        });
        await().atMost(WAIT).until(() -> !window.render().renders().isEmpty());
        Thread.sleep(2_000);
        shoot(robot, folder.resolve("render.png"));

        show(robot, Screen.JOBS);
        Thread.sleep(2_500);
        shoot(robot, folder.resolve("jobs.png"));

        show(robot, Screen.LOG);
        robot.interact(() -> window.log().typeFilterProperty().set("sync"));
        Thread.sleep(2_000);
        robot.interact(() -> window.log().tasks().stream().findFirst()
                .ifPresent(task -> window.log().open(task.taskUuid())));
        Thread.sleep(2_000);
        shoot(robot, folder.resolve("log.png"));

        robot.interact(() -> window.shell().themeProperty().set(Theme.DARK));
        show(robot, Screen.LIBRARY);
        Thread.sleep(1_500);
        shoot(robot, folder.resolve("library-dark.png"));
        robot.interact(() -> window.shell().themeProperty().set(Theme.LIGHT));
        assertThat(window.library().sequences()).extracting(SequenceItem::name).contains("Demo camera");
    }

    private void show(FxRobot robot, Screen screen) {
        robot.interact(() -> window.shell().screenProperty().set(screen));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void shoot(FxRobot robot, Path file) throws IOException {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = stage.getScene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", file.toFile());
    }
}
