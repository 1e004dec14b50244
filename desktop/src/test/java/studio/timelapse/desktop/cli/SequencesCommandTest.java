package studio.timelapse.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.desktop.library.LibraryFixture;
import studio.timelapse.desktop.sequences.SequenceCatalog;
import studio.timelapse.shared.db.SqliteDatabase;
import studio.timelapse.shared.lock.Lease;
import studio.timelapse.shared.lock.LockPolicy;
import studio.timelapse.shared.lock.LockRequest;
import studio.timelapse.shared.lock.Locks;
import studio.timelapse.shared.protocol.FrameId;
import studio.timelapse.shared.testing.RecordingLog;

/** {@code timelapse sequences …}: list, show, define, archive, delete — with reasons when refused. */
class SequencesCommandTest {
    private static final Instant MIDNIGHT = Instant.parse("2024-06-21T00:00:00Z");

    @TempDir
    Path home;

    private CliRunner.Run run(String... args) {
        return new CliRunner(home).run(args);
    }

    /** Camera "North field" (pi-01) with a frame every hour for two days. */
    @BeforeEach
    void aLibraryWithOneCamera() throws Exception {
        try (LibraryFixture library = LibraryFixture.in(home.resolve("library"))) {
            library.cameras().add("pi-01", "North field", "127.0.0.1", 8443);
            for (int hour = 0; hour < 48; hour++) {
                library.syncFrame("pi-01", new FrameId("e1", hour + 1), MIDNIGHT.plus(Duration.ofHours(hour)));
            }
        }
    }

    @Test
    void aCamerasStreamIsListed() {
        CliRunner.Run run = run("sequences", "list");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("1 +North field +camera +active +48 +the stream of camera pi-01");
    }

    @Test
    void aSequenceDefinedByRulesIsListedWithItsFrames() {
        CliRunner.Run defined = run("sequences", "define", "Second day", "--camera", "North field", "--from", "2024-06-22T00:00Z",
                "--to", "2024-06-23T00:00Z", "--every", "4");
        assertThat(defined.exitCode()).as(defined.err()).isZero();
        assertThat(defined.out()).contains("Sequence 2 'Second day': 6 frames (North field, from 2024-06-22T00:00:00Z,"
                + " until 2024-06-23T00:00:00Z, every 4th frame, rejected frames left out).");
        assertThat(run("sequences").out()).containsPattern("2 +Second day +defined +active +6 ");

        CliRunner.Run shown = run("sequences", "show", "Second day");
        assertThat(shown.exitCode()).as(shown.err()).isZero();
        assertThat(shown.out()).contains("Sequence 2: Second day", "frames:   6",
                "first:    2024-06-22T00:00:00Z", "can:      archive, delete");
    }

    @Test
    void aWholeDayIsGivenByItsDate() {
        CliRunner.Run defined = run("sequences", "define", "Day one", "--camera", "pi-01", "--from", "2024-06-21", "--to",
                "2024-06-21");
        assertThat(defined.exitCode()).as(defined.err()).isZero();
        // The zone is this machine's: a whole local day holds 24 hourly frames wherever it falls in UTC.
        assertThat(defined.out()).contains(": 24 frames");
    }

    @Test
    void mistakesInTheRulesAreRefusedWithTheirReasons() {
        CliRunner.Run run = run("sequences", "define", "Bad", "--camera", "pi-01", "--every", "0", "--from", "2024-06-22",
                "--to", "2024-06-21");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("'every' is how many frames to step (1 = every frame), was 0")
                .contains("the time range ends");
        assertThat(run("sequences", "define", "x", "--camera", "nope").err())
                .contains("the library knows no camera 'nope'").contains("known cameras: pi-01 (North field)");
        CliRunner.Run badTime = run("sequences", "define", "x", "--camera", "pi-01", "--from", "yesterday");
        assertThat(badTime.exitCode()).isEqualTo(2);
        assertThat(badTime.err()).contains("'yesterday' is not a time");
        assertThat(run("sequences", "define", "x").exitCode()).isEqualTo(2);
    }

    @Test
    void aCamerasStreamCannotBeDeletedAndTheRefusalSaysWhatToDo() {
        CliRunner.Run run = run("sequences", "delete", "1");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("'North field' is the stream of camera pi-01: its frames belong to it")
                .contains("-> archive it instead");
    }

    @Test
    void aSequenceBeingRenderedIsNotDeletedUntilTheRenderEnds() throws Exception {
        assertThat(run("sequences", "define", "All", "--camera", "pi-01").exitCode()).isZero();
        try (SqliteDatabase db = SqliteDatabase.open(home.resolve("library/library.sqlite"));
                RecordingLog log = new RecordingLog();
                Locks locks = Locks.builder(db, log.log()).build();
                Lease render = locks.acquire(LockRequest.of(SequenceCatalog.renderLock(2), "job:17"),
                        LockPolicy.failNow())) {
            CliRunner.Run refused = run("sequences", "delete", "All");
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.err()).contains("sequence 2 is being rendered by job:17")
                    .contains("-> wait for the render to finish or cancel it (timelapse jobs cancel 17)");
            assertThat(run("sequences", "show", "2").out()).contains("cannot delete: sequence 2 is being rendered");
        }
        CliRunner.Run deleted = run("sequences", "delete", "All", "--why", "done with it");
        assertThat(deleted.exitCode()).as(deleted.err()).isZero();
        assertThat(deleted.out()).contains("Sequence 2 'All' is deleted.");
        assertThat(run("sequences", "list").out()).doesNotContain("All");
    }

    @Test
    void archivingHidesNothingButSaysSo() {
        run("sequences", "define", "All", "--camera", "pi-01");
        assertThat(run("sequences", "archive", "All").out()).contains("is archived");
        assertThat(run("sequences", "list").out()).containsPattern("2 +All +defined +archived");
        CliRunner.Run twice = run("sequences", "archive", "All");
        assertThat(twice.exitCode()).isEqualTo(1);
        assertThat(run("sequences", "unarchive", "2").out()).contains("is active");
    }

    @Test
    void anUnknownSequenceIsNamedInTheError() {
        CliRunner.Run run = run("sequences", "show", "Nothing");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("there is no sequence named 'Nothing'");
        assertThat(run("sequences", "show", "99").err()).contains("there is no sequence 99");
    }

    @Test
    void withoutALibraryThereAreNoSequences(@TempDir Path empty) {
        CliRunner.Run run = run("sequences", "list", "--library", empty.resolve("none").toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("No library yet at");
    }
}
