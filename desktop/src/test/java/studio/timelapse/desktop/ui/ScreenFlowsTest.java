package studio.timelapse.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static studio.timelapse.desktop.ui.StudioWindowTest.WAIT;
import static studio.timelapse.desktop.ui.StudioWindowTest.find;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.controlsfx.control.GridCell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import studio.timelapse.desktop.cameras.CameraState;
import studio.timelapse.desktop.cameras.LoopbackAgent;
import studio.timelapse.desktop.library.Frames;
import studio.timelapse.shared.job.JobState;

/**
 * Each screen's main flow in the window, headless, on a real session: pair a real agent (the synthetic camera, on
 * loopback) and watch its frames arrive and reject one of them; reject a frame from the keyboard and see it marked;
 * render a preview. Cancelling a job and a failed job's "why?" are in {@link StudioWindowTest}.
 */
@ExtendWith(ApplicationExtension.class)
class ScreenFlowsTest {
    @TempDir
    Path home;

    @TempDir
    Path agentHome;

    private StudioSession session;
    private StudioWindow window;
    private LoopbackAgent agent;
    private final List<Path> played = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        session = TestStudio.open(home, Clock.systemUTC());
        window = StudioWindow.show(session, stage, played::add);
    }

    @AfterEach
    void close() throws Exception {
        window.close();
        session.close();
        if (agent != null) {
            agent.close();
        }
    }

    private void ingested(int frames) throws Exception {
        TestFrames.day(session.library(), "north", frames, Instant.parse("2026-06-21T04:00:00Z"),
                Duration.ofMinutes(30), 0.2);
        assertThat(session.jobs().awaitFinished(session.ingestEverything().id(), WAIT).state())
                .isEqualTo(JobState.SUCCEEDED);
    }

    @Test
    void anEmptyLibraryWelcomesWithTheDemoCameraAndAddingOne(FxRobot robot) {
        robot.clickOn("#nav-cameras");

        Node welcome = find(robot, "#cameras-welcome", Node.class);
        await().atMost(WAIT).until(welcome::isVisible);
        assertThat(robot.lookup("#welcome-demo").queryButton().isDisabled()).isFalse();
        robot.clickOn("#welcome-add");
        assertThat(robot.lookup("#camera-address").query().isFocused()).isTrue();
    }

    @Test
    void aCameraIsPairedWithItsCodeItsFramesArriveOnceItCapturesAndOneIsRejectedInTheLibrary(FxRobot robot) throws Exception {
        agent = LoopbackAgent.start(agentHome);
        robot.clickOn("#nav-cameras");
        robot.clickOn("#camera-address").write("127.0.0.1:" + agent.address().port());
        robot.clickOn("#camera-name").write("North field");
        robot.clickOn("#add-camera");

        find(robot, "#pairing-sheet", Node.class);
        robot.clickOn("#pairing-code").write(agent.openPairingWindow());
        robot.clickOn("#pairing-fingerprint").write(agent.fingerprint().shortForm());
        robot.clickOn("#pairing-pair");
        Label pinned = find(robot, "#pairing-pinned", Label.class);
        await().atMost(WAIT).until(() -> pinned.getText().contains(agent.fingerprint().shortForm()));
        robot.clickOn("#pairing-close");

        // Pause is not offered while the camera is idle, and its tooltip says why.
        StackPane pauseWrapper = find(robot, "#camera-pause-wrapper", StackPane.class);
        Button pause = find(robot, "#camera-pause", Button.class);
        await().atMost(WAIT).until(pause::isDisabled);
        await().atMost(WAIT).until(() -> tooltip(pauseWrapper).toLowerCase(java.util.Locale.ROOT).contains("idle"));
        Button start = find(robot, "#camera-start", Button.class);
        await().atMost(WAIT).until(() -> !start.isDisabled());

        robot.clickOn(start);

        await().atMost(WAIT).until(() -> window.cameras().cameras().get(0).stateProperty().get()
                == CameraState.CAPTURING);
        Frames frames = Frames.of(session.library());
        await().atMost(WAIT).until(() -> frames.count() >= 3);
        ImageView newest = find(robot, "#camera-last-frame", ImageView.class);
        await().atMost(WAIT).until(() -> {
            robot.interact(() -> window.cameras().refresh());
            return newest.getImage() != null;
        });
        await().atMost(WAIT).until(() -> !pause.isDisabled());

        // The synced frames are in the library, ingested, and one of them is rejected from the keyboard.
        robot.clickOn("#nav-library");
        ListView<?> sequences = find(robot, "#sequence-list", ListView.class);
        await().atMost(WAIT).until(() -> window.library().sequences().stream()
                .anyMatch(sequence -> sequence.name().equals("North field") && sequence.frames() >= 3));
        await().atMost(WAIT).until(() -> window.library().frameCountProperty().get() >= 3);
        // Frames keep arriving and the grid keeps laying out, so the frame is chosen as a click on it would.
        Node library = find(robot, "#library-screen", Node.class);
        robot.interact(() -> {
            window.library().show(1);
            library.requestFocus();
        });
        await().atMost(WAIT).until(() -> window.library().currentProperty().get() == 1);

        robot.type(KeyCode.R);

        long rejected = window.library().strip().id(1);
        await().atMost(WAIT).until(() -> frames.find(rejected).orElseThrow().rejected());
        assertThat(sequences.getItems()).isNotEmpty();
    }

    /** The grid cell showing frame {@code index} now: cells are reused as the grid lays out, so never one found before. */
    private static GridCell<?> cellShowing(FxRobot robot, int index) {
        await().atMost(WAIT).until(() -> liveCell(robot, index).isPresent());
        return liveCell(robot, index).orElseThrow();
    }

    private static Optional<GridCell<?>> liveCell(FxRobot robot, int index) {
        return robot.lookup(".grid-cell").queryAllAs(GridCell.class).stream()
                .filter(cell -> cell.getScene() != null && cell.isVisible() && !cell.isEmpty()
                        && Integer.valueOf(index).equals(cell.getItem()))
                .<GridCell<?>>map(cell -> cell).findFirst();
    }

    private static String tooltip(Node node) {
        Object tooltip = node.getProperties().get("javafx.scene.control.Tooltip");
        return tooltip instanceof Tooltip t && t.getText() != null ? t.getText() : "";
    }

    @Test
    void aFrameIsRejectedWithTheKeyboardAndTheGridMarksIt(FxRobot robot) throws Exception {
        ingested(24);
        robot.clickOn("#nav-library");
        ListView<?> sequences = find(robot, "#sequence-list", ListView.class);
        await().atMost(WAIT).until(() -> !sequences.getItems().isEmpty());
        await().atMost(WAIT).until(() -> window.library().frameCountProperty().get() == 24);
        robot.clickOn(cellShowing(robot, 3));
        await().atMost(WAIT).until(() -> window.library().currentProperty().get() == 3);
        robot.type(KeyCode.RIGHT);
        await().atMost(WAIT).until(() -> window.library().currentProperty().get() == 4);

        robot.type(KeyCode.R);

        long rejected = window.library().strip().id(4);
        await().atMost(WAIT).until(() -> Frames.of(session.library()).find(rejected).orElseThrow().rejected());
        // Cells are reused as the grid lays out: look for the one showing frame 4 each time, not a cell found before.
        await().atMost(WAIT).until(() -> liveCell(robot, 4)
                .map(cell -> cell.lookup(".label") instanceof Label mark && mark.isVisible()).orElse(false));
        assertThat(robot.lookup("#reject").queryButton().getText()).isEqualTo("Restore (R)");
        TableView<?> capture = find(robot, "#capture-fields", TableView.class);
        assertThat(capture.getItems()).isNotEmpty();
    }

    @Test
    void aPreviewIsRenderedAsAJobAndOpensInThePlayer(FxRobot robot) throws Exception {
        ingested(30);
        robot.clickOn("#nav-render");
        await().atMost(WAIT).until(() -> window.render().sequenceProperty().get() != null);

        robot.clickOn("#render-preview");

        await().atMost(WAIT).until(() -> played.size() == 1);
        assertThat(played.get(0)).exists();
        TableView<?> renders = find(robot, "#renders-table", TableView.class);
        await().atMost(WAIT).until(() -> renders.getItems().size() == 1);
        assertThat(window.render().renders().get(0).preview()).isTrue();
    }
}
