package studio.timelapse.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeTableView;
import javafx.scene.image.ImageView;
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
import studio.timelapse.desktop.library.Frame;
import studio.timelapse.desktop.library.Frames;
import studio.timelapse.desktop.library.SequenceDefinition;
import studio.timelapse.desktop.library.Sequences;
import studio.timelapse.desktop.render.RenderRequest;
import studio.timelapse.desktop.ui.jobs.JobRow;
import studio.timelapse.desktop.ui.library.SequenceItem;
import studio.timelapse.desktop.ui.log.TaskNode;
import studio.timelapse.desktop.ui.shell.Screen;
import studio.timelapse.desktop.ui.shell.Theme;
import studio.timelapse.shared.job.Job;
import studio.timelapse.shared.job.JobState;
import studio.timelapse.shared.job.SubmitOptions;
import studio.timelapse.shared.protocol.CaptureCommand;

/**
 * The user guide's screenshots (docs/user-guide.md), taken of the real window: the demo camera (a real agent with
 * the synthetic camera, a child process) captures a simulated day, the studio syncs, ingests and renders a preview, a
 * render fails on damaged frames, and each screen is photographed. Runs only when asked, on a real display:
 * {@code docs/images/take-screenshots.sh} (Xvfb, JavaFX rendering for real; see docs/images/README.md).
 */
@EnabledIfSystemProperty(named = "screenshots.dir", matches = ".+")
@ExtendWith(ApplicationExtension.class)
class ScreenshotsTest {
    private static final Duration WAIT = Duration.ofMinutes(6);
    private static final int FRAMES = 36;

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

