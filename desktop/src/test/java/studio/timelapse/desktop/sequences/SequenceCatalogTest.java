package studio.timelapse.desktop.sequences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import studio.timelapse.desktop.library.LibraryFixture;
import studio.timelapse.desktop.library.SequenceDefinition;
import studio.timelapse.desktop.library.SequenceKind;
import studio.timelapse.shared.lock.Lease;
import studio.timelapse.shared.lock.LockPolicy;
import studio.timelapse.shared.lock.LockRequest;
import studio.timelapse.shared.lock.Locks;
import studio.timelapse.shared.protocol.FrameId;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.refusal.RefusedException;
import studio.timelapse.shared.state.Lifecycle;
import studio.timelapse.shared.state.StateStore;

class SequenceCatalogTest {
    @RegisterExtension
    final LibraryFixture fixture = new LibraryFixture();

    private Locks locks;
    private SequenceCatalog catalog;
    private long stream;

    @BeforeEach
    void aLibraryWithACamera() throws Exception {
        locks = Locks.builder(fixture.library().database(), fixture.log().log()).clock(fixture.clock()).build();
        catalog = new SequenceCatalog(fixture.library(), locks.asLockCheck("user:cli"));
        fixture.addCamera("cam-1");
        for (int seq = 1; seq <= 6; seq++) {
            fixture.syncFrame("cam-1", new FrameId("e1", seq), Instant.parse("2024-06-21T12:00:00Z").plusSeconds(seq));
        }
        stream = fixture.sequences().streamOf("cam-1").orElseThrow().id();
    }

    @AfterEach
    void closeLocks() {
        locks.close();
    }

    @Test
    void aCamerasStreamIsAnActiveSequenceFromTheStart() {
        assertThat(catalog.list()).singleElement().satisfies(view -> {
            assertThat(view.sequence().kind()).isEqualTo(SequenceKind.CAMERA);
            assertThat(view.state().state()).isEqualTo(SequenceState.ACTIVE);
        });
        assertThat(catalog.countFrames(stream)).isEqualTo(6);
    }

    @Test
    void aDefinedSequenceIsActiveAndCanBeArchivedAndBroughtBack() {
        SequenceView defined = catalog.define("every other", SequenceDefinition.of(List.of(stream)).everyNth(2),
                "typed on the command line");
        assertThat(defined.state().state()).isEqualTo(SequenceState.ACTIVE);
        assertThat(catalog.countFrames(defined.id())).isEqualTo(3);
        assertThat(catalog.available(defined.id())).contains("archive", Lifecycle.DELETE).doesNotContain("unarchive");

        assertThat(catalog.archive(defined.id(), "tidying up").state().state()).isEqualTo(SequenceState.ARCHIVED);
        assertThat(catalog.unarchive(defined.id(), "needed again").state().state()).isEqualTo(SequenceState.ACTIVE);
        assertThatThrownBy(() -> catalog.unarchive(defined.id(), "twice")).isInstanceOfSatisfying(
                RefusedException.class, e -> assertThat(e.refusals().get(0).kind()).isEqualTo(Refusal.Kind.WRONG_STATE));
    }

    @Test
    void deletingADefinedSequenceRemovesItAndKeepsItsFrames() {
        SequenceView defined = catalog.define("all", SequenceDefinition.of(List.of(stream)), "test");
        catalog.delete(defined.id(), "not needed");
        assertThat(catalog.list()).extracting(SequenceView::id).containsExactly(stream);
        assertThat(catalog.find(defined.id())).isEmpty();
        assertThat(fixture.frames().count()).isEqualTo(6);
        assertThatThrownBy(() -> catalog.get(defined.id())).isInstanceOf(RefusedException.class)
                .hasMessageContaining("there is no sequence " + defined.id());
    }

    @Test
    void aDeletedSequencesIdIsNeverGivenAgain() {
        SequenceView first = catalog.define("all", SequenceDefinition.of(List.of(stream)), "test");
        catalog.delete(first.id(), "not needed");
        SequenceView second = catalog.define("all", SequenceDefinition.of(List.of(stream)), "test");
        assertThat(second.id()).isGreaterThan(first.id());
        assertThat(second.state().version()).isEqualTo(2);
    }

    @Test
    void aCamerasStreamCannotBeDeletedAndSaysWhy() {
        assertThat(catalog.explain(stream, Lifecycle.DELETE)).singleElement().satisfies(refusal -> {
            assertThat(refusal.kind()).isEqualTo(Refusal.Kind.GUARD);
            assertThat(refusal.reason()).isEqualTo("'cam-1' is the stream of camera cam-1: its frames belong to it");
            assertThat(refusal.remedy()).contains("archive it instead, or define a sequence over the frames you want");
        });
        assertThatThrownBy(() -> catalog.delete(stream, "oops")).isInstanceOf(RefusedException.class);
        assertThat(fixture.sequences().find(stream)).isPresent();
    }

    @Test
    void aSequenceBeingRenderedCannotBeDeletedAndTheRefusalNamesTheRender() {
        SequenceView defined = catalog.define("all", SequenceDefinition.of(List.of(stream)), "test");
        try (Lease render = locks.acquire(LockRequest.of(SequenceCatalog.renderLock(defined.id()), "job:42"),
                LockPolicy.failNow())) {
            assertThatThrownBy(() -> catalog.delete(defined.id(), "pressed delete"))
                    .isInstanceOfSatisfying(RefusedException.class, e -> {
                        Refusal refusal = e.refusals().get(0);
                        assertThat(refusal.kind()).isEqualTo(Refusal.Kind.LOCKED);
                        assertThat(refusal.reason()).startsWith("sequence " + defined.id()
                                + " is being rendered by job:42");
                        assertThat(refusal.remedy())
                                .contains("wait for the render to finish or cancel it (timelapse jobs cancel 42)");
                    });
            assertThat(catalog.available(defined.id())).doesNotContain(Lifecycle.DELETE);
            assertThat(catalog.get(defined.id()).state().state()).isEqualTo(SequenceState.ACTIVE);
        }
        catalog.delete(defined.id(), "the render finished");
        assertThat(catalog.find(defined.id())).isEmpty();
    }

    @Test
    void aDeletionLeftHalfDoneByAKilledProcessIsFinishedWhenTheSequencesAreListed() {
        SequenceView defined = catalog.define("all", SequenceDefinition.of(List.of(stream)), "test");
        // What a process killed between the two steps of delete leaves behind: the state says deleting.
        StateStore<SequenceState, SequenceFacts> states = new StateStore<>(fixture.library().database(),
                fixture.log().log(), fixture.clock(), SequenceMachine.build(locks.asLockCheck("user:cli")));
        states.fire(defined.sequence().entityId(), Lifecycle.DELETE, defined.state().version(),
                new SequenceFacts(defined.sequence()), "pressed delete");

        assertThat(catalog.list()).extracting(SequenceView::id).containsExactly(stream);
        assertThat(fixture.sequences().find(defined.id())).isEmpty();
        assertThat(states.current(defined.sequence().entityId()).orElseThrow().state())
                .isEqualTo(SequenceState.DELETED);
    }
}
