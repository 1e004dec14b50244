package studio.timelapse.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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
import studio.timelapse.desktop.ui.log.TaskNode;
import studio.timelapse.desktop.ui.shell.Screen;
import studio.timelapse.desktop.ui.shell.ShellSettingsFile;
import studio.timelapse.desktop.ui.shell.Theme;
import studio.timelapse.shared.job.Job;
import studio.timelapse.shared.job.JobState;
import studio.timelapse.shared.job.SubmitOptions;

/** The studio window on a real session in a temporary home, driven headless through TestFX. */
@ExtendWith(ApplicationExtension.class)
class StudioWindowTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path home;

    private final StepJob steps = StepJob.gated();
    private StudioSession session;
    private StudioWindow window;
    private final java.util.List<Path> played = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        session = TestStudio.open(home, Clock.systemUTC(), steps);
        window = StudioWindow.show(session, stage, played::add);
    }

    @AfterEach
    void close() throws Exception {
        steps.allow(1_000);
        window.close();
        session.close();
    }

    private static <T extends Node> T find(FxRobot robot, String query, Class<T> type) {
        await().atMost(WAIT).until(() -> robot.lookup(query).tryQueryAs(type).isPresent());
        return robot.lookup(query).queryAs(type);
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
    void aRunningJobIsCancelledFromItsRow(FxRobot robot) throws Exception {
        Job job = session.jobs().submit(steps, new StepJob.Params(20, false), SubmitOptions.defaults());
        steps.allow(2);
        robot.clickOn("#nav-jobs");
        Button cancel = find(robot, "#cancel-" + job.id(), Button.class);
        await().atMost(WAIT).until(() -> !cancel.isDisabled());

        robot.clickOn(cancel);

        assertThat(session.jobs().awaitFinished(job.id(), WAIT).state()).isEqualTo(JobState.CANCELLED);
        await().atMost(WAIT).until(() -> robot.lookup("#retry-" + job.id()).tryQueryAs(Button.class)
                .map(retry -> !retry.isDisabled()).orElse(false));
        TableView<?> table = find(robot, "#jobs-table", TableView.class);
        assertThat(table.getItems()).hasSize(1);
    }

    @Test
    void aFailedJobsWhyOpensItsTaskTreeInTheLogExplorer(FxRobot robot) throws Exception {
        Job job = session.jobs().submit(steps, new StepJob.Params(3, true), SubmitOptions.defaults());
        steps.allow(1);
        Job failed = session.jobs().awaitFinished(job.id(), WAIT);
        String task = failed.taskUuid().orElseThrow();
        robot.clickOn("#nav-jobs");
        Hyperlink why = find(robot, "#task-" + job.id(), Hyperlink.class);
        await().atMost(WAIT).until(() -> "why?".equals(why.getText()));

        robot.clickOn(why);

        find(robot, "#log-screen", Node.class);
        Label heading = find(robot, "#tree-task", Label.class);
        await().atMost(WAIT).until(() -> heading.getText().equals("Task " + task));
        TreeTableView<TaskNode> tree = find(robot, "#task-tree", TreeTableView.class);
        await().atMost(WAIT).until(() -> tree.getRoot() != null && !tree.getRoot().getChildren().isEmpty());
        TaskNode root = tree.getRoot().getChildren().get(0).getValue();
        assertThat(root.type()).isEqualTo(StepJob.NAME);
        assertThat(root.failed()).isTrue();
        assertThat(root.fields()).containsEntry("reason", "the test asked this job to fail at step 0");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Optional.ofNullable(tree.getSelectionModel().getSelectedItem()).map(i -> i.getValue().type()))
                .contains(StepJob.NAME);
    }
}
