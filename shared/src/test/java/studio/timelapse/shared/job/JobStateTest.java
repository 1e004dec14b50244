package studio.timelapse.shared.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The job state machine as a table: from each state, where a job may go. */
class JobStateTest {
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "QUEUED,      RUNNING CANCELLED",
        "RUNNING,     SUCCEEDED FAILED CANCELLED INTERRUPTED QUEUED",
        "INTERRUPTED, RUNNING QUEUED CANCELLED",
        "SUCCEEDED,   ''",
        "FAILED,      ''",
        "CANCELLED,   ''",
    })
    void transitions(JobState from, String to) {
        EnumSet<JobState> expected = EnumSet.noneOf(JobState.class);
        for (String state : to.trim().split("\\s+")) {
            if (!state.isEmpty()) {
                expected.add(JobState.valueOf(state));
            }
        }
        assertThat(from.next()).isEqualTo(expected);
        assertThat(from.finished()).isEqualTo(expected.isEmpty());
    }

    @ParameterizedTest
    @CsvSource({"queued, QUEUED", "interrupted, INTERRUPTED", "succeeded, SUCCEEDED"})
    void storedAsLowerCaseWords(String wire, JobState state) {
        assertThat(JobState.fromWire(wire)).isEqualTo(state);
        assertThat(state.wire()).isEqualTo(wire);
    }
}
