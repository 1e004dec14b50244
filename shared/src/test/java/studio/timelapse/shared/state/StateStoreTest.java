package studio.timelapse.shared.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;
import static studio.timelapse.shared.state.CameraMachine.allMet;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.shared.actionlog.ActionStatus;
import studio.timelapse.shared.actionlog.LogMessage;
import studio.timelapse.shared.db.SqliteDatabase;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.refusal.RefusedException;
import studio.timelapse.shared.state.CameraMachine.CameraFacts;
import studio.timelapse.shared.state.CameraMachine.CameraState;

/** Entities' states in SQLite: created initialising, moved only by allowed transitions, every step kept. */
class StateStoreTest {
    @TempDir
    Path folder;

    private CameraStore cameras;
    private StateStore<CameraState, CameraFacts> store;

    @BeforeEach
    void open() {
        cameras = new CameraStore(folder.resolve("studio.sqlite"));
        store = cameras.store;
    }

    @AfterEach
    void close() {
        cameras.close();
    }

    @Test
    void aNewEntityStartsInitialisingAtVersionOneAndItsCreationIsItsFirstStep() {
        EntityState<CameraState> created = store.create("cam-7", "discovered on the network");

        assertThat(created).isEqualTo(new EntityState<>("camera", "cam-7", CameraState.INITIALISING, 1,
                cameras.clock.instant()));
        assertThat(store.current("cam-7")).contains(created);
        assertThat(store.history("cam-7")).singleElement().satisfies(step -> {
            assertThat(step.transition()).isEqualTo(HistoryEntry.CREATE);
            assertThat(step.from()).isEmpty();
            assertThat(step.to()).isEqualTo(CameraState.INITIALISING);
            assertThat(step.why()).isEqualTo("discovered on the network");
        });
    }

    @Test
    void creatingAnEntityTwiceIsAConflict() {
        store.create("cam-7", "discovered");
        assertThatThrownBy(() -> store.create("cam-7", "discovered again"))
                .isInstanceOfSatisfying(RefusedException.class, e -> assertThat(e.refusals()).singleElement()
                        .satisfies(refusal -> {
                            assertThat(refusal.kind()).isEqualTo(Refusal.Kind.CONFLICT);
                            assertThat(refusal.code()).isEqualTo("state.exists");
                        }));
        assertThat(store.history("cam-7")).hasSize(1);
    }

    @Test
    void firingMovesTheEntityAndKeepsFromToWhenWhyAndWhichTask() {
        store.create("cam-7", "discovered");
        cameras.clock.advance(Duration.ofSeconds(30));
        Instant readyAt = cameras.clock.instant();

        EntityState<CameraState> ready = store.fire("cam-7", Lifecycle.READY, 1, allMet(), "probe answered");

        assertThat(ready).isEqualTo(new EntityState<>("camera", "cam-7", CameraState.DISCOVERED, 2, readyAt));
        assertThat(store.current("cam-7")).contains(ready);
        HistoryEntry<CameraState> step = store.history("cam-7").get(1);
        assertThat(step).isEqualTo(new HistoryEntry<>("camera", "cam-7", 2, Lifecycle.READY,
                Optional.of(CameraState.INITIALISING), CameraState.DISCOVERED, readyAt, "probe answered",
                step.taskUuid()));
        LogMessage started = cameras.recording.ofType(StateStore.TRANSITION_ACTION).get(0);
        assertThat(step.taskUuid()).contains(started.taskUuid());
    }

    @Test
    void firingIsAnActionThatSucceedsWithFromToAndVersion() {
        store.create("cam-7", "discovered");
        store.fire("cam-7", Lifecycle.READY, 1, allMet(), "probe answered");

        List<LogMessage> action = cameras.recording.ofType(StateStore.TRANSITION_ACTION);
        assertThat(action.get(0).fields()).containsEntry("entity_type", "camera").containsEntry("entity_id", "cam-7")
                .containsEntry("transition", "ready").containsEntry("expected_version", 1L)
                .containsEntry("why", "probe answered");
        assertThat(action.get(1).actionStatus()).contains(ActionStatus.SUCCEEDED);
        assertThat(action.get(1).fields()).containsEntry("from", "INITIALISING").containsEntry("to", "DISCOVERED")
                .containsEntry("version", 2L);
    }

    @Test
    void aRefusedFireChangesNothingAndGivesEveryReasonThatExplainGives() {
        store.create("cam-7", "discovered");
        CameraFacts asViewer = new CameraFacts("cam-7", CameraMachine.viewer(), 0, 1);
        List<Refusal> explained = store.explain("cam-7", "start", asViewer);

        assertThatThrownBy(() -> store.fire("cam-7", "start", 1, asViewer, "pressed start"))
                .isInstanceOfSatisfying(RefusedException.class, e -> {
                    assertThat(e.refusals()).isEqualTo(explained);
                    assertThat(e.refusals()).extracting(Refusal::kind)
                            .containsExactly(Refusal.Kind.FORBIDDEN, Refusal.Kind.WRONG_STATE, Refusal.Kind.GUARD);
                });
        assertThat(store.current("cam-7").orElseThrow().version()).isEqualTo(1);
        assertThat(store.history("cam-7")).hasSize(1);
    }

