package studio.timelapse.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.desktop.importing.ImportJob;
import studio.timelapse.desktop.importing.TestCard;
import studio.timelapse.desktop.ingest.FrameAnalyzer;
import studio.timelapse.desktop.library.LibraryFixture;
import studio.timelapse.shared.job.Job;
import studio.timelapse.shared.job.JobRunner;
import studio.timelapse.shared.job.SubmitOptions;

/** {@code timelapse import DIR}: progress, then what was imported, what was there already, and what was skipped. */
class ImportCommandTest {
    @TempDir
    Path home;

    @TempDir
    Path cards;

    private CliRunner.Run run(String... args) {
        return new CliRunner(home).run(args);
    }

    private TestCard aCard() {
        TestCard card = new TestCard(cards.resolve("card"));
        for (int i = 1; i <= 3; i++) {
            card.put("DCIM/100CANON/IMG_000" + i + ".JPG", TestCard.cameraJpeg(i, "2024:06:21 10:00:0" + i));
        }
        byte[] whole = TestCard.cameraJpeg(9, "2024:06:21 10:00:09");
        card.put("DCIM/100CANON/IMG_0009.JPG", Arrays.copyOf(whole, whole.length - 200));
        card.put("DCIM/100CANON/MVI_0010.MP4", TestCard.noise(4000, 1));
        return card;
    }

    @Test
    void aCardIsImportedIntoANewLibraryWithASummaryOfWhatHappened() {
        TestCard card = aCard();

        CliRunner.Run run = run("import", card.root().toString(), "--zone", "UTC");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("Created a new library at " + home.resolve("library"))
                .contains("Importing " + card.root())
                .contains("5/5 files")
                .contains("Imported 3 photos into 'card' (sequence 1).")
                .contains("1 other files (videos, RAW, sidecars) left alone.")
                .containsPattern("1 skipped:\n  DCIM/100CANON/IMG_0009.JPG: the file ends after \\d+% of the image "
                        + "\\(truncated\\)");
    }

    @Test
    void importingTheSameCardAgainStoresNothingTwice() {
        TestCard card = aCard();
        run("import", card.root().toString());

        CliRunner.Run again = run("import", card.root().toString(), "--name", "Second look");

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("Imported 0 photos.").contains("3 already in the library (not stored again).");
    }

    @Test
    void anUnfinishedImportOfTheSameFolderIsContinuedNotStartedAgain() throws Exception {
        TestCard card = aCard();
        long jobId;
        try (LibraryFixture library = LibraryFixture.in(home.resolve("library"))) {
            ImportJob type = new ImportJob(library.library(), new FrameAnalyzer(), 1);
            JobRunner notStarted = JobRunner.builder(library.library().database(), library.log().log())
                    .queue(ImportJob.QUEUE, 1).register(type).build();
            Job queued = notStarted.submit(type, ImportJob.Params.of(card.root(), Optional.of("Card"), ZoneId.of("UTC")),
                    SubmitOptions.defaults());
            jobId = queued.id();
        }

        CliRunner.Run run = run("import", card.root().toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Continuing the import of " + card.root() + " (job " + jobId + ").")
                .contains("Imported 3 photos into 'Card'");
    }

    @Test
    void aFolderThatIsNotThereIsAnErrorAndCreatesNoLibrary() {
        CliRunner.Run run = run("import", cards.resolve("nothing-here").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("there is no folder " + cards.resolve("nothing-here"));
        assertThat(home.resolve("library")).doesNotExist();
    }

    @Test
    void aZoneThatIsNoZoneIsAnErrorOfTheCommandLine() {
        CliRunner.Run run = run("import", aCard().root().toString(), "--zone", "Mars/Olympus");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--zone is a zone such as Europe/Paris");
    }
}
