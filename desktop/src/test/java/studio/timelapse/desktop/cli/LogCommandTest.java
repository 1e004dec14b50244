package studio.timelapse.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import studio.timelapse.shared.actionlog.Action;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.build.BuildInfo;
import studio.timelapse.shared.home.AgentLaunch;
import studio.timelapse.shared.home.AppHome;

/** {@code timelapse log}: recent tasks, and one task's tree merged from the studio's and a camera's logs. */
class LogCommandTest {
    @TempDir
    Path home;

    private Path studioLogs;
    private Path cameraLogs;
    private String syncTask;
    private String failedTask;

    record Run(int exitCode, String out, String err) {}

    private Run run(String... args) {
        AppHome homes = new AppHome(Map.of("TIMELAPSE_HOME", home.toString()), "Linux", home);
        CommandLine cli = TimelapseCli.create(homes, AgentLaunch.BY_HAND, new BuildInfo("1.2.3"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    @BeforeEach
    void writeLogs() {
        studioLogs = home.resolve("logs");
        cameraLogs = home.resolve("camera-logs");
        try (ActionLog studio = ActionLog.builder("studio").host("laptop").logDirectory(studioLogs).build();
                ActionLog camera = ActionLog.builder("camera").host("pi-01").logDirectory(cameraLogs).build()) {
            try (Action sync = studio.start("studio:sync", "camera", "pi-01")) {
                syncTask = sync.taskUuid();
                String taskId;
                try (Action request = studio.start("studio:http:list_frames")) {
                    taskId = request.serializeTaskId();
                }
                try (Action remote = camera.continueTask(taskId)) {
                    camera.message("camera:api:listed", "frames", 3);
                }
            }
            try (Action render = studio.start("studio:render")) {
                failedTask = render.taskUuid();
                render.fail(new IllegalStateException("no frames in range"));
            }
        }
    }

    @Test
    void listsRecentTasksWithTheirStateAndFailureReason() {
        Run run = run("log");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).hasSize(2);
        assertThat(run.out()).contains("succeeded", syncTask, "studio:sync")
                .contains("failed", failedTask, "studio:render", "(java.lang.IllegalStateException: no frames in range)");
    }

    @Test
    void listsOnlyFailedTasksWhenAsked() {
        Run run = run("log", "--failed");
        assertThat(run.out().lines()).singleElement().asString().contains(failedTask);
    }

    @Test
    void printsOneTaskMergedFromTheStudioAndCameraLogsByAPrefixOfItsUuid() {
        Run run = run("log", syncTask.substring(0, 8), "--dir", studioLogs.toString(), "--dir", cameraLogs.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith(syncTask)
                .contains("studio:sync ⇒ succeeded")
                .contains("studio:http:list_frames /2 ⇒ succeeded")
                .contains("eliot:remote_task /2/2 ⇒ succeeded")
                .contains("camera:api:listed /2/2/2 frames=3 process=camera@pi-01")
                .doesNotContain("incomplete");
        assertThat(run.out().lines().filter(line -> line.contains("studio:sync"))).singleElement().asString()
                .containsOnlyOnce("process=");
    }

    @Test
    void saysWhenATaskIsIncompleteBecauseALogIsMissing() {
        Run run = run("log", syncTask);
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("(incomplete:");
    }

    @Test
    void anUnknownTaskFailsWithWhereItLooked() {
        Run run = run("log", "00000000-dead");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("no task 00000000-dead in " + studioLogs);
    }

    @Test
    void aTooShortPrefixIsAUsageError() {
        Run run = run("log", "abc");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("at least 8 characters");
    }

    @Test
    void aDamagedLineIsSkippedAndCounted() throws IOException {
        Files.writeString(studioLogs.resolve("studio.jsonl"), "{\"task_uuid\": \"cut off by a power fail",
                StandardOpenOption.APPEND);
        Run run = run("log");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).hasSize(2);
        assertThat(run.err()).contains("skipped 1 unreadable lines");
    }

    @Test
    void anEmptyHomeHasNoTasks() {
        Run run = run("log", "--dir", home.resolve("nothing-here").toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("No tasks in ");
    }
}