    @Test
    void aRefusalIsLoggedWithItsReasonsAndFailsTheAction() {
        store.create("cam-7", "discovered");
        assertThatThrownBy(() -> store.fire("cam-7", "pause", 1, allMet(), "pressed pause"))
                .isInstanceOf(RefusedException.class);

        LogMessage refused = cameras.recording.ofType(StateStore.REFUSED_MESSAGE).get(0);
        assertThat(refused.get("refusals")).asInstanceOf(LIST).singleElement().isEqualTo(Map.of(
                "kind", "WRONG_STATE", "code", "state.wrong_state",
                "reason", "The camera is initialising; pause needs it capturing",
                "details", Map.of("entity_type", "camera", "state", "INITIALISING", "transition", "pause",
                        "allowed_from", List.of("CAPTURING"))));
        LogMessage end = cameras.recording.ofType(StateStore.TRANSITION_ACTION).get(1);
        assertThat(end.actionStatus()).contains(ActionStatus.FAILED);
        assertThat(end.fields()).containsEntry("exception", RefusedException.class.getName());
    }

    @Test
    void aStaleVersionIsAConflictThatNamesTheStateAndTransitionThatWon() {
        cameras.online("cam-7");
        long seen = store.current("cam-7").orElseThrow().version();
        store.fire("cam-7", "start", seen, allMet(), "scheduled capture");

        assertThatThrownBy(() -> store.fire("cam-7", "disconnect", seen, allMet(), "heartbeat lost"))
                .isInstanceOfSatisfying(RefusedException.class, e -> assertThat(e.refusals()).singleElement()
                        .satisfies(refusal -> {
                            assertThat(refusal.kind()).isEqualTo(Refusal.Kind.CONFLICT);
                            assertThat(refusal.code()).isEqualTo("state.conflict");
                            assertThat(refusal.reason()).isEqualTo("The camera changed meanwhile: it is now capturing"
                                    + " (version 5, after start); you saw version 4");
                            assertThat(refusal.details()).containsEntry("state", "CAPTURING")
                                    .containsEntry("version", 5L).containsEntry("expected_version", 4L)
                                    .containsEntry("transition", "start");
                        }));
    }

    @Test
    void everyGuardIsCheckedAgainWhenTheTransitionFires() {
        cameras.online("cam-7");
        assertThat(store.available("cam-7", allMet())).contains("start");

        cameras.locks.hold("camera:cam-7", "render of sequence 12", Instant.EPOCH);

        assertThat(store.available("cam-7", allMet())).doesNotContain("start");
        assertThatThrownBy(() -> store.fire("cam-7", "start", 4, allMet(), "pressed start"))
                .isInstanceOfSatisfying(RefusedException.class, e -> assertThat(e.refusals())
                        .extracting(Refusal::kind).containsExactly(Refusal.Kind.LOCKED));
    }

    @Test
    void aTransitionThatStaysBumpsTheVersionButNotTheSince() {
        EntityState<CameraState> online = cameras.online("cam-7");
        cameras.clock.advance(Duration.ofMinutes(5));

        EntityState<CameraState> renamed = store.fire("cam-7", "rename", online.version(), allMet(), "new title");

        assertThat(renamed.state()).isEqualTo(CameraState.ONLINE);
        assertThat(renamed.version()).isEqualTo(online.version() + 1);
        assertThat(renamed.since()).isEqualTo(online.since());
        assertThat(store.history("cam-7")).last().satisfies(step -> {
            assertThat(step.from()).contains(CameraState.ONLINE);
            assertThat(step.to()).isEqualTo(CameraState.ONLINE);
            assertThat(step.at()).isEqualTo(cameras.clock.instant());
        });
    }

    @Test
    void anUnknownEntityHasNothingAvailableAndIsRefusedAsNotFound() {
        assertThat(store.available("cam-9", allMet())).isEmpty();
        assertThat(store.explain("cam-9", "start", allMet())).extracting(Refusal::code)
                .containsExactly("state.unknown_entity");
        assertThatThrownBy(() -> store.fire("cam-9", "start", 1, allMet(), "pressed start"))
                .isInstanceOfSatisfying(RefusedException.class, e -> assertThat(e.httpStatus()).isEqualTo(404));
    }

    @Test
    void entityTypesDoNotSeeEachOthersEntities() {
        store.create("7", "discovered");
        StateStore<SequenceMachine.SequenceState, SequenceMachine.SequenceFacts> sequences = new StateStore<>(
                cameras.db, cameras.recording.log(), cameras.clock, SequenceMachine.build());
        assertThat(sequences.current("7")).isEmpty();
        sequences.create("7", "imported");
        assertThat(sequences.current("7").orElseThrow().state()).isEqualTo(SequenceMachine.SequenceState.INITIALISING);
        assertThat(store.history("7")).hasSize(1);
    }

    @Test
    void statesAndHistorySurviveReopeningTheDatabase() {
        EntityState<CameraState> online = cameras.online("cam-7");
        cameras.db.close();
        try (SqliteDatabase reopened = SqliteDatabase.open(folder.resolve("studio.sqlite"))) {
            reopened.migrate("shared", "db/shared");
            StateStore<CameraState, CameraFacts> again = cameras.on(reopened);
            assertThat(again.current("cam-7")).contains(online);
            assertThat(again.history("cam-7")).extracting(HistoryEntry::transition)
                    .containsExactly("create", "ready", "pair", "confirm_pairing");
        }
    }
}
