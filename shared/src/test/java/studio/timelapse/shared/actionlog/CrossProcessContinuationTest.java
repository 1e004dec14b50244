package studio.timelapse.shared.actionlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.shared.testing.ChildJvm;
import studio.timelapse.shared.testing.EliotTools;
import studio.timelapse.shared.testing.LogFiles;

/**
 * A task started here continues in a real second JVM through a real HTTP call on loopback; the two processes'
 * log files, merged, rebuild into one complete tree, for our reader and for eliot's own parser.
 */
class CrossProcessContinuationTest {
    @TempDir
    Path studioLogs;

    @TempDir
    Path cameraLogs;

    @Test
    void theMergedLogsOfBothProcessesRebuildIntoOneTree() throws Exception {
        String uuid;
        List<String> sentIds = new ArrayList<>();
        try (ChildJvm camera = ChildJvm.start(RemoteWorkerMain.class, Map.of(), cameraLogs.toString())) {
            int port = Integer.parseInt(camera.awaitLine("READY ", Duration.ofSeconds(30)).substring(6));
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            URI capture = URI.create("http://127.0.0.1:" + port + "/api/v1/capture");

            try (ActionLog studio = ActionLog.builder("studio").host("laptop").logDirectory(studioLogs).build();
                    Action session = studio.start("studio:capture_session", "camera", "pi-test")) {
                uuid = session.taskUuid();
                for (int attempt = 1; attempt <= 2; attempt++) {
                    try (Action call = studio.start("studio:http:capture_request", "attempt", attempt)) {
                        String taskId = call.serializeTaskId();
                        sentIds.add(taskId);
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(capture)
                                .header(ActionLog.TASK_ID_HEADER, taskId)
                                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                        call.addSuccessFields("status", response.statusCode());
                        assertThat(response.body()).isEqualTo("captured");
                    }
                }
            }
            http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/stop"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(camera.awaitExit(Duration.ofSeconds(30))).isZero();
        }

        assertThat(sentIds).as("every request gets a fresh id").doesNotHaveDuplicates()
                .containsExactly(uuid + "@/2/2", uuid + "@/3/2");

        List<LogMessage> merged = new ArrayList<>(LogFiles.readAll(studioLogs));
        merged.addAll(LogFiles.readAll(cameraLogs));
        TaskTree tree = TaskTree.of(uuid, merged);
        assertThat(tree.complete()).as(tree.render()).isTrue();

        TaskTree.ActionNode session = tree.rootAction().orElseThrow();
        assertThat(session.childActions()).extracting(TaskTree.ActionNode::actionType)
                .containsExactly("studio:http:capture_request", "studio:http:capture_request");
        TaskTree.ActionNode firstCall = session.childActions().get(0);
        TaskTree.ActionNode remote = firstCall.childActions().get(0);
        assertThat(remote.actionType()).isEqualTo(ActionLog.REMOTE_TASK);
        assertThat(remote.slot()).isEqualTo(TaskLevel.of(2, 2));
        assertThat(remote.start().orElseThrow().level()).isEqualTo(TaskLevel.of(2, 2, 1));
        assertThat(remote.childActions()).extracting(TaskTree.ActionNode::actionType)
                .containsExactly("camera:capture:frame", "camera:capture:upload_preview");
        assertThat(remote.childActions().get(0).start().orElseThrow().level()).isEqualTo(TaskLevel.of(2, 2, 2, 1));
        assertThat(remote.childActions().get(1).status()).isEqualTo(ActionStatus.FAILED);
        assertThat(remote.start().orElseThrow().text("process")).hasValueSatisfying(p -> assertThat(p).startsWith("camera@pi-test:"));
        assertThat(session.start().orElseThrow().text("process")).hasValueSatisfying(p -> assertThat(p).startsWith("studio@laptop:"));

        EliotTools.assumeAvailable();
        assertThat(EliotTools.parse(studioLogs.resolve("studio.jsonl"), cameraLogs.resolve("camera.jsonl")))
                .containsExactly(uuid + " complete studio:capture_session");
    }
}
