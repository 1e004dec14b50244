package studio.timelapse.desktop.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import studio.timelapse.shared.actionlog.LogMessage;
import studio.timelapse.shared.cancel.StopSignal;
import studio.timelapse.shared.cancel.StoppedException;
import studio.timelapse.shared.protocol.FrameId;

class LibraryCheckTest {
    private static final Instant NOON = Instant.parse("2024-06-21T12:00:00Z");

    @RegisterExtension
    final LibraryFixture fixture = new LibraryFixture();

    @BeforeEach
    void aLibraryWithTwentyFrames() throws Exception {
        fixture.addCamera("cam-1");
        for (int seq = 1; seq <= 20; seq++) {
            fixture.syncFrame("cam-1", new FrameId("e1", seq), NOON.plusSeconds(seq));
        }
    }

    private Path fileOf(int seq) {
        Frame frame = fixture.frames().findCameraFrame("cam-1", new FrameId("e1", seq)).orElseThrow();
        return fixture.library().files().resolve(frame.path());
    }

    @Test
    void aHealthyLibraryHasNothingToReport() {
        CheckReport report = LibraryCheck.of(fixture.library()).withThreads(3).run(new StopSignal());
        assertThat(report.healthy()).isTrue();
        assertThat(report.frames()).isEqualTo(20);
        assertThat(report.filesSeen()).isEqualTo(20);
        assertThat(report.bytes()).isPositive();
    }

    @Test
    void findsAMissingACorruptAndAnUnindexedFile() throws Exception {
        Files.delete(fileOf(3));
        byte[] content = Files.readAllBytes(fileOf(7));
        content[2] ^= 1; // one bit flipped: same size, different digest
        Files.write(fileOf(7), content);
        Files.write(fileOf(9), "truncated".getBytes(StandardCharsets.UTF_8));
        Path stray = fileOf(1).resolveSibling("IMG_9999.jpg");
        Files.write(stray, new byte[] {1, 2, 3});
        // A temporary file left by a killed write is not a frame and not a problem.
        Files.write(fileOf(1).resolveSibling(FrameFiles.TEMPORARY_PREFIX + "x.tmp"), new byte[] {1});

        CheckReport report = LibraryCheck.of(fixture.library()).run(new StopSignal());

        assertThat(report.count(CheckProblem.Kind.MISSING)).isEqualTo(1);
        assertThat(report.count(CheckProblem.Kind.CORRUPT)).isEqualTo(2);
        assertThat(report.count(CheckProblem.Kind.UNINDEXED)).isEqualTo(1);
        assertThat(report.count(CheckProblem.Kind.UNREADABLE)).isZero();
        assertThat(report.problems()).extracting(CheckProblem::kind, CheckProblem::path).containsExactly(
                org.assertj.core.groups.Tuple.tuple(CheckProblem.Kind.MISSING, path(3)),
                org.assertj.core.groups.Tuple.tuple(CheckProblem.Kind.CORRUPT, path(7)),
                org.assertj.core.groups.Tuple.tuple(CheckProblem.Kind.CORRUPT, path(9)),
                org.assertj.core.groups.Tuple.tuple(CheckProblem.Kind.UNINDEXED,
                        fixture.library().files().relativize(stray)));
        assertThat(report.problems().get(1).detail()).startsWith("SHA-256 ");
        assertThat(report.problems().get(2).detail()).startsWith("size 9 bytes");
        assertThat(report.problems().get(3).frameId()).isEmpty();
    }

    @Test
    void reportsProgressAndItsFindingsInTheLog() throws Exception {
        Files.delete(fileOf(5));
        LibraryCheck.of(fixture.library()).run(new StopSignal());
        LogMessage end = fixture.log().messages().stream()
                .filter(m -> LibraryCheck.ACTION.equals(m.fields().get("action_type"))
                        && "succeeded".equals(m.fields().get("action_status")))
                .findFirst().orElseThrow();
        assertThat(end.fields()).containsEntry("missing", 1L).containsEntry("frames", 20L);
        assertThat(fixture.log().ofType("progress")).last()
                .satisfies(m -> assertThat(m.fields()).containsEntry("done", 20L).containsEntry("total", 20L));
    }

    @Test
    void aStoppedCheckStopsWithoutAReport() {
        StopSignal stop = new StopSignal();
        stop.stop("user pressed Ctrl-C");
        assertThatThrownBy(() -> LibraryCheck.of(fixture.library()).run(stop)).isInstanceOf(StoppedException.class);
    }

    private String path(int seq) {
        return fixture.frames().findCameraFrame("cam-1", new FrameId("e1", seq)).map(Frame::path).orElseThrow();
    }
}
