package studio.timelapse.camera.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.shared.actionlog.LogMessage;
import studio.timelapse.shared.actionlog.TaskStatusTracker;
import studio.timelapse.shared.protocol.AgentEvent;
import studio.timelapse.shared.protocol.FrameId;
import studio.timelapse.shared.protocol.FrameInfo;

/**
 * The event stream over real HTTP: delivery, replay after a reconnect, heartbeats, progress, and a slow client that
 * is dropped without holding up the others. The agent's hub keeps 20 events for replay and lets a client fall 40
 * behind.
 */
class EventStreamTest {
    private final ObjectMapper json = ApiJson.mapper();

    @TempDir
    Path home;
    private RunningAgent agent;

    @BeforeEach
    void start() {
        agent = new RunningAgent(home);
    }

    @AfterEach
    void stop() {
        agent.close();
    }

    private static AgentEvent.FrameCaptured captured(long sequence, String padding) {
        return new AgentEvent.FrameCaptured(new FrameInfo(new FrameId(FolderFrames.EPOCH, sequence),
                Instant.parse("2026-06-21T04:00:00Z").plusSeconds(sequence), 7200, 4_000_000,
                FolderFrames.sha256(new byte[] {(byte) sequence}), 4056, 3040, Map.of("note", padding), false));
    }