        // Pair: the demo camera, paired through its console's code, captures a simulated day.
        robot.interact(() -> window.cameras().startDemo());
        Frames frames = Frames.of(session.library());
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> {
            assertThat(window.cameras().problemProperty().get()).as("the demo camera's problem").isEmpty();
            return frames.count() >= FRAMES;
        });
        assertThat(session.jobs().awaitFinished(session.ingestEverything().id(), WAIT).state())
                .isEqualTo(JobState.SUCCEEDED);
        robot.interact(() -> {
            window.cameras().refresh();
            window.cameras().livePreviewProperty().set(true);
            window.cameras().previewTick();
        });
        await().atMost(WAIT).until(() -> window.cameras().previewProperty().get().isPresent());
        shoot(robot, folder.resolve("cameras.png"));

        // Watch and curate: the library, halfway through the day.
        show(robot, Screen.LIBRARY);
        await().atMost(WAIT).until(() -> window.library().frameCountProperty().get() >= FRAMES);
        int midday = brightestFrame(frames);
        robot.interact(() -> window.library().show(midday));
        shoot(robot, folder.resolve("library.png"));
        robot.interact(() -> window.library().defineSequence());
        await().atMost(WAIT).until(() -> robot.lookup("#define-sheet").tryQuery().isPresent());
        robot.clickOn("#define-name").write("Golden hour");
        shoot(robot, folder.resolve("define-sequence.png"));
        robot.interact(() -> window.library().closeDefine());

        // Render: a preview with the capture time and a slow zoom.
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
        shoot(robot, folder.resolve("render.png"));

        // A render that fails (every frame of its sequence damaged on disk), its row on the Jobs screen, and its "why?".
        // The demo camera stops first, so its syncs do not push the failed render out of sight.
        String demo = window.cameras().cameras().get(0).id();
        session.cameras().control().command(demo, CaptureCommand.STOP);
        Job failed = session.jobs().awaitFinished(renderWithDamagedFrames(frames).id(), WAIT);
        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        show(robot, Screen.JOBS);
        TableView<JobRow> jobs = StudioWindowTest.find(robot, "#jobs-table", TableView.class);
        await().atMost(WAIT).until(() -> jobs.getItems().stream().anyMatch(row -> row.id() == failed.id()));
        robot.interact(() -> jobs.getItems().stream().filter(row -> row.id() == failed.id()).findFirst()
                .ifPresent(row -> {
                    jobs.scrollTo(row);
                    jobs.getSelectionModel().select(row);
                }));
        Hyperlink why = StudioWindowTest.find(robot, "#task-" + failed.id(), Hyperlink.class);
        await().atMost(WAIT).until(() -> "why?".equals(why.getText()));
        shoot(robot, folder.resolve("jobs.png"));

        robot.clickOn(why);
        TreeTableView<TaskNode> tree = StudioWindowTest.find(robot, "#task-tree", TreeTableView.class);
        await().atMost(WAIT).until(() -> tree.getRoot() != null && !tree.getRoot().getChildren().isEmpty()
                && tree.getSelectionModel().getSelectedItem() != null);
        shoot(robot, folder.resolve("log.png"));

        robot.interact(() -> window.shell().themeProperty().set(Theme.DARK));
        show(robot, Screen.LIBRARY);
        shoot(robot, folder.resolve("library-dark.png"));
        show(robot, Screen.CAMERAS);
        shoot(robot, folder.resolve("cameras-dark.png"));
        robot.interact(() -> window.shell().themeProperty().set(Theme.LIGHT));
        assertThat(window.library().sequences()).extracting(SequenceItem::name).contains("Demo camera");
    }

    /**
     * Defines "The last minutes" (the demo camera's last three frames), damages those three frame files on disk and
     * renders it: with no frame left to decode, the render fails.
     */
    private Job renderWithDamagedFrames(Frames frames) throws IOException {
        long stream = Sequences.of(session.library()).all().get(0).id();
        List<Frame> all = frames.ofSequence(stream, Optional.empty(), 1000).frames();
        List<Frame> last = all.subList(all.size() - 3, all.size());
        long broken = session.sequences().define("The last minutes", SequenceDefinition.of(List.of(stream))
                .between(last.get(0).capturedAt(), last.get(2).capturedAt().plusSeconds(1)), "screenshots")
                .sequence().id();
        for (Frame frame : last) {
            Files.write(session.library().folder().resolve(frame.path()), new byte[] {1, 2, 3});
        }
        return session.jobs().submit(session.renderJob(), RenderRequest.ofSequence(broken,
                session.videos().resolve("the-last-minutes.mp4").toString()), SubmitOptions.defaults());
    }

    /** The index in the demo camera's stream of its brightest frame: the library is shown at midday. */
    private int brightestFrame(Frames frames) {
        long stream = Sequences.of(session.library()).all().get(0).id();
        List<Frame> all = frames.ofSequence(stream, Optional.empty(), 1000).frames();
        int brightest = 0;
        for (int i = 0; i < all.size(); i++) {
            if (luma(all.get(i)) > luma(all.get(brightest))) {
                brightest = i;
            }
        }
        return brightest;
    }

    private static double luma(Frame frame) {
        return frame.ingested().map(Frame.Ingested::meanLuma).orElse(0.0);
    }

    private void show(FxRobot robot, Screen screen) {
        robot.interact(() -> window.shell().screenProperty().set(screen));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Once every image the window shows has loaded, the scene as it is drawn, to a PNG. */
    private void shoot(FxRobot robot, Path file) throws IOException {
        await().atMost(WAIT).until(() -> {
            boolean[] loaded = new boolean[1];
            robot.interact(() -> loaded[0] = imagesLoaded(stage.getScene().getRoot()));
            return loaded[0];
        });
        WaitForAsyncUtils.waitForFxEvents(5);
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = stage.getScene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", file.toFile());
    }

    /** Whether every image view that shows has its image, fully loaded (thumbnails and frames load in the background). */
    private static boolean imagesLoaded(Node node) {
        if (!node.isVisible()) {
            return true;
        }
        if (node instanceof ImageView view && view.getParent() != null && view.getParent().isVisible()
                && view.getFitWidth() > 0 && (view.getImage() == null || view.getImage().getProgress() < 1)) {
            return false;
        }
        if (node instanceof Parent parent) {
            return parent.getChildrenUnmodifiable().stream().allMatch(ScreenshotsTest::imagesLoaded);
        }
        return true;
    }
}
