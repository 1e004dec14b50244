package studio.timelapse.desktop.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import studio.timelapse.desktop.library.Frame;
import studio.timelapse.desktop.library.FrameFiles;
import studio.timelapse.desktop.library.Ingests;
import studio.timelapse.desktop.library.LibraryFixture;
import studio.timelapse.desktop.library.NewCameraFrame;
import studio.timelapse.desktop.library.Sequence;
import studio.timelapse.desktop.library.Thumbnail;
import studio.timelapse.shared.actionlog.LogMessage;
import studio.timelapse.shared.job.Job;
import studio.timelapse.shared.job.JobRunner;
import studio.timelapse.shared.job.JobState;
import studio.timelapse.shared.protocol.FrameId;

class IngestJobTest {
    @RegisterExtension
    final LibraryFixture fixture = new LibraryFixture();

    private JobRunner runner;

    @AfterEach
    void stopRunner() {
        if (runner != null) {
            runner.close(Duration.ofSeconds(5));
        }
    }

    @Test
    void everyWaitingFrameSyncedOrImportedIsIngested() throws Exception {
        fixture.addCamera("cam-1");
        int synced = IngestJob.CHUNK + 5; // two chunks
        for (int i = 1; i <= synced; i++) {
            storeSynced("cam-1", i, jpeg(i));
        }
        Sequence imported = fixture.sequences().createImport("card");
        byte[] importedJpeg = jpeg(99);
        long importedId = fixture.importFrame(imported.id(), "photo.jpg", importedJpeg,
                Instant.parse("2024-06-21T12:00:00Z")).frameId();

        Job job = runIngest();

        assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(job.chunksDone()).isEqualTo(2);
        assertThat(job.progressDone()).hasValue(synced + 1L);
        assertThat(Ingests.of(fixture.library()).countWaiting(0, Long.MAX_VALUE)).isZero();
        Frame frame = fixture.frames().find(importedId).orElseThrow();
        Frame.Ingested ingested = frame.ingested().orElseThrow();
        assertThat(ingested.meanLuma()).isCloseTo(TestJpegs.fullDecode(importedJpeg).meanLuma(), within(1.5));
        assertThat(Arrays.stream(ingested.histogram()).asLongStream().sum()).isEqualTo(320L * 240);
        assertThat(ingested.exposure().timeSeconds()).hasValue(1 / 60.0);
        assertThat(ingested.exposure().iso()).hasValue(800);
        assertThat(frame.width()).isEqualTo(320);
        Thumbnail thumbnail = fixture.frames().thumbnail(importedId).orElseThrow();
        assertThat(thumbnail.width()).isEqualTo(320);
        assertThat(thumbnail.jpeg()).startsWith(0xFF, 0xD8);
    }

    @Test
    void aFrameWhoseFileIsDamagedOrGoneIsFlaggedAndTheOthersAreIngested() throws Exception {
        fixture.addCamera("cam-1");
        long good = storeSynced("cam-1", 1, jpeg(1));
        byte[] whole = jpeg(2);
        long truncated = storeSynced("cam-1", 2, Arrays.copyOf(whole, whole.length / 2));
        long gone = storeSynced("cam-1", 3, jpeg(3));
        long alsoGood = storeSynced("cam-1", 4, jpeg(4));
        Files.delete(file(gone));

        Job job = runIngest();

        assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(IngestJobCheckpoint.of(job)).isEqualTo(new IngestJob.Checkpoint(alsoGood, 2, 2));
        assertThat(fixture.frames().find(good).orElseThrow().ingested()).isPresent();
        assertThat(fixture.frames().find(alsoGood).orElseThrow().ingested()).isPresent();
        List<Ingests.Problem> problems = Ingests.of(fixture.library()).problems(10);
        assertThat(problems).extracting(Ingests.Problem::frameId).containsExactly(truncated, gone);
        assertThat(problems.get(0).kind()).isEqualTo("TRUNCATED");
        assertThat(problems.get(0).reason()).matches("the file ends after \\d+% of the image");
        assertThat(problems.get(1).kind()).isEqualTo("UNREADABLE");
        List<LogMessage> flagged = fixture.log().ofType("studio:ingest:frame_flagged");
        assertThat(flagged).extracting(message -> message.get("frame_id")).containsExactly(truncated, gone);
        assertThat(flagged.get(0).get("reason")).isEqualTo(problems.get(0).reason());
    }

