package studio.timelapse.shared.job;

import java.time.Instant;
import java.util.Optional;

/**
 * A job as stored: what it is, where it stands, and how far it got. What the command line and the jobs screen show.
 */
public record Job(
        long id,
        String type,
        String queue,
        int priority,
        Optional<String> idempotencyKey,
        String parametersJson,
        JobState state,
        int attempts,
        int maxAttempts,
        Optional<String> checkpointJson,
        long chunksDone,
        Optional<Long> progressDone,
        Optional<Long> progressTotal,
        Optional<String> progressUnit,
        Instant runAfter,
        Instant createdAt,
        Optional<Instant> startedAt,
        Optional<Instant> finishedAt,
        Optional<Instant> heartbeatAt,
        Optional<String> owner,
        boolean cancelRequested,
        Optional<String> lastError,
        Optional<String> taskUuid,
        Optional<String> submittedIn) {

    /** 0–100 when the job knows its total. */
    public Optional<Double> percent() {
        if (state == JobState.SUCCEEDED) {
            return Optional.of(100.0);
        }
        return progressTotal.filter(total -> total > 0)
                .flatMap(total -> progressDone.map(done -> Math.min(100.0, 100.0 * done / total)));
    }
}
