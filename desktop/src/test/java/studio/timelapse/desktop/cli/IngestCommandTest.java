package studio.timelapse.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.desktop.importing.TestCard;
import studio.timelapse.desktop.library.FrameFiles;
import studio.timelapse.desktop.library.LibraryFixture;
import studio.timelapse.desktop.library.NewCameraFrame;
import studio.timelapse.shared.protocol.FrameId;

/** {@code timelapse ingest}: every waiting frame analysed; damaged ones listed with the reason, exit code 1. */
class IngestCommandTest {
    @TempDir
    Path home;

    private CliRunner.Run run(String... args) {
        return new CliRunner(home).run(args);
    }

    /** Three synced frames, the second one cut short; returns the second one's file. */
    private Path aLibraryWithOneDamagedFrame() throws Exception {
        Path damaged = null;
        try (LibraryFixture library = LibraryFixture.in(home.resolve("library"))) {
            library.addCamera("cam-1");
            for (int seq = 1; seq <= 3; seq++) {
                byte[] jpeg = TestCard.cameraJpeg(seq, "2024:06:21 10:00:0" + seq);
                Instant at = Instant.parse("2024-06-21T10:00:00Z").plusSeconds(seq);
                FrameFiles files = library.library().files();
                String path = files.pathFor("cam-1", at, 0, "e1-" + seq + ".jpg");
                FrameFiles.Written written = files.writeAtomically(path, seq == 2 ? Arrays.copyOf(jpeg, 300) : jpeg);
                library.frames().insertCameraFrame("cam-1", new NewCameraFrame(new FrameId("e1", seq), at, 0,
                        written.sha256(), written.size(), 0, 0, path));
                if (seq == 2) {
                    damaged = files.resolve(path);
                }
            }
        }
        return damaged;
    }

    @Test
    void everyFrameIsAnalysedAndADamagedOneIsListedWithItsReason() throws Exception {
        aLibraryWithOneDamagedFrame();

        CliRunner.Run run = run("ingest");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).contains("Analysed 3 frames.")
                .containsPattern("Flagged \\(not analysed\\), with the reason:\n  frames/cam-1/2024-06-21/e1-2.jpg: "
                        + "the file ends .* \\(truncated\\)");
    }

    @Test
    void aRepairedFrameIsAnalysedWhenFlaggedFramesAreRetried() throws Exception {
        Path damaged = aLibraryWithOneDamagedFrame();
        run("ingest");
        Files.write(damaged, TestCard.cameraJpeg(2, "2024:06:21 10:00:02"));

        assertThat(run("ingest").out()).contains("Nothing to ingest");
        CliRunner.Run retried = run("ingest", "--retry-flagged");

        assertThat(retried.exitCode()).as(retried.out() + retried.err()).isZero();
        assertThat(retried.out()).contains("Trying 1 flagged frames again.").contains("Analysed 1 frames.");
    }

    @Test
    void withoutALibraryItSaysSo() {
        CliRunner.Run run = run("ingest");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("no library at " + home.resolve("library"));
    }
}
