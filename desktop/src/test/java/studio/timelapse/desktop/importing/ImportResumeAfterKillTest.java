package studio.timelapse.desktop.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.desktop.ingest.FrameAnalyzer;
import studio.timelapse.desktop.library.Frame;
import studio.timelapse.desktop.library.FrameFiles;
import studio.timelapse.desktop.library.Imports;
import studio.timelapse.desktop.library.LibraryFixture;
import studio.timelapse.desktop.library.Sequence;
import studio.timelapse.shared.job.Job;
import studio.timelapse.shared.job.JobRunner;
import studio.timelapse.shared.job.JobState;
import studio.timelapse.shared.testing.ChildJvm;

/** An import killed with kill -9 mid-way, then run again: every file once, nothing twice, nothing left over. */
class ImportResumeAfterKillTest {
    private static final int FILES = ImportJob.CHUNK * 6;

    @TempDir
    Path folder;

    @Test
    void anImportKilledMidWayResumesFromItsCheckpointAndImportsEveryFileOnce() throws Exception {
        TestCard card = aCard();
        long jobId;
        try (ChildJvm studio = ChildJvm.start(ImportWorkerMain.class, Map.of(), libraryFolder().toString(),
                card.root().toString())) {
            jobId = Long.parseLong(studio.awaitLine("SUBMITTED ", Duration.ofSeconds(60)).substring(10));
            studio.awaitLine("CHUNKS 2", Duration.ofSeconds(120));
            studio.killHard();
        }

        resumeAndCheck(jobId);
    }

    @Test
    void framesStoredByAChunkThatNeverReachedItsCheckpointAreCountedOnceWhenItRunsAgain() throws Exception {
        TestCard card = aCard();
        long jobId;
        try (ChildJvm studio = ChildJvm.start(ImportWorkerMain.class, Map.of(), libraryFolder().toString(),
                card.root().toString(), "halt-mid-chunk")) {
            jobId = Long.parseLong(studio.awaitLine("SUBMITTED ", Duration.ofSeconds(60)).substring(10));
            studio.awaitLine("HALTING", Duration.ofSeconds(120));
            studio.awaitExit(Duration.ofSeconds(30));
        }
        try (LibraryFixture fixture = LibraryFixture.in(libraryFolder())) {
            Job halted = JobRunner.builder(fixture.library().database(), fixture.log().log()).build().job(jobId)
                    .orElseThrow();
            long counted = ImportJob.checkpoint(halted).orElseThrow().imported();
            assertThat(fixture.frames().count()).as("frames stored beyond the checkpoint").isGreaterThan(counted);
        }

        resumeAndCheck(jobId);
    }

    private Path libraryFolder() {
        return folder.resolve("library");
    }

    private TestCard aCard() {
        TestCard card = new TestCard(folder.resolve("card"));
        for (int i = 0; i < FILES; i++) {
            card.put(String.format("DCIM/100MEDIA/IMG_%04d.JPG", i), TestCard.cameraJpeg(i,
                    String.format("2024:06:21 10:%02d:%02d", i / 60, i % 60)));
        }
        return card;
    }

    private void resumeAndCheck(long jobId) throws Exception {
        Path libraryFolder = libraryFolder();
        try (LibraryFixture fixture = LibraryFixture.in(libraryFolder)) {
            ImportJob importJob = new ImportJob(fixture.library(), new FrameAnalyzer(), 2);
            JobRunner runner = JobRunner.builder(fixture.library().database(), fixture.log().log())
                    .queue(ImportJob.QUEUE, 1).register(importJob).build();
            Job killed = runner.job(jobId).orElseThrow();
            assertThat(killed.state()).as("killed mid-way").isEqualTo(JobState.RUNNING);
            assertThat(killed.chunksDone()).isBetween(1L, (long) FILES / ImportJob.CHUNK - 1);

            runner.start();
            Job done = runner.awaitFinished(jobId, Duration.ofSeconds(120));
            runner.close(Duration.ofSeconds(5));

            assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(done.attempts()).isEqualTo(2);
            assertThat(ImportJob.checkpoint(done).orElseThrow()).extracting(ImportJob.Checkpoint::imported,
                    ImportJob.Checkpoint::duplicates, ImportJob.Checkpoint::skipped)
                    .containsExactly((long) FILES, 0L, 0L);
            assertThat(fixture.sequences().all()).as("one import, resumed, not two").hasSize(1);
            Sequence sequence = Imports.of(fixture.library()).run(jobId).orElseThrow().sequence().orElseThrow();
            List<Frame> frames = fixture.frames().ofSequence(sequence.id(), Optional.empty(), 1000).frames();
            assertThat(frames).hasSize(FILES);
            assertThat(frames).extracting(Frame::sha256).doesNotHaveDuplicates();
            assertThat(frames).allSatisfy(frame -> {
                assertThat(frame.ingested()).isPresent();
                assertThat(FrameFiles.of(fixture.library()).resolve(frame.path())).isRegularFile();
            });
            try (Stream<Path> files = Files.walk(libraryFolder.resolve(FrameFiles.FRAMES_FOLDER))) {
                assertThat(files.filter(Files::isRegularFile)
                        .filter(file -> !file.getFileName().toString().startsWith(FrameFiles.TEMPORARY_PREFIX)))
                        .as("no frame file twice, none without its row").hasSize(FILES);
            }
        }
    }
}
