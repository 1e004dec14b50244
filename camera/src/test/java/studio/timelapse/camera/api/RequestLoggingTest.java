package studio.timelapse.camera.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.shared.actionlog.Action;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.actionlog.EliotJson;
import studio.timelapse.shared.actionlog.LogMessage;
import studio.timelapse.shared.actionlog.TaskTree;
import studio.timelapse.shared.state.StateStore;
import studio.timelapse.shared.testing.EliotTools;
import studio.timelapse.shared.testing.RecordingLog;

/**
 * Every request is one action in the agent's log, with its method, path, client, status and duration; a caller's task
 * id continues the caller's task, so that the caller's log and the agent's rebuild into one tree.
 */
class RequestLoggingTest {
    private final EliotJson eliot = new EliotJson();

    @TempDir
    Path home;
    private RunningAgent agent;

    @AfterEach
    void stop() {
        if (agent != null) {
            agent.close();
        }
    }

    @Test
    void everyRequestIsAnActionWithItsMethodPathClientStatusAndDuration() {
        agent = new RunningAgent(home);

        HttpResponse<String> ok = agent.get("/api/v1/status");
        HttpResponse<String> refused = agent.get("/api/v1/frames?limit=0");

        String task = ok.headers().firstValue(RequestLog.TASK_HEADER).orElseThrow();
        LogMessage start = agent.requestStart(task);
        LogMessage end = agent.requestEnd(task);
        assertThat(start.level().depth()).as("a task of its own").isEqualTo(1);
        assertThat(start.get("method")).isEqualTo("GET");
        assertThat(start.get("path")).isEqualTo("/api/v1/status");
        assertThat(start.get("client")).isEqualTo("127.0.0.1");
        assertThat(end.get(LogMessage.ACTION_STATUS)).isEqualTo("succeeded");
        assertThat(end.get("status")).isEqualTo(200);
        assertThat(((Number) end.get("duration_ms")).doubleValue()).isNotNegative();
        LogMessage refusedEnd = agent.requestEnd(refused);
        assertThat(refusedEnd.get("status")).isEqualTo(400);
        assertThat(agent.requestStart(refusedEnd.taskUuid()).get("query")).isEqualTo("limit=0");
    }

    @Test
    void aCallersTaskIdContinuesItsTaskAndBothLogsRebuildOneTree() throws Exception {
        agent = new RunningAgent(home);
        String taskUuid;
        try (RecordingLog studio = new RecordingLog()) {
            try (Action call = studio.log().start("studio:http:capture_request", "attempt", 1)) {
                taskUuid = call.taskUuid();
                HttpResponse<String> started = agent.send(agent.request("/api/v1/capture/start")
                        .header(ActionLog.TASK_ID_HEADER, call.serializeTaskId())
                        .POST(HttpRequest.BodyPublishers.noBody()), HttpResponse.BodyHandlers.ofString());
                assertThat(started.statusCode()).isEqualTo(200);
                assertThat(started.headers().firstValue(RequestLog.TASK_HEADER)).contains(taskUuid);
                call.addSuccessFields("status", started.statusCode());
            }
            agent.requestEnd(taskUuid);

            HttpResponse<String> agentPart = agent.get("/api/v1/logs/" + taskUuid);
            assertThat(agentPart.statusCode()).isEqualTo(200);
            assertThat(agentPart.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith(LogRoutes.MEDIA_TYPE));
            List<LogMessage> merged = new ArrayList<>(studio.messagesAsWritten());
            agentPart.body().lines().map(eliot::parse).forEach(merged::add);

            TaskTree tree = TaskTree.of(taskUuid, merged);
            assertThat(tree.complete()).as(tree.render()).isTrue();
            TaskTree.ActionNode root = tree.rootAction().orElseThrow();
            assertThat(root.actionType()).isEqualTo("studio:http:capture_request");
            TaskTree.ActionNode remote = root.childActions().get(0);
            assertThat(remote.actionType()).isEqualTo(ActionLog.REMOTE_TASK);
            TaskTree.ActionNode request = remote.childActions().get(0);
            assertThat(request.actionType()).isEqualTo(RequestScope.REQUEST_ACTION);
            assertThat(request.end().orElseThrow().get("status")).isEqualTo(200);
            assertThat(request.childActions()).extracting(TaskTree.ActionNode::actionType)
                    .contains(StateStore.TRANSITION_ACTION);

            Path file = home.resolve("merged.jsonl");
            Files.write(file, merged.stream().map(m -> new String(eliot.toLine(m), StandardCharsets.UTF_8)).toList());
            EliotTools.assumeAvailable();
            assertThat(EliotTools.parse(file)).contains(taskUuid + " complete studio:http:capture_request");
        }
    }

    @Test
    void aMalformedTaskIdIs400AndTheRequestIsLoggedAsATaskOfItsOwn() {
        agent = new RunningAgent(home);

        HttpResponse<String> response = agent.get("/api/v1/status", ActionLog.TASK_ID_HEADER, "not-a-task@/1");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("api.task_id_malformed", ActionLog.TASK_ID_HEADER);
        String task = response.headers().firstValue(RequestLog.TASK_HEADER).orElseThrow();
        assertThat(agent.requestStart(task).get("task_id_header")).isEqualTo("not-a-task@/1");
        assertThat(agent.requestStart(task).level().depth()).isEqualTo(1);
        assertThat(agent.requestEnd(task).get("status")).isEqualTo(400);
    }

    @Test
    void aTaskIdWithAReservedLevelIsRefusedToo() {
        agent = new RunningAgent(home);

        HttpResponse<String> response = agent.get("/api/v1/status", ActionLog.TASK_ID_HEADER,
                "4f2c1a9e-0b7d-4c3e-9a61-2d5e8f0b1c47@/0");

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void theLogsRouteRefusesWhatIsNotATaskUuidAndAnswers404ForAnUnknownTask() {
        agent = new RunningAgent(home);

        HttpResponse<String> malformed = agent.get("/api/v1/logs/not-a-uuid");
        HttpResponse<String> unknown = agent.get("/api/v1/logs/4f2c1a9e-0b7d-4c3e-9a61-2d5e8f0b1c47");

        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("api.task_uuid");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("log.no_task");
    }

    @Test
    void anAsynchronousAnswerIsLoggedWhenItCompletesWithTheHandlersWorkInside() {
        agent = new RunningAgent(home, app -> app.extension(config -> config.routes.get("/slow", ctx -> {
            ActionLog log = agent().log;
            ctx.future(() -> CompletableFuture.supplyAsync(log.wrapSupplier(() -> {
                log.start("camera:test:slow_work").close();
                return "done";
            })).thenAccept(ctx::result));
        })));

        HttpResponse<String> response = agent.get("/slow");

        assertThat(response.body()).isEqualTo("done");
        String task = response.headers().firstValue(RequestLog.TASK_HEADER).orElseThrow();
        assertThat(agent.requestEnd(task).get("status")).isEqualTo(200);
        TaskTree tree = TaskTree.of(task, agent.messages());
        assertThat(tree.complete()).as(tree.render()).isTrue();
        assertThat(tree.rootAction().orElseThrow().childActions()).extracting(TaskTree.ActionNode::actionType)
                .containsExactly("camera:test:slow_work");
    }

    private RunningAgent agent() {
        return agent;
    }
}