    @Test
    void flaggedFramesAreLeftAloneUntilTheirFlagIsCleared() throws Exception {
        fixture.addCamera("cam-1");
        byte[] whole = jpeg(1);
        long damaged = storeSynced("cam-1", 1, Arrays.copyOf(whole, 100));
        runIngest();
        Files.write(file(damaged), whole); // repaired, say from a backup

        Job second = runIngest();
        assertThat(IngestJobCheckpoint.of(second)).isEqualTo(new IngestJob.Checkpoint(0, 0, 0));
        assertThat(fixture.frames().find(damaged).orElseThrow().ingested()).isEmpty();

        Ingests.of(fixture.library()).clearProblems();
        runIngest();
        assertThat(fixture.frames().find(damaged).orElseThrow().ingested()).isPresent();
    }

    @Test
    void anIngestStopsAtTheNewestFrameWhenItWasSubmitted() throws Exception {
        fixture.addCamera("cam-1");
        long first = storeSynced("cam-1", 1, jpeg(1));
        IngestJob.Params params = IngestJob.everythingIn(fixture.library());
        long later = storeSynced("cam-1", 2, jpeg(2));

        Job job = runIngest(params);

        assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(fixture.frames().find(first).orElseThrow().ingested()).isPresent();
        assertThat(fixture.frames().find(later).orElseThrow().ingested()).as("for the next ingest").isEmpty();
    }

    @Test
    void askingTwiceForTheSameFramesIsOneJob() {
        fixture.addCamera("cam-1");
        runner = runner();
        IngestJob type = new IngestJob(fixture.library(), new FrameAnalyzer(), 2);
        IngestJob.Params params = IngestJob.everythingIn(fixture.library());

        Job first = runner.submit(type, params, IngestJob.submitOptions(params));
        Job second = runner.submit(type, params, IngestJob.submitOptions(params));

        assertThat(second.id()).isEqualTo(first.id());
    }

    /** The checkpoint a finished ingest job left, read back from the job row. */
    private static final class IngestJobCheckpoint {
        static IngestJob.Checkpoint of(Job job) throws IOException {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(job.checkpointJson().orElse(
                    "{\"afterFrameId\":0,\"ingested\":0,\"flagged\":0}"), IngestJob.Checkpoint.class);
        }
    }

    /** A 320×240 frame with EXIF exposure 1/60 s, f/4, ISO 800. */
    private static byte[] jpeg(long seed) {
        return TestExif.bigEndian().exposure(1, 60, 40, 800)
                .into(TestJpegs.photoJpeg(320, 240, seed, TestJpegs.Flavour.baseline420()));
    }

    private long storeSynced(String cameraId, long seq, byte[] content) throws IOException {
        Instant capturedAt = LibraryFixture.START.plusSeconds(seq);
        FrameFiles files = fixture.library().files();
        String path = files.pathFor(cameraId, capturedAt, 0, "frame-" + seq + ".jpg");
        FrameFiles.Written written = files.writeAtomically(path, content);
        return fixture.frames().insertCameraFrame(cameraId, new NewCameraFrame(new FrameId("e1", seq), capturedAt, 0,
                written.sha256(), written.size(), 0, 0, path)).frameId();
    }

    private java.nio.file.Path file(long frameId) {
        return fixture.library().files().resolve(fixture.frames().find(frameId).orElseThrow().path());
    }

    private Job runIngest() throws InterruptedException {
        return runIngest(IngestJob.everythingIn(fixture.library()));
    }

    private Job runIngest(IngestJob.Params params) throws InterruptedException {
        if (runner == null) {
            runner = runner();
        }
        Job job = runner.submit(new IngestJob(fixture.library(), new FrameAnalyzer(), 2), params,
                studio.timelapse.shared.job.SubmitOptions.defaults());
        return runner.awaitFinished(job.id(), Duration.ofSeconds(60));
    }

    private JobRunner runner() {
        return JobRunner.builder(fixture.library().database(), fixture.log().log())
                .queue(IngestJob.QUEUE, 1)
                .register(new IngestJob(fixture.library(), new FrameAnalyzer(), 2))
                .build().start();
    }
}
