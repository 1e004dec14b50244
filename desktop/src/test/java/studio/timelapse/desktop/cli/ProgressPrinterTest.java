package studio.timelapse.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import studio.timelapse.shared.actionlog.Action;
import studio.timelapse.shared.actionlog.ProgressReporter;
import studio.timelapse.shared.testing.RecordingLog;

/** Progress on the command line, as plain lines (the tests have no terminal). */
class ProgressPrinterTest {
    private final RecordingLog recording = new RecordingLog();
    private final StringWriter text = new StringWriter();
    private final PrintWriter out = new PrintWriter(text);

    @AfterEach
    void close() {
        recording.close();
    }

    private void runJob(String type, int files) {
        try (Action action = recording.log().start(type)) {
            ProgressReporter progress = action.progress(files, "files");
            for (int i = 0; i < files; i++) {
                progress.advance(1);
            }
        }
    }

    @Test
    void aFollowedActionShowsItsFirstAndLastProgress() {
        try (ProgressPrinter printer = ProgressPrinter.follow(recording.log(), "studio:import", out)) {
            runJob("studio:import", 5);
        }

        assertThat(text.toString().lines()).hasSize(2).first().asString().startsWith("1/5 files");
        assertThat(text.toString().lines()).last().asString().startsWith("5/5 files");
    }

    @Test
    void actionsOfOtherTypesAreNotShown() {
        try (ProgressPrinter printer = ProgressPrinter.follow(recording.log(), "studio:import", out)) {
            runJob("studio:ingest", 5);
        }

        assertThat(text.toString()).isEmpty();
    }

    @Test
    void aHeldPrinterShowsAJobThatEndedBeforeTheReleaseAfterTheReleasedLine() {
        try (ProgressPrinter printer = ProgressPrinter.followHeld(recording.log(), "studio:import", out)) {
            runJob("studio:import", 5);
            assertThat(text.toString()).isEmpty();

            printer.release("Importing the card (job 1).");
        }

        assertThat(text.toString().lines()).hasSize(2).first().isEqualTo("Importing the card (job 1).");
        assertThat(text.toString().lines()).last().asString().startsWith("5/5 files");
    }
}
