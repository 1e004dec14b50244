package studio.timelapse.desktop.cameras.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.desktop.cameras.LoopbackAgent;
import studio.timelapse.shared.protocol.AgentEvent;
import studio.timelapse.shared.protocol.CaptureCommand;
import studio.timelapse.shared.protocol.pairing.PairingResponse;
import studio.timelapse.shared.testing.RecordingLog;
import studio.timelapse.shared.tls.CertificateFingerprint;

/** The agent's event stream through the studio's subscription: live events, breaks, reconnection. */
class AgentEventsTest {
    @TempDir
    Path agentHome;
    @TempDir
    Path library;

    private final RecordingLog recording = new RecordingLog();
    private LoopbackAgent agent;
    private AgentClient client;

    /** What the subscription told, in order. */
    private final List<Object> told = new CopyOnWriteArrayList<>();

    private final AgentEventListener listener = new AgentEventListener() {
        @Override
        public void onEvent(AgentEvent event) {
            told.add(event);
        }

        @Override
        public void onConnected() {
            told.add("connected");
        }

        @Override
        public void onDisconnected(Exception cause, Duration retryIn) {
            told.add("disconnected");
        }
    };

    @BeforeEach
    void pairWithAnAgent() throws Exception {
        agent = LoopbackAgent.start(agentHome);
        StudioIdentity identity = StudioIdentity.loadOrCreate(library, recording.log());
        PairingResponse paired = FirstContact.at(agent.address(), recording.log())
                .pair(agent.openPairingWindow(), "Test studio", identity);
        client = AgentClient.builder(new PairedAgent(paired.agentId(), "North field", agent.address(),
                        CertificateFingerprint.parse(paired.certificateFingerprint()), paired.studioId()), identity,
                recording.log())
                .firstChallenge(paired.challenge())
                .eventTiming(new EventSubscription.Timing(Duration.ofMillis(100), Duration.ofMillis(400),
                        Duration.ofSeconds(45)))
                .build();
    }

    @AfterEach
    void stop() {
        client.close();
        agent.close();
        recording.close();
    }

    private <T> List<T> of(Class<T> type) {
        return told.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void framesAndStateChangesArriveAsTheyHappen() throws Exception {
        try (EventSubscription events = client.events(Optional.empty(), listener)) {
            await().atMost(Duration.ofSeconds(10)).until(events::connected);
            client.capture(CaptureCommand.START);
            await().atMost(Duration.ofSeconds(20)).until(() -> of(AgentEvent.FrameCaptured.class).size() >= 2);
            AgentEvent.StateChanged started = of(AgentEvent.StateChanged.class).get(0);
            assertThat(started.transition()).isEqualTo("start");
            assertThat(started.to()).isEqualToIgnoringCase("capturing");
            assertThat(of(AgentEvent.FrameCaptured.class).get(0).frame().id().sequence()).isEqualTo(1);
            assertThat(events.lastEventId()).isPresent();
        }
        int seen = told.size();
        Thread.sleep(300);
        assertThat(told).as("nothing after close").hasSize(seen);
    }

    @Test
    void aBrokenStreamIsReopenedWithTheLastEventIdAndTheAgentSaysWhatWasMissed() throws Exception {
        try (EventSubscription events = client.events(Optional.empty(), listener)) {
            await().atMost(Duration.ofSeconds(10)).until(events::connected);
            client.capture(CaptureCommand.START);
            await().atMost(Duration.ofSeconds(20)).until(() -> !of(AgentEvent.FrameCaptured.class).isEmpty());

            agent.restart(); // a new event stream: the old ids cannot be replayed
            await().atMost(Duration.ofSeconds(20)).until(() -> !of(AgentEvent.EventsMissed.class).isEmpty());
            assertThat(told).containsSubsequence("connected", "disconnected", "connected");
            long framesBefore = of(AgentEvent.FrameCaptured.class).size();
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> of(AgentEvent.FrameCaptured.class).size() > framesBefore);
            assertThat(recording.ofType("studio:camera:events_lost")).isNotEmpty();
        }
    }

    @Test
    void aStreamWithoutALineForTheIdleTimeoutCountsAsBrokenAndIsReopened() throws Exception {
        AgentClient watchful = AgentClient.builder(client.agent(), StudioIdentity.loadOrCreate(library,
                recording.log()), recording.log())
                .eventTiming(new EventSubscription.Timing(Duration.ofMillis(100), Duration.ofMillis(200),
                        Duration.ofMillis(600)))
                .build();
        // An idle agent sends nothing but a heartbeat every 15 s: 0.6 s of silence looks like a dead connection.
        try (EventSubscription events = watchful.events(Optional.empty(), listener)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> told.stream().filter("connected"::equals).count() >= 2);
            assertThat(told).containsSubsequence("connected", "disconnected", "connected");
            assertThat(recording.ofType("studio:camera:events_lost")).anySatisfy(lost -> assertThat(
                    String.valueOf(lost.fields().get("reason"))).contains("no heartbeat from the camera"));
        } finally {
            watchful.close();
        }
    }

    @Test
    void reconnectsWithBackoffWhileTheAgentIsDownAndCarriesOnWhenItIsBack() throws Exception {
        try (EventSubscription events = client.events(Optional.empty(), listener)) {
            await().atMost(Duration.ofSeconds(10)).until(events::connected);
            agent.stop();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> told.stream().filter("disconnected"::equals).count() >= 3);
            assertThat(events.connected()).isFalse();
            agent.restart();
            await().atMost(Duration.ofSeconds(10)).until(events::connected);
        }
    }
}
