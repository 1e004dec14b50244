package studio.timelapse.shared.state;

import static org.assertj.core.api.Assertions.assertThat;
import static studio.timelapse.shared.state.CameraMachine.allMet;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.state.CameraMachine.CameraFacts;
import studio.timelapse.shared.state.CameraMachine.CameraState;

/** The camera's machine as tables: which transition starts from which state, and which guard refuses what. */
class CameraMachineTest extends MachineTableContract<CameraState, CameraFacts> {
    /** Where each transition may start (with every guard met). */
    static final TransitionTable<CameraState> TABLE = TransitionTable.parse(CameraState.class, """
                            INITIALISING DISCOVERED PAIRING ONLINE OFFLINE CAPTURING PAUSED DELETING DELETED FAILED
            ready           ok           .          .       .      .       .         .      .        .       .
            delete          .            ok         ok      ok     ok      ok        ok     .        .       ok
            deleted         .            .          .       .      .       .         .      ok       .       .
            fail            ok           ok         ok      ok     ok      ok        ok     ok       .       .
            retry           .            .          .       .      .       .         .      .        .       ok
            pair            .            ok         .       .      .       .         .      .        .       .
            confirm_pairing .            .          ok      .      .       .         .      .        .       .
            cancel_pairing  .            .          ok      .      .       .         .      .        .       .
            disconnect      .            .          .       ok     .       .         .      .        .       .
            reconnect       .            .          .       .      ok      .         .      .        .       .
            start           .            .          .       ok     .       .         .      .        .       .
            pause           .            .          .       .      .       ok        .      .        .       .
            resume          .            .          .       .      .       .         ok     .        .       .
            stop            .            .          .       .      .       ok        ok     .        .       .
            rename          .            ok         ok      ok     ok      ok        ok     .        .       .
            """);

    private final FakeLocks locks = new FakeLocks();
    private final StateMachine<CameraState, CameraFacts> camera = CameraMachine.build(locks);

    /** One instance serves the whole class (the contract's tables need it): no lock outlives its test. */
    @AfterEach
    void releaseLocks() {
        locks.releaseAll();
    }

    @Override
    TransitionTable<CameraState> table() {
        return TABLE;
    }

    @Override
    StateMachine<CameraState, CameraFacts> machine() {
        return camera;
    }

    @Override
    CameraFacts everyGuardMet() {
        return allMet();
    }

    /**
     * Guards, by the facts of the moment. {@code facts} combines: {@code all_met}; {@code viewer} (no permissions);
     * {@code low_space} (0.9 GB free of 3 GB needed); {@code locked} (another job holds camera:cam-7).
     */
    @ParameterizedTest(name = "{1} from {0} with {2}: {3}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            ONLINE     | start   | all_met                 | none
            ONLINE     | start   | viewer                  | FORBIDDEN
            ONLINE     | start   | low_space               | GUARD
            ONLINE     | start   | locked                  | LOCKED
            OFFLINE    | start   | viewer+low_space+locked | FORBIDDEN WRONG_STATE GUARD LOCKED
            PAUSED     | resume  | low_space               | GUARD
            PAUSED     | resume  | locked                  | none
            CAPTURING  | pause   | viewer                  | FORBIDDEN
            CAPTURING  | stop    | low_space               | none
            DISCOVERED | pair    | viewer                  | FORBIDDEN
            ONLINE     | delete  | viewer                  | FORBIDDEN
            FAILED     | retry   | viewer                  | none
            ONLINE     | rename  | viewer                  | FORBIDDEN
            DELETED    | rename  | all_met                 | WRONG_STATE
            """)
    void guardsRefuseByTheFactsOfTheMoment(CameraState state, String transition, String facts, String refusals) {
        List<Refusal.Kind> expected = refusals == null ? List.of()
                : Arrays.stream(refusals.split(" ")).map(Refusal.Kind::valueOf).toList();
        assertThat(kinds(camera.explain(state, transition, facts(facts)))).containsExactlyElementsOf(expected);
        assertThat(camera.available(state, facts(facts)).contains(transition)).isEqualTo(expected.isEmpty());
    }

    private CameraFacts facts(String scenario) {
        CameraFacts facts = allMet();
        for (String part : scenario.split("\\+")) {
            facts = switch (part) {
                case "all_met" -> facts;
                case "viewer" -> new CameraFacts(facts.cameraId(), CameraMachine.viewer(), facts.freeBytes(),
                        facts.neededBytes());
                case "low_space" -> new CameraFacts(facts.cameraId(), facts.user(), 900_000_000L, 3_000_000_000L);
                case "locked" -> {
                    locks.hold("camera:" + facts.cameraId(), "render of sequence 12", Instant.EPOCH);
                    yield facts;
                }
                default -> throw new IllegalArgumentException("no scenario " + part);
            };
        }
        return facts;
    }

    private static List<Refusal.Kind> kinds(List<Refusal> refusals) {
        return refusals.stream().map(Refusal::kind).toList();
    }
}
