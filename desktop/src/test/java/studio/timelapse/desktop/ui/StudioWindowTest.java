package studio.timelapse.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import studio.timelapse.desktop.library.Frames;
import studio.timelapse.desktop.library.Sequences;
import studio.timelapse.desktop.render.RenderJob;
import studio.timelapse.desktop.render.RenderRequest;
import studio.timelapse.desktop.sequences.SequenceCatalog;
import studio.timelapse.desktop.ui.log.TaskNode;
import studio.timelapse.desktop.ui.shell.Screen;
import studio.timelapse.desktop.ui.shell.ShellSettingsFile;
import studio.timelapse.desktop.ui.shell.Theme;
import studio.timelapse.shared.job.Job;
import studio.timelapse.shared.job.JobState;
import studio.timelapse.shared.job.SubmitOptions;
import studio.timelapse.shared.lock.Lease;
import studio.timelapse.shared.lock.LockPolicy;
import studio.timelapse.shared.lock.LockRequest;

/** The studio window on a real session in a temporary home, driven headless through TestFX. */
@ExtendWith(ApplicationExtension.class)
class StudioWindowTest {
    static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path home;

    private StudioSession session;
    private StudioWindow window;
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
    }

    static <T extends Node> T find(FxRobot robot, String query, Class<T> type) {
        await().atMost(WAIT).until(() -> robot.lookup(query).tryQueryAs(type).isPresent());
        return robot.lookup(query).queryAs(type);
    }

    /** Frames of camera "north" in the library, and the id of its stream. */
    private long cameraStream() throws Exception {
        TestFrames.day(session.library(), "north", 6, Instant.parse("2026-06-21T08:00:00Z"), Duration.ofMinutes(30));
        return Sequences.of(session.library()).streamOf("north").orElseThrow().id();
    }

    private Job submitRender(long sequence) {
        return session.jobs().submit(session.renderJob(), RenderRequest.ofSequence(sequence,
                home.resolve("videos").resolve("north.mp4").toString()), SubmitOptions.defaults());
    }

    @Test
    void theSidebarSwitchesScreensAndTheWindowRemembersScreenAndTheme(FxRobot robot) {
        robot.clickOn("#nav-jobs");
        assertThat(robot.lookup("#jobs-screen").tryQuery()).isPresent();
        robot.clickOn("#nav-log");
        assertThat(robot.lookup("#log-screen").tryQuery()).isPresent();
        assertThat(robot.lookup("#jobs-screen").tryQuery()).isEmpty();

        ComboBox<Theme> themes = find(robot, "#theme-choice", ComboBox.class);
        robot.interact(() -> themes.setValue(Theme.DARK));

        ShellSettingsFile file = new ShellSettingsFile(session.windowSettingsFile(), session.log());
        await().atMost(WAIT).until(() -> file.load().theme() == Theme.DARK && file.load().screen() == Screen.LOG);
    }

    @Test
    void aWaitingRenderIsCancelledFromItsRowOnTheJobsScreen(FxRobot robot) throws Exception {
        long sequence = cameraStream();
        try (Lease held = session.locks().acquire(LockRequest.of(SequenceCatalog.renderLock(sequence), "test"),
                LockPolicy.failNow())) {
            Job job = submitRender(sequence);
            // Deferred for the lock at least once: then it waits in its queue (see JobStore.deferRun in the report).
            await().atMost(WAIT).until(() -> session.jobs().job(job.id()).orElseThrow().lastError().isPresent());
            robot.clickOn("#nav-jobs");
            Button cancel = find(robot, "#cancel-" + job.id(), Button.class);
            await().atMost(WAIT).until(() -> !cancel.isDisabled());

            robot.clickOn(cancel);

            assertThat(session.jobs().awaitFinished(job.id(), WAIT).state()).isEqualTo(JobState.CANCELLED);
            await().atMost(WAIT).until(() -> robot.lookup("#retry-" + job.id()).tryQueryAs(Button.class)
                    .map(retry -> !retry.isDisabled()).orElse(false));
        }
    }

    @Test
    void aFailedJobsWhyOpensItsTaskTreeInTheLogExplorer(FxRobot robot) throws Exception {
        long sequence = cameraStream();
        Frames frames = Frames.of(session.library());
        for (long id : frames.ofSequence(sequence, Optional.empty(), 100).frames().stream().map(f -> f.id()).toList()) {
            Files.write(session.library().folder().resolve(frames.find(id).orElseThrow().path()), new byte[] {1, 2, 3});
        }
        Job failed = session.jobs().awaitFinished(submitRender(sequence).id(), WAIT);
        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        String task = failed.taskUuid().orElseThrow();
        robot.clickOn("#nav-jobs");
        Hyperlink why = find(robot, "#task-" + failed.id(), Hyperlink.class);
        await().atMost(WAIT).until(() -> "why?".equals(why.getText()));

        robot.clickOn(why);

        find(robot, "#log-screen", Node.class);
        Label heading = find(robot, "#tree-task", Label.class);
        await().atMost(WAIT).until(() -> heading.getText().equals("Task " + task));
        TreeTableView<TaskNode> tree = find(robot, "#task-tree", TreeTableView.class);
        await().atMost(WAIT).until(() -> tree.getRoot() != null && !tree.getRoot().getChildren().isEmpty());
        TaskNode root = tree.getRoot().getChildren().get(0).getValue();
        assertThat(root.type()).isEqualTo(RenderJob.NAME);
        assertThat(root.failed()).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Optional.ofNullable(tree.getSelectionModel().getSelectedItem()).map(i -> i.getValue().failed()))
                .contains(true);
    }
}
