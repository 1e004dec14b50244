package studio.timelapse.desktop.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.desktop.ingest.FrameAnalyzer;
import studio.timelapse.desktop.ingest.TestJpegs;
import studio.timelapse.desktop.library.Frame;
import studio.timelapse.desktop.library.Frames;
import studio.timelapse.desktop.library.Imports;
import studio.timelapse.desktop.library.LibraryFixture;
import studio.timelapse.desktop.library.Page;
import studio.timelapse.desktop.library.Sequence;
import studio.timelapse.desktop.library.SequenceKind;
import studio.timelapse.shared.actionlog.LogMessage;
import studio.timelapse.shared.job.Job;
import studio.timelapse.shared.job.JobRunner;
import studio.timelapse.shared.job.JobState;
import studio.timelapse.shared.job.SubmitOptions;

class ImportJobTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @RegisterExtension
    final LibraryFixture fixture = new LibraryFixture();

    @TempDir
    Path sources;

    private JobRunner runner;

    @AfterEach
    void stopRunner() {
        if (runner != null) {
            runner.close(Duration.ofSeconds(5));
        }
    }

    @Test
    void aCardIsImportedRecursivelyIntoOneSequenceNamedAfterItsFolder() throws Exception {
        TestCard card = new TestCard(sources.resolve("EOS_DIGITAL"));
        for (int i = 1; i <= 5; i++) {
            card.put("DCIM/100CANON/IMG_000" + i + ".JPG", TestCard.cameraJpeg(i, "2024:06:21 10:00:0" + i));
        }
        card.put("DCIM/100CANON/IMG_0001.CR2", TestCard.noise(5000, 1));
        card.put("DCIM/100GOPRO/GOPR0001.JPG", TestCard.cameraJpeg(6, "2024:06:21 23:59:59"));
        card.put("DCIM/100GOPRO/GOPR0002.MP4", TestCard.noise(20000, 2));
        card.put("DCIM/100GOPRO/GOPR0002.THM", TestCard.plainJpeg(7));
        card.put("phone/IMG_20240622_080000.jpeg", TestCard.cameraJpeg(8, "2024:06:22 08:00:00"));
        Instant modified = Instant.parse("2023-01-02T03:04:05Z");
        card.put("timelapse/frame_0001", TestCard.plainJpeg(9), modified); // a JPEG by content, not by name
        card.put("DCIM/100CANON/._IMG_0001.JPG", TestCard.noise(4096, 3)); // macOS's shadow file: hidden
        card.put(".Trashes/501/IMG_9999.JPG", TestCard.plainJpeg(10));

        Job job = runImport(card.root(), Optional.empty());

        assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
        ImportJob.Checkpoint result = ImportJob.checkpoint(job).orElseThrow();
        assertThat(result).extracting(ImportJob.Checkpoint::imported, ImportJob.Checkpoint::duplicates,
                ImportJob.Checkpoint::skipped, ImportJob.Checkpoint::otherFiles).containsExactly(8L, 0L, 0L, 3L);
        Sequence sequence = Imports.of(fixture.library()).run(job.id()).orElseThrow().sequence().orElseThrow();
        assertThat(sequence.name()).isEqualTo("EOS_DIGITAL");
        assertThat(sequence.kind()).isEqualTo(SequenceKind.IMPORT);
        List<Frame> frames = framesOf(sequence);
        assertThat(frames).hasSize(8).allSatisfy(frame -> {
            assertThat(frame.ingested()).as("ingested while imported").isPresent();
            assertThat(fixture.frames().thumbnail(frame.id())).isPresent();
            assertThat(frame.width()).isEqualTo(160);
        });

        Frame gopro = frames.stream().filter(f -> f.path().contains("GOPR0001")).findFirst().orElseThrow();
        assertThat(gopro.capturedAt()).isEqualTo(Instant.parse("2024-06-21T21:59:59Z")); // the camera's clock: Paris
        assertThat(gopro.utcOffsetSeconds()).isEqualTo(7200);
        assertThat(gopro.path()).matches("frames/EOS_DIGITAL/2024-06-21/GOPR0001-[0-9a-f]{8}\\.jpg");
        assertThat(Files.readAllBytes(fixture.library().files().resolve(gopro.path())))
                .isEqualTo(Files.readAllBytes(card.root().resolve("DCIM/100GOPRO/GOPR0001.JPG")));
        assertThat(gopro.ingested().orElseThrow().exposure().timeSeconds()).hasValue(1 / 125.0);

        Frame undated = frames.stream().filter(f -> f.path().contains("frame_0001")).findFirst().orElseThrow();
        assertThat(undated.capturedAt()).isEqualTo(modified);
        assertThat(fixture.log().ofType("studio:import:time_from_file")).singleElement()
                .satisfies(message -> assertThat(message.get("file")).isEqualTo("timelapse/frame_0001"));
    }

    @Test
    void importingTheSameCardAgainAddsNothing() throws Exception {
        TestCard card = new TestCard(sources.resolve("card"));
        for (int i = 1; i <= 3; i++) {
            card.put("DCIM/100MEDIA/DSC0000" + i + ".JPG", TestCard.cameraJpeg(i, "2024:06:21 10:00:0" + i));
        }
        runImport(card.root(), Optional.empty());
        long framesBefore = fixture.frames().count();

        Job again = runImport(card.root(), Optional.empty());

        assertThat(ImportJob.checkpoint(again).orElseThrow()).extracting(ImportJob.Checkpoint::imported,
                ImportJob.Checkpoint::duplicates).containsExactly(0L, 3L);
        assertThat(fixture.frames().count()).isEqualTo(framesBefore);
        assertThat(fixture.sequences().all()).as("no empty second import").hasSize(1);
        assertThat(Imports.of(fixture.library()).run(again.id()).orElseThrow().sequence()).isEmpty();
    }

    @Test
    void aSecondImportOfAFolderWithNewFramesGetsItsOwnSequence() throws Exception {
        TestCard card = new TestCard(sources.resolve("card"));
        card.put("a.jpg", TestCard.cameraJpeg(1, "2024:06:21 10:00:01"));
        runImport(card.root(), Optional.empty());
        card.put("b.jpg", TestCard.cameraJpeg(2, "2024:06:21 10:00:02"));

        Job again = runImport(card.root(), Optional.empty());

        assertThat(ImportJob.checkpoint(again).orElseThrow()).extracting(ImportJob.Checkpoint::imported,
                ImportJob.Checkpoint::duplicates).containsExactly(1L, 1L);
        assertThat(Imports.of(fixture.library()).run(again.id()).orElseThrow().sequence().orElseThrow().name())
                .isEqualTo("card (2)");
    }

    @Test
    void theSamePhotoTwiceOnACardIsOneFrame() throws Exception {
        TestCard card = new TestCard(sources.resolve("card"));
        byte[] photo = TestCard.cameraJpeg(1, "2024:06:21 10:00:01");
        card.put("DCIM/100/IMG_0001.JPG", photo);
        card.put("DCIM/101/IMG_0001.JPG", photo);        // the same name and content in another folder
        card.put("backup/IMG_0001 copy.JPG", photo);     // a copy under another name
        card.put("DCIM/100/IMG_0002.JPG", TestCard.cameraJpeg(2, "2024:06:21 10:00:02"));

        Job job = runImport(card.root(), Optional.of("Holiday"));

        assertThat(ImportJob.checkpoint(job).orElseThrow()).extracting(ImportJob.Checkpoint::imported,
                ImportJob.Checkpoint::duplicates).containsExactly(2L, 2L);
        Sequence sequence = Imports.of(fixture.library()).run(job.id()).orElseThrow().sequence().orElseThrow();
        assertThat(sequence.name()).isEqualTo("Holiday");
        assertThat(framesOf(sequence)).hasSize(2);
        try (var stored = Files.walk(fixture.folder().resolve("frames"))) {
            assertThat(stored.filter(Files::isRegularFile)).as("no file left for a duplicate").hasSize(2);
        }
    }

    @Test
    void damagedFilesAreListedWithTheirReasonsAndNeverStopTheImport() throws Exception {
        TestCard card = new TestCard(sources.resolve("card"));
        byte[] whole = wholeJpeg();
        card.put("01-good.jpg", TestCard.cameraJpeg(1, "2024:06:21 10:00:01"));
        card.put("02-truncated.jpg", Arrays.copyOf(whole, whole.length / 2));
        card.put("03-not-a-jpeg.jpg", "this is a text file".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        byte[] cut = whole.clone();
        cut[cut.length / 2] = (byte) 0xFF;
        cut[cut.length / 2 + 1] = (byte) 0xD9;
        card.put("04-ends-early.jpg", cut);
        card.put("05-empty.jpg", new byte[0]);
        card.put("06-good.jpg", TestCard.cameraJpeg(2, "2024:06:21 10:00:02"));

        Job job = runImport(card.root(), Optional.empty());

        assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(ImportJob.checkpoint(job).orElseThrow()).extracting(ImportJob.Checkpoint::imported,
                ImportJob.Checkpoint::skipped).containsExactly(2L, 4L);
        assertThat(Imports.of(fixture.library()).skipped(job.id()))
                .extracting(Imports.Skipped::file, Imports.Skipped::kind)
                .containsExactly(tuple("02-truncated.jpg", "TRUNCATED"), tuple("03-not-a-jpeg.jpg", "NOT_JPEG"),
                        tuple("04-ends-early.jpg", "TRUNCATED"), tuple("05-empty.jpg", "NOT_JPEG"));
        assertThat(Imports.of(fixture.library()).skipped(job.id()).get(0).reason())
                .matches("the file ends after \\d+% of the image");
        List<LogMessage> logged = fixture.log().ofType("studio:import:file_skipped");
        assertThat(logged).extracting(message -> message.get("file")).contains("02-truncated.jpg");
    }

    @Test
    void aLargeImportGoesInChunksWithProgress() throws Exception {
        TestCard card = new TestCard(sources.resolve("card"));
        int count = ImportJob.CHUNK * 2 + 3;
        for (int i = 0; i < count; i++) {
            card.put(String.format("DCIM/%03d.jpg", i), TestCard.plainJpeg(i));
        }

        Job job = runImport(card.root(), Optional.empty());

        assertThat(job.chunksDone()).isEqualTo(3);
        assertThat(job.progressTotal()).hasValue((long) count);
        assertThat(job.progressDone()).hasValue((long) count);
        assertThat(ImportJob.checkpoint(job).orElseThrow().lastFile()).isEqualTo(String.format("DCIM/%03d.jpg",
                count - 1));
    }

    private static byte[] wholeJpeg() {
        return TestJpegs.photoJpeg(800, 600, 4, TestJpegs.Flavour.baseline420());
    }

    private List<Frame> framesOf(Sequence sequence) {
        Page page = fixture.frames().ofSequence(sequence.id(), Optional.empty(), 1000);
        return page.frames();
    }

    private Job runImport(Path source, Optional<String> name) throws InterruptedException {
        if (runner == null) {
            runner = JobRunner.builder(fixture.library().database(), fixture.log().log())
                    .queue(ImportJob.QUEUE, 1)
                    .register(new ImportJob(fixture.library(), new FrameAnalyzer(), 2))
                    .build().start();
        }
        Job job = runner.submit(new ImportJob(fixture.library(), new FrameAnalyzer(), 2),
                ImportJob.Params.of(source, name, PARIS), SubmitOptions.defaults());
        return runner.awaitFinished(job.id(), Duration.ofSeconds(60));
    }
}