    private void waitForClients(int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> agent.hub.clients() == count);
    }

    @Test
    void aNewFrameReachesAConnectedStudioAsANumberedEvent() throws Exception {
        try (EventReader studio = EventReader.open(agent)) {
            waitForClients(1);
            assertThat(studio.response.statusCode()).isEqualTo(200);
            assertThat(studio.response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/event-stream"));

            agent.hub.publish(captured(1, ""));

            EventReader.Event event = studio.next();
            assertThat(event.id()).isEqualTo(RunningAgent.HUB_STREAM + ".1");
            assertThat(event.name()).isEqualTo("frame_captured");
            assertThat(json.readValue(event.data(), AgentEvent.class)).isEqualTo(captured(1, ""));
        }
    }

    @Test
    void aReconnectingStudioGetsWhatItMissedThenLiveEvents() throws Exception {
        for (long sequence = 1; sequence <= 3; sequence++) {
            agent.hub.publish(captured(sequence, ""));
        }
        try (EventReader studio = EventReader.open(agent, "Last-Event-ID", RunningAgent.HUB_STREAM + ".1")) {
            waitForClients(1);
            agent.hub.publish(captured(4, ""));

            assertThat(List.of(studio.next().id(), studio.next().id(), studio.next().id())).containsExactly(
                    RunningAgent.HUB_STREAM + ".2", RunningAgent.HUB_STREAM + ".3", RunningAgent.HUB_STREAM + ".4");
        }
    }

    @Test
    void aStudioTooFarBehindOrFromBeforeARestartIsToldToCatchUpByPolling() throws Exception {
        for (long sequence = 1; sequence <= 25; sequence++) {
            agent.hub.publish(captured(sequence, ""));
        }
        try (EventReader old = EventReader.open(agent, "Last-Event-ID", RunningAgent.HUB_STREAM + ".2");
                EventReader restarted = EventReader.open(agent, "Last-Event-ID", "zz9.3")) {
            EventReader.Event tooOld = old.next();
            EventReader.Event otherStream = restarted.next();

            assertThat(tooOld.name()).isEqualTo("events_missed");
            assertThat(tooOld.id()).isNull();
            assertThat(json.readValue(tooOld.data(), AgentEvent.EventsMissed.class).reason())
                    .contains("only the last 20 are kept");
            assertThat(otherStream.name()).isEqualTo("events_missed");
            assertThat(json.readValue(otherStream.data(), AgentEvent.EventsMissed.class).reason())
                    .contains("the agent restarted");
        }
    }

    @Test
    void aMalformedLastEventIdIs400AndAClientThatDoesNotAcceptEventsIs406() {
        HttpResponse<String> malformed = agent.get("/api/v1/events", "Accept", "text/event-stream", "Last-Event-ID",
                "../7");
        HttpResponse<String> notAccepted = agent.get("/api/v1/events", "Accept", "application/json");

        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("api.event_id");
        assertThat(notAccepted.statusCode()).isEqualTo(406);
        assertThat(notAccepted.body()).contains("text/event-stream");
        assertThat(agent.hub.clients()).isZero();
    }

    @Test
    void heartbeatsSayTheAgentLivesAndWhichEventWasLast() throws Exception {
        agent.hub.publish(captured(1, ""));
        try (EventReader studio = EventReader.open(agent)) {
            waitForClients(1);
            agent.hub.heartbeat();

            EventReader.Event beat = studio.next();
            assertThat(beat.name()).isEqualTo("heartbeat");
            assertThat(beat.id()).isNull();
            assertThat(json.readValue(beat.data(), AgentEvent.Heartbeat.class).lastEventId())
                    .contains(RunningAgent.HUB_STREAM + ".1");
        }
    }

    @Test
    void progressOfLongTasksIsForwardedButNotEveryMessage() throws Exception {
        TaskStatusTracker tracker = new TaskStatusTracker(java.time.Clock.systemUTC(), 100);
        try (AutoCloseable subscribed = agent.log.subscribe(tracker);
                TaskUpdates updates = TaskUpdates.forward(tracker, agent.hub);
                EventReader studio = EventReader.open(agent)) {
            waitForClients(1);
            try (var render = agent.log.start("camera:store:retention")) {
                render.log("camera:store:deleted", "frames", 3);
                render.progress(4, "frames").advance(4);
            }

            EventReader.Event progress = studio.next();
            EventReader.Event end = studio.next();
            AgentEvent.TaskUpdate running = json.readValue(progress.data(), AgentEvent.TaskUpdate.class);
            AgentEvent.TaskUpdate done = json.readValue(end.data(), AgentEvent.TaskUpdate.class);
            assertThat(progress.name()).isEqualTo("task_update");
            assertThat(running.actionType()).isEqualTo("camera:store:retention");
            assertThat(running.done()).contains(4L);
            assertThat(done.state()).isEqualTo("SUCCEEDED");
            assertThat(done.percent()).contains(100.0);
        }
    }

    @Test
    void aStudioThatLeavesIsNoticedAtTheNextEventAndItsRequestEnds() throws Exception {
        String task;
        try (EventReader studio = EventReader.open(agent)) {
            waitForClients(1);
            agent.hub.publish(captured(1, ""));
            studio.next();
            task = studio.task();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            agent.hub.heartbeat();
            return agent.hub.clients() == 0;
        });

        LogMessage end = agent.requestEnd(task);
        assertThat(end.get("status")).isEqualTo(200);
        assertThat(end.get("ended")).isEqualTo("the client went away");
        assertThat(((Number) end.get("events_sent")).longValue()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aClientThatStopsReadingIsDroppedAndTheOthersGetEveryEvent() throws Exception {
        String padding = "x".repeat(2000);
        try (EventReader fast = EventReader.open(agent); Socket slow = new Socket()) {
            slow.setReceiveBufferSize(4096);
            slow.connect(new InetSocketAddress("127.0.0.1", agent.port()));
            slow.getOutputStream().write(("GET /api/v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Accept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            waitForClients(2);

            List<String> ids = new ArrayList<>();
            long published = 0;
            while (droppedClients().isEmpty() && published < 100_000) {
                for (int i = 0; i < 10; i++) {
                    agent.hub.publish(captured(++published, padding));
                }
                for (int i = 0; i < 10; i++) {
                    ids.add(fast.next().id()); // the fast studio keeps up, batch by batch
                }
            }

            assertThat(droppedClients()).hasSize(1);
            LogMessage dropped = droppedClients().get(0);
            assertThat(dropped.get("queued")).isEqualTo(40);
            assertThat(agent.requestEnd(dropped.taskUuid()).get("ended").toString()).startsWith("dropped");
            assertThat(agent.hub.clients()).isEqualTo(1);
            assertThat(ids).hasSize((int) published).doesNotHaveDuplicates()
                    .last().isEqualTo(RunningAgent.HUB_STREAM + "." + published);
        }
    }

    private List<LogMessage> droppedClients() {
        return agent.messages().stream().filter(m -> m.type().equals(EventSubscription.DROPPED_MESSAGE)).toList();
    }

    @Test
    void eventsReadBackAsTheirRecords() throws Exception {
        List<AgentEvent> events = List.of(captured(1, ""),
                new AgentEvent.StateChanged("IDLE", "CAPTURING", "start", "pressed start", Instant.EPOCH),
                new AgentEvent.Heartbeat(Instant.EPOCH, Optional.of("s1.4")),
                new AgentEvent.EventsMissed("the agent restarted"));
        for (AgentEvent event : events) {
            String text = json.writeValueAsString(event);
            assertThat(text).startsWith("{\"type\":\"" + event.type() + "\"");
            assertThat(json.readValue(text, AgentEvent.class)).isEqualTo(event);
        }
    }
}
