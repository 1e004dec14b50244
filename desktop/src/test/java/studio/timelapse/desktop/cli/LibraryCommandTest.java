package studio.timelapse.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.desktop.library.Frame;
import studio.timelapse.desktop.library.LibraryFixture;
import studio.timelapse.shared.protocol.FrameId;

/** {@code timelapse library check}: a report of what is wrong, and an exit code that says whether anything is. */
class LibraryCommandTest {
    @TempDir
    Path home;

    private CliRunner.Run run(String... args) {
        return new CliRunner(home).run(args);
    }

    /** The default library, with three frames; returns the paths of their files. */
    private Path[] aLibraryWithThreeFrames() throws Exception {
        Path[] files = new Path[3];
        try (LibraryFixture library = LibraryFixture.in(home.resolve("library"))) {
            library.addCamera("cam-1");
            for (int seq = 1; seq <= 3; seq++) {
                long id = library.syncFrame("cam-1", new FrameId("e1", seq),
                        Instant.parse("2024-06-21T12:00:00Z").plusSeconds(seq)).frameId();
                Frame frame = library.frames().find(id).orElseThrow();
                files[seq - 1] = library.library().files().resolve(frame.path());
            }
        }
        return files;
    }

    @Test
    void aWholeLibraryChecksCleanAndExitsZero() throws Exception {
        aLibraryWithThreeFrames();
        CliRunner.Run run = run("library", "check");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Checked 3 frames").contains("No problems");
    }

    @Test
    void problemsAreListedAndTheExitCodeIsOne() throws Exception {
        Path[] files = aLibraryWithThreeFrames();
        Files.delete(files[0]);
        Files.writeString(files[1], "not the frame any more");
        Files.writeString(files[2].resolveSibling("stray.jpg"), "?");

        CliRunner.Run run = run("library", "check", "--threads", "2");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).containsPattern("MISSING +frames/cam-1/2024-06-21/e1-1.jpg \\(frame 1\\): no such file")
                .containsPattern("CORRUPT +frames/cam-1/2024-06-21/e1-2.jpg \\(frame 2\\): size 22 bytes")
                .containsPattern("UNINDEXED +frames/cam-1/2024-06-21/stray.jpg: no frame in the index points to it")
                .contains("3 problems: 1 missing, 1 corrupt, 0 unreadable, 1 unindexed.");
    }

    @Test
    void aLibraryElsewhereIsCheckedWithTheLibraryOption(@TempDir Path elsewhere) throws Exception {
        try (LibraryFixture library = LibraryFixture.in(elsewhere.resolve("lib"))) {
            library.addCamera("cam-1");
        }
        CliRunner.Run run = run("library", "check", "--library", elsewhere.resolve("lib").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Checked 0 frames");
    }

    @Test
    void withoutALibraryItSaysWhereItLookedAndCreatesNothing() {
        CliRunner.Run run = run("library", "check", "--library", home.resolve("typo").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("no library at " + home.resolve("typo"));
        assertThat(home.resolve("typo")).doesNotExist();
    }
}
