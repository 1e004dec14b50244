package studio.timelapse.desktop.ui.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.desktop.ui.common.UiWork;
import studio.timelapse.shared.actionlog.Action;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.actionlog.LogMessage;
import studio.timelapse.shared.actionlog.TaskStatus;

/**
 * The log explorer's view-model over real log files: a studio's log and a camera's log kept under it, written by
 * real action logs; work and UI run on the test's thread.
 */
class LogExplorerViewModelTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    @TempDir
    Path home;

    private ActionLog studio;
    private ActionLog camera;
    private LogExplorerViewModel explorer;
    private String syncTask;
    private String renderTask;

    @BeforeEach
    void writeLogs() throws IOException {
        Path logs = home.resolve("logs");
        studio = ActionLog.builder("studio").logDirectory(logs).build();
        camera = ActionLog.builder("camera").logDirectory(logs.resolve("cameras").resolve("cam-north")).build();
        // A sync that continues on the camera: its tree needs both logs.
        try (Action sync = studio.startTask("studio:sync", "camera", "cam-north")) {
            syncTask = sync.taskUuid();
            try (Action request = studio.start("studio:http:list_frames", "attempt", 1)) {
                try (Action remote = camera.continueTask(request.serializeTaskId())) {
                    camera.message("camera:api:listed", "frames", 12);
                }
            }
            sync.addSuccessFields("frames", 12);
        }
        // A render that fails two levels down.
        try (Action render = studio.startTask("studio:render", "sequence", 7)) {
            renderTask = render.taskUuid();
            try (Action encode = studio.start("studio:render:encode", "frame", 41)) {
                try (Action write = studio.start("studio:render:write_chunk", "bytes", 4096)) {
                    IOException full = new IOException("No space left on device");
                    write.fail(full);
                    encode.fail(full);
                    render.fail(full);
                }
            }
        }
        explorer = new LogExplorerViewModel(logs, studio, Clock.systemUTC(), ZONE,
                new UiWork(studio, Runnable::run, Runnable::run), RemoteTaskLogs.none());
        explorer.load();
    }

    @AfterEach
    void close() {
        explorer.close();
        camera.close();
        studio.close();
    }

    private List<String> listed() {
        return explorer.tasks().stream().map(TaskSummary::taskUuid).toList();
    }

    @Test
    void everyTaskOfTheLogsIsListedNewestFirstWithItsStateAndFailure() {
        assertThat(listed()).containsExactly(renderTask, syncTask);
        TaskSummary render = explorer.tasks().get(0);
        assertThat(render.actionType()).isEqualTo("studio:render");
        assertThat(render.state()).isEqualTo(TaskStatus.State.FAILED);
        assertThat(render.failure()).contains("java.io.IOException: No space left on device");
        TaskSummary sync = explorer.tasks().get(1);
        assertThat(sync.state()).isEqualTo(TaskStatus.State.SUCCEEDED);
        assertThat(sync.duration()).isPresent();
        assertThat(sync.programs()).containsExactlyInAnyOrder("studio", "camera");
        assertThat(explorer.types()).containsExactly("studio:render", "studio:sync");
        assertThat(explorer.cameras()).containsExactly("cam-north");
    }

    @Test
    void tasksAreFilteredByTypeStateCameraAndDay() {
        explorer.typeFilterProperty().set("RENDER");
        assertThat(listed()).containsExactly(renderTask);
        explorer.clearFilters();

        explorer.stateFilterProperty().set(LogExplorerViewModel.StateChoice.SUCCEEDED);
        assertThat(listed()).containsExactly(syncTask);
        explorer.clearFilters();

        explorer.cameraFilterProperty().set("cam-north");
        assertThat(listed()).containsExactly(syncTask);
        explorer.cameraFilterProperty().set("cam-south");
        assertThat(listed()).isEmpty();
        assertThat(explorer.listStatusProperty().get()).isEqualTo("0 tasks match the filter");
        explorer.clearFilters();

        LocalDate today = LocalDate.now(ZONE);
        explorer.fromDayProperty().set(today);
        explorer.untilDayProperty().set(today);
        assertThat(listed()).containsExactly(renderTask, syncTask);
        explorer.fromDayProperty().set(today.plusDays(1));
        explorer.untilDayProperty().set(null);
        assertThat(listed()).isEmpty();
        explorer.fromDayProperty().set(null);
        explorer.untilDayProperty().set(today.minusDays(1));
        assertThat(listed()).isEmpty();
    }

    @Test
    void aTaskOpensAsOneTreeWithTheCamerasPartMergedIn() {
        explorer.open(syncTask);

        assertThat(explorer.tree()).hasSize(1);
        TaskNode root = explorer.tree().get(0);
        assertThat(root.type()).isEqualTo("studio:sync");
        assertThat(root.status()).isEqualTo("succeeded");
        assertThat(root.fields()).containsEntry("camera", "cam-north").containsEntry("frames", 12);
        TaskNode request = root.children().get(0);
        assertThat(request.type()).isEqualTo("studio:http:list_frames");
        TaskNode remote = request.children().get(0);
        assertThat(remote.type()).isEqualTo(ActionLog.REMOTE_TASK);
        assertThat(remote.process()).startsWith("camera@");
        assertThat(remote.children()).extracting(TaskNode::type).containsExactly("camera:api:listed");
        assertThat(explorer.treeStatusProperty().get()).isEqualTo("Complete.");
    }

    @Test
    void aFailedTaskOpensOnTheNodeWhereTheFailureStartedWithItsFields() {
        explorer.open(renderTask);

        TaskNode chosen = explorer.selectedNodeProperty().get().orElseThrow();
        assertThat(chosen.type()).isEqualTo("studio:render:write_chunk");
        assertThat(chosen.failed()).isTrue();
        assertThat(explorer.fields()).contains(new LogExplorerViewModel.Field("bytes", "4096"),
                new LogExplorerViewModel.Field("exception", "java.io.IOException"),
                new LogExplorerViewModel.Field("reason", "No space left on device"),
                new LogExplorerViewModel.Field("status", "failed"));
        assertThat(chosen.children()).extracting(TaskNode::type).containsExactly(ActionLog.TRACEBACK);
    }

    @Test
    void newTasksOfTheStudioAppearAfterTheFilesWereRead() {
        String fresh;
        try (Action ingest = studio.startTask("studio:ingest", "camera", "cam-west")) {
            fresh = ingest.taskUuid();
        }

        explorer.update();

        assertThat(listed()).startsWith(fresh);
        assertThat(explorer.cameras()).containsExactly("cam-north", "cam-west");
    }

    @Test
    void aTaskNoLogHoldsSaysSo() {
        explorer.open("0bd0b0f2-5a5a-4e4e-9c9c-123456789abc");

        assertThat(explorer.tree()).isEmpty();
        assertThat(explorer.treeStatusProperty().get()).startsWith("No messages of this task in the logs");
        assertThat(explorer.openTaskProperty().get()).isEqualTo(Optional.of("0bd0b0f2-5a5a-4e4e-9c9c-123456789abc"));
    }

    @Test
    void aCamerasPartThatCannotBeReadIsNotedAndTheRestStillShows() {
        LogExplorerViewModel withCamera = new LogExplorerViewModel(home.resolve("logs"), studio, Clock.systemUTC(),
                ZONE, new UiWork(studio, Runnable::run, Runnable::run), (task, local) -> {
                    throw new IOException("camera cam-north did not answer");
                });

        withCamera.open(renderTask);

        assertThat(withCamera.tree()).extracting(TaskNode::type).containsExactly("studio:render");
        assertThat(withCamera.treeStatusProperty().get())
                .endsWith("(a camera's part could not be read: camera cam-north did not answer)");
        withCamera.close();
    }

    @Test
    void messagesOfTheOpenTaskCarryTheirOwnFieldsOnly() {
        explorer.open(syncTask);
        TaskNode listedMessage = explorer.tree().get(0).children().get(0).children().get(0).children().get(0);

        explorer.select(listedMessage);

        assertThat(explorer.fields()).extracting(LogExplorerViewModel.Field::name)
                .containsExactly("type", "level", "process", "at", "frames");
        assertThat(listedMessage.fields()).doesNotContainKey(LogMessage.MESSAGE_TYPE);
    }
}
